import { posteriorProbabilityAbove } from './beta-posterior.js';
import {
  BOIN_ELIMINATION_MIN_N,
  boinLambdas,
  createBoinSettings,
  type BoinSettingsInput,
} from './boin-boundaries.js';
import { designProblem, integerProblems, type DesignProblem, type DesignResult } from './design-result.js';
import { isotonicRegression } from './isotonic.js';

/**
 * BOIN MTD selection as in BOIN 2.7.2 `select.mtd` (design.md §2.1): eliminate doses with Pr(p > φ) > cutoff (n ≥ 3)
 * from the lowest up, fit a weighted isotonic regression to the treated, non-eliminated doses and pick the estimate
 * closest to the target, ties to the higher dose below the target and to the lower dose above it.
 * Method: docs/methods/boin.md.
 */

/** Input of `boinSelectMtd`: patients and DLTs per dose level, lowest first. */
export interface BoinSelectMtdInput extends BoinSettingsInput {
  readonly patients: readonly number[];
  readonly dlts: readonly number[];
  /** Only doses whose isotonic estimate is ≤ λd may be selected (package `boundMTD`, default false). */
  readonly boundMtd?: boolean;
}

/** The selected MTD (1-based, null when none) and the estimates behind it. */
export interface BoinMtdSelection {
  readonly mtd: number | null;
  /** Isotonic estimates over every treated dose (as the package prints them); null for untreated doses. */
  readonly isotonicEstimates: readonly (number | null)[];
  /** Isotonic estimates over the doses eligible for selection (treated, not eliminated); null elsewhere. */
  readonly selectionEstimates: readonly (number | null)[];
  /** Lowest eliminated dose, or null. */
  readonly eliminatedFrom: number | null;
}

/** Tilt added to the j-th estimate so that ties resolve as the package does (p̃_j + j·1e-10). */
const TIE_TILT = 1e-10;

/** p̂ = (y + 0.05)/(n + 0.1) and weight 1/var with var = (y+0.05)(n−y+0.05)/((n+0.1)²(n+1.1)). */
function estimate(n: number, y: number): { readonly phat: number; readonly weight: number } {
  const variance = ((y + 0.05) * (n - y + 0.05)) / ((n + 0.1) ** 2 * (n + 1.1));
  return { phat: (y + 0.05) / (n + 0.1), weight: 1 / variance };
}

function pavaOver(levels: readonly number[], input: BoinSelectMtdInput): (number | null)[] {
  const out = new Array<number | null>(input.patients.length).fill(null);
  const fits = levels.map((j) => estimate(input.patients[j] ?? 0, input.dlts[j] ?? 0));
  const fitted = isotonicRegression(
    fits.map((f) => f.phat),
    fits.map((f) => f.weight),
  );
  levels.forEach((j, i) => {
    out[j] = fitted[i] ?? null;
  });
  return out;
}

function inputProblems(input: BoinSelectMtdInput): DesignProblem[] {
  const problems: DesignProblem[] = [];
  if (input.patients.length === 0) {
    problems.push(designProblem('patients', 'non-empty', 'patients needs at least one dose level'));
  }
  if (input.patients.length !== input.dlts.length) {
    problems.push(
      designProblem(
        'dlts',
        'same-length',
        `dlts must have one count per dose level like patients (${input.patients.length}), got ${input.dlts.length}`,
      ),
    );
  }
  input.patients.forEach((n, i) => {
    problems.push(...integerProblems(`patients[${i}]`, n, { min: 0, max: 100_000 }));
  });
  input.dlts.slice(0, input.patients.length).forEach((y, i) => {
    const n = input.patients[i] ?? 0;
    if (!Number.isInteger(y) || y < 0) {
      problems.push(
        designProblem(`dlts[${i}]`, 'non-negative-integer', `dlts[${i}] must be a whole number ≥ 0`),
      );
    } else if (y > n) {
      problems.push(
        designProblem(
          `dlts[${i}]`,
          'at-most-patients',
          `dlts[${i}] (${y}) must not exceed the patients at that level (${n})`,
        ),
      );
    }
  });
  return problems;
}

function lowestEliminated(input: BoinSelectMtdInput, target: number, cutoff: number): number | null {
  for (const [i, n] of input.patients.entries()) {
    const y = input.dlts[i] ?? 0;
    if (n >= BOIN_ELIMINATION_MIN_N && posteriorProbabilityAbove(target, { n, y }) > cutoff) {
      return i + 1;
    }
  }
  return null;
}

/** Selects the MTD from the final data of a BOIN trial (or any dose-finding data). */
export function boinSelectMtd(input: BoinSelectMtdInput): DesignResult<BoinMtdSelection> {
  const settings = createBoinSettings(input);
  const problems: DesignProblem[] = settings.kind === 'invalid' ? [...settings.problems] : [];
  problems.push(...inputProblems(input));
  if (problems.length > 0 || settings.kind === 'invalid') {
    return { kind: 'invalid', problems };
  }
  const { target, cutoffEliminate } = settings.value;
  const eliminatedFrom = lowestEliminated(input, target, cutoffEliminate);
  const treated = input.patients.flatMap((n, j) => (n > 0 ? [j] : []));
  const eligible = treated.filter((j) => eliminatedFrom === null || j + 1 < eliminatedFrom);
  const isotonicEstimates = pavaOver(treated, input);
  const selectionEstimates = pavaOver(eligible, input);
  const lambdaD = boinLambdas(settings.value).lambdaD;
  let mtd: number | null = null;
  let best = Infinity;
  eligible.forEach((j, position) => {
    const fitted = selectionEstimates[j] ?? null;
    if (fitted === null || (input.boundMtd === true && fitted > lambdaD)) {
      return;
    }
    const distance = Math.abs(fitted + (position + 1) * TIE_TILT - target);
    if (distance < best) {
      best = distance;
      mtd = j + 1;
    }
  });
  return { kind: 'ok', value: { mtd, isotonicEstimates, selectionEstimates, eliminatedFrom } };
}
