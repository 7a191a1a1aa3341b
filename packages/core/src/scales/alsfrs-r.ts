import {
  ALSFRS_R_DOMAIN_ITEMS,
  ALSFRS_R_ITEM_KEYS,
  ALSFRS_R_ITEM_NUMBERS,
  type AlsfrsRItemNumber,
  type AlsfrsRItems,
  type AlsfrsRItemScore,
} from './alsfrs-r-items.js';
import { checkOptionalIsoDate, deltaFrsFromMonths, intervalSinceOnset, type DeltaFrs } from './delta-frs.js';
import { kingsStage, type KingsStaging } from './kings-stage.js';
import { mitosStage, type MitosStaging } from './mitos-stage.js';
import {
  describeValue,
  isIntegerInRange,
  problem,
  type ScaleProblem,
  type ScaleResult,
} from './scale-result.js';

/**
 * ALSFRS-R scoring (Cedarbaum et al. 1999): validation, total, domain subscores, King's and MiToS stages and ΔFRS.
 * Method and sources: docs/methods/alsfrs-r.md.
 */

/** Version of the scoring algorithm, stored with every result; bump when any derived value could change. */
export const ALSFRS_R_ALGORITHM = 'alsfrs-r@1';

/**
 * What a form or a file supplies. Leaves are `unknown` on purpose: validation is the single place that decides
 * what is acceptable, whatever the caller's types.
 */
export interface AlsfrsRInput {
  /** Item scores keyed '1'…'12' with item 5 as '5a' (no gastrostomy) or '5b' (gastrostomy), never both. */
  readonly items: Readonly<Record<string, unknown>>;
  /** Optional gastrostomy status at this visit; when given it must agree with the 5a/5b choice. */
  readonly gastrostomy?: unknown;
  /** Optional `YYYY-MM-DD` dates; ΔFRS is computed only when both are given. */
  readonly symptomOnsetDate?: unknown;
  readonly assessmentDate?: unknown;
}

/** Everything derived from one ALSFRS-R record. */
export interface AlsfrsRScore {
  readonly algorithm: typeof ALSFRS_R_ALGORITHM;
  readonly items: AlsfrsRItems;
  /** Sum of the 12 items, 0–48 (higher = better). */
  readonly total: number;
  /** Items 1–3. */
  readonly bulbar: number;
  /** Items 4–6 (item 5 = 5a or 5b). */
  readonly fineMotor: number;
  /** Items 7–9. */
  readonly grossMotor: number;
  /** Items 10–12. */
  readonly respiratory: number;
  readonly kings: KingsStaging;
  readonly mitos: MitosStaging;
  /** Present only when both dates were given. */
  readonly deltaFrs?: DeltaFrs;
}

const ITEM_RANGE = { min: 0, max: 4 } as const;

/** Checks an ALSFRS-R record; every problem names the item (`items.<key>`) and the rule it broke. */
export function validateAlsfrsRItems(
  input: Pick<AlsfrsRInput, 'items' | 'gastrostomy'>,
): ScaleResult<AlsfrsRItems> {
  const items = input.items;
  const problems: ScaleProblem[] = [];
  for (const key of Object.keys(items)) {
    if (!(ALSFRS_R_ITEM_KEYS as readonly string[]).includes(key)) {
      const hint = key === '5' ? ' (use 5a without gastrostomy or 5b with gastrostomy)' : '';
      problems.push(problem(`items.${key}`, 'known-item', `items.${key} is not an ALSFRS-R item${hint}`));
    }
  }
  for (const key of ALSFRS_R_ITEM_KEYS) {
    const value = items[key];
    if (key === '5a' || key === '5b' || value === undefined || value === null) {
      continue;
    }
    if (!isIntegerInRange(value, ITEM_RANGE)) {
      problems.push(outOfRange(key, value));
    }
  }
  problems.push(...item5Problems(input));
  for (const key of ALSFRS_R_ITEM_KEYS) {
    if (key !== '5a' && key !== '5b' && (items[key] === undefined || items[key] === null)) {
      problems.push(
        problem(`items.${key}`, 'required', `item ${key} is missing (all 12 items are required)`),
      );
    }
  }
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  return { kind: 'ok', value: toValidatedItems(items) };
}

function outOfRange(key: string, value: unknown): ScaleProblem {
  return problem(
    `items.${key}`,
    'integer-0-4',
    `item ${key} must be an integer 0–4 (got ${describeValue(value)})`,
  );
}

function isAnswered(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function item5Problems(input: Pick<AlsfrsRInput, 'items' | 'gastrostomy'>): ScaleProblem[] {
  const a = input.items['5a'];
  const b = input.items['5b'];
  const problems: ScaleProblem[] = [];
  if (isAnswered(a) && isAnswered(b)) {
    return [
      problem(
        'items.5b',
        'one-of-5a-5b',
        'items 5a and 5b are both given: score 5a without gastrostomy, 5b with one',
      ),
    ];
  }
  if (!isAnswered(a) && !isAnswered(b)) {
    return [
      problem('items.5a', 'required', 'item 5 is missing: give 5a (no gastrostomy) or 5b (gastrostomy)'),
    ];
  }
  const key = isAnswered(a) ? '5a' : '5b';
  const value = key === '5a' ? a : b;
  if (!isIntegerInRange(value, ITEM_RANGE)) {
    problems.push(outOfRange(key, value));
  }
  const g = input.gastrostomy;
  if (isAnswered(g) && typeof g !== 'boolean') {
    problems.push(
      problem('gastrostomy', 'boolean', `gastrostomy must be true or false (got ${describeValue(g)})`),
    );
  } else if (g === true && key === '5a') {
    problems.push(
      problem(
        'items.5a',
        'item5-matches-gastrostomy',
        'participant has a gastrostomy: score item 5b, not 5a',
      ),
    );
  } else if (g === false && key === '5b') {
    problems.push(
      problem(
        'items.5b',
        'item5-matches-gastrostomy',
        'participant has no gastrostomy: score item 5a, not 5b',
      ),
    );
  }
  return problems;
}

function toValidatedItems(items: Readonly<Record<string, unknown>>): AlsfrsRItems {
  const item5Scale = isAnswered(items['5a']) ? 'a' : 'b';
  const scores = {} as Record<AlsfrsRItemNumber, AlsfrsRItemScore>;
  for (const n of ALSFRS_R_ITEM_NUMBERS) {
    const key = n === 5 ? `5${item5Scale}` : String(n);
    scores[n] = items[key] as AlsfrsRItemScore;
  }
  return { scores, item5Scale };
}

/** Total, domain subscores and stages of a validated record (ΔFRS needs dates: see scoreAlsfrsR). */
export function scoreAlsfrsRItems(items: AlsfrsRItems): AlsfrsRScore {
  const sum = (numbers: readonly AlsfrsRItemNumber[]): number =>
    numbers.reduce((acc, n) => acc + items.scores[n], 0);
  const bulbar = sum(ALSFRS_R_DOMAIN_ITEMS.bulbar);
  const fineMotor = sum(ALSFRS_R_DOMAIN_ITEMS.fineMotor);
  const grossMotor = sum(ALSFRS_R_DOMAIN_ITEMS.grossMotor);
  const respiratory = sum(ALSFRS_R_DOMAIN_ITEMS.respiratory);
  return {
    algorithm: ALSFRS_R_ALGORITHM,
    items,
    total: sum(ALSFRS_R_ITEM_NUMBERS),
    bulbar,
    fineMotor,
    grossMotor,
    respiratory,
    kings: kingsStage(items),
    mitos: mitosStage(items),
  };
}

/**
 * Validates and scores one ALSFRS-R record. ΔFRS is added when both dates are given; a malformed or misordered
 * date is reported together with any item problems.
 */
export function scoreAlsfrsR(input: AlsfrsRInput): ScaleResult<AlsfrsRScore> {
  const validated = validateAlsfrsRItems(input);
  const datesGiven = isAnswered(input.symptomOnsetDate) && isAnswered(input.assessmentDate);
  const interval = datesGiven
    ? intervalSinceOnset({ symptomOnsetDate: input.symptomOnsetDate, assessmentDate: input.assessmentDate })
    : null;
  const dateProblems = interval === null ? looseDateProblems(input) : problemsOf(interval);
  if (validated.kind === 'invalid' || dateProblems.length > 0) {
    const itemProblems = validated.kind === 'invalid' ? validated.problems : [];
    return { kind: 'invalid', problems: [...itemProblems, ...dateProblems] };
  }
  const score = scoreAlsfrsRItems(validated.value);
  if (interval === null || interval.kind === 'invalid') {
    return { kind: 'ok', value: score };
  }
  const deltaFrs = deltaFrsFromMonths({
    total: score.total,
    monthsSinceOnset: interval.value.monthsSinceOnset,
  });
  return { kind: 'ok', value: { ...score, deltaFrs: { deltaFrs, ...interval.value } } };
}

function looseDateProblems(input: AlsfrsRInput): ScaleProblem[] {
  return [
    ...checkOptionalIsoDate('symptomOnsetDate', input.symptomOnsetDate),
    ...checkOptionalIsoDate('assessmentDate', input.assessmentDate),
  ];
}

function problemsOf(result: ScaleResult<unknown>): readonly ScaleProblem[] {
  return result.kind === 'invalid' ? result.problems : [];
}
