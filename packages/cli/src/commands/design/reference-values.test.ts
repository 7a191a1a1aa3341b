import { boinDecide, createBoinSettings, posteriorStopBoundary } from '@celltrial/core';
import { describe, expect, it } from 'vitest';
import { runBoinBoundaries, runBoinSelectMtd } from './boin.command.js';
import { runBoinSimulate } from './boin-simulate.command.js';
import {
  boundaryRows,
  capture,
  numbersIn,
  rateList,
  readDesignReference,
  section,
  tableBScenarios,
} from './design-reference.js';
import { runSafetyMonitoring } from './safety-monitoring.command.js';
import { runThreePlusThreeOc } from './three-plus-three.command.js';

/*
 * Golden values: ../shared/reference/design-values/ (README.txt there), produced with R 4.2.2 and
 * bcrm 0.5.4 (`threep3`, exact 3+3), BOIN 2.7.2 (`get.boundary`, `select.mtd`, `get.oc`) and own beta-binomial code
 * (safety monitoring). The files are read at test time and every value in them is compared through the CLI's own
 * code path (the `run…` functions behind each command). Deterministic values are compared to half a unit of their
 * last printed digit (Table D and the λ's: ≤ 5e-7); Monte-Carlo values within 3 combined standard errors.
 */

interface OcOut {
  pMtd: number[];
  expectedN: number;
  expectedNPerLevel: number[];
  expectedDltsPerLevel: number[];
}

const threePlusThree = readDesignReference('three_plus_three_reference.txt');
const boin = readDesignReference('boin_reference.txt');
const safety = readDesignReference('safety_monitoring_reference.txt');

function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    expect(Math.abs((actual[i] ?? Number.NaN) - e), `index ${i}: ${actual[i]} vs ${e}`).toBeLessThanOrEqual(
      tolerance,
    );
  });
}

function oc(options: Record<string, string | boolean>): OcOut {
  return runThreePlusThreeOc({ ...options, details: true }) as OcOut;
}

const FOUR_DECIMALS = 5e-5 + 1e-12;

describe('3+3 exact operating characteristics vs three_plus_three_reference.txt (bcrm 0.5.4)', () => {
  it('Table A: one dose, P(esc), P(stop) and E[n] for every p', () => {
    const rows = section(threePlusThree, 'E[n]', 'Closed form')
      .trim()
      .split('\n')
      .map((line) => numbersIn(line).map(Number));
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const [p, , , , , pEsc, pStop, en] of rows) {
      const out = oc({ rates: String(p) });
      expectClose(out.pMtd, [pStop ?? Number.NaN, pEsc ?? Number.NaN], FOUR_DECIMALS);
      expectClose([out.expectedN], [en ?? Number.NaN], FOUR_DECIMALS);
    }
  });

  it('Table B (escalation-only): P(MTD), E[N], E[N_j], E[DLT_j]', () => {
    const scenarios = tableBScenarios(section(threePlusThree, 'Table B (esc)', 'Table B (deesc)'));
    expect(scenarios).toHaveLength(8);
    for (const s of scenarios) {
      const out = oc({ rates: s.rates.join(','), variant: 'escalation-only' });
      expectClose(out.pMtd, s.pMtd, FOUR_DECIMALS);
      expectClose([out.expectedN], [s.expectedN], FOUR_DECIMALS);
      expectClose(out.expectedNPerLevel, s.expectedNPerLevel ?? [], FOUR_DECIMALS);
      expectClose(out.expectedDltsPerLevel, s.expectedDltsPerLevel ?? [], FOUR_DECIMALS);
    }
  });

  it('Table B (de-escalation): P(MTD), E[N], E[N_j], E[DLT_j]', () => {
    const scenarios = tableBScenarios(section(threePlusThree, 'Table B (deesc)', 'Monte Carlo'));
    expect(scenarios).toHaveLength(8);
    for (const s of scenarios) {
      const out = oc({ rates: s.rates.join(','), variant: 'de-escalation' });
      expectClose(out.pMtd, s.pMtd, FOUR_DECIMALS);
      expectClose([out.expectedN], [s.expectedN], FOUR_DECIMALS);
      expectClose(out.expectedNPerLevel, s.expectedNPerLevel ?? [], FOUR_DECIMALS);
      expectClose(out.expectedDltsPerLevel, s.expectedDltsPerLevel ?? [], FOUR_DECIMALS);
    }
  });

  it('Table D (de-escalation, 6 decimals): P(MTD) and E[N] to 5e-7', () => {
    const lines = section(threePlusThree, 'Table D')
      .split('\n')
      .filter((l) => l.includes('bcrm P(MTD)'));
    expect(lines).toHaveLength(8);
    for (const line of lines) {
      const rates = rateList(capture(line, /p=(\([^)]*\))/));
      const bcrm = line.slice(line.indexOf('| bcrm'));
      const out = oc({ rates: rates.join(','), variant: 'de-escalation' });
      expectClose(out.pMtd, numbersIn(capture(bcrm, /P\(MTD\)=([\d. ]+?)\s+E\[N\]/)).map(Number), 5e-7);
      expectClose([out.expectedN], [Number(capture(bcrm, /E\[N\]=([\d.]+)/))], 5e-7);
    }
  });

  it('Table C (start at the middle dose): reproduced with the bcrm 0.5.4 rule for the untried lower dose', () => {
    const lines = section(threePlusThree, 'Table C', 'Table D')
      .split('\n')
      .filter((l) => l.trimStart().startsWith('p=('));
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      const rates = rateList(capture(line, /p=(\([^)]*\))/));
      const options = { rates: rates.join(','), variant: 'de-escalation', start: '2' };
      const out = oc({ ...options, untriedLowerDose: 'bcrm-0.5.4' });
      expectClose(
        out.pMtd,
        numbersIn(capture(line, /P\(MTD=0\.\.3\)=([\d. ]+?)\s+E\[N\]/)).map(Number),
        FOUR_DECIMALS,
      );
      expectClose([out.expectedN], [Number(capture(line, /E\[N\]=([\d.]+)/))], FOUR_DECIMALS);
      expectClose(
        out.expectedNPerLevel,
        numbersIn(capture(line, /E\[N_j\]=([^\n]*)/)).map(Number),
        FOUR_DECIMALS,
      );
      // The default rule (MTD = highest dose with ≤ 1/6) differs only in how P(MTD = 0) and P(MTD = 1) split.
      const standard = oc(options);
      expect(standard.expectedN).toBeCloseTo(out.expectedN, 12);
      expect(standard.pMtd.slice(2)).toEqual(out.pMtd.slice(2));
      expect(standard.pMtd[1]).toBeGreaterThan(out.pMtd[1] ?? 1);
    }
  });
});

interface BoundariesOut {
  lambdaE: number;
  lambdaD: number;
  table: {
    n: number;
    escalateIfAtMost: number;
    deescalateIfAtLeast: number;
    eliminateIfAtLeast: number | null;
  }[];
}

const LABELS = ['Escalate if # of DLT <=', 'Deescalate if # of DLT >=', 'Eliminate if # of DLT >='] as const;

function columns(out: BoundariesOut): (number | null)[][] {
  return [
    out.table.map((r) => r.escalateIfAtMost),
    out.table.map((r) => r.deescalateIfAtLeast),
    out.table.map((r) => r.eliminateIfAtLeast),
  ];
}

describe('BOIN vs boin_reference.txt (BOIN 2.7.2)', () => {
  it.each(['0.25', '0.30'])(
    'get.boundary(target=%s, ncohort=10, cohortsize=3): λ to 1e-9, full table n = 1…30',
    (t) => {
      const block = section(boin, `get.boundary(target=${t}, ncohort=10, cohortsize=3)`, '==========');
      const out = runBoinBoundaries({ target: t, cohortSize: '3', cohorts: '10' }) as BoundariesOut;
      expect(Math.abs(out.lambdaE - Number(capture(block, /lambda_e = ([\d.]+)/)))).toBeLessThan(1e-9);
      expect(Math.abs(out.lambdaD - Number(capture(block, /lambda_d = ([\d.]+)/)))).toBeLessThan(1e-9);
      const full = boundaryRows(section(block, '$full_boundary_tab', 'summary()'), LABELS);
      expect(full[0]).toHaveLength(30);
      expect(columns(out)).toEqual(full);
    },
  );

  it('get.boundary(target=0.3, ncohort=20, cohortsize=1): n = 1…20', () => {
    const block = section(boin, 'get.boundary(target=0.3, ncohort=20, cohortsize=1)', '==========');
    const out = runBoinBoundaries({ target: '0.3', cohortSize: '1', cohorts: '20' }) as BoundariesOut;
    expect(columns(out)).toEqual(boundaryRows(block, LABELS));
  });

  it.each(['0.25', '0.30'])('extrasafe stop boundary at the lowest dose (target %s, offset 0.05)', (t) => {
    const block = section(
      section(boin, `get.boundary(target=${t}, ncohort=10, cohortsize=3)`, '=========='),
      'extrasafe=TRUE',
    );
    const expected = boundaryRows(block, ['Stop the trial if # of DLT >='])[0] ?? [];
    expect(expected).toHaveLength(30);
    const settings = createBoinSettings({ target: Number(t) });
    if (settings.kind !== 'ok') {
      throw new Error('settings');
    }
    expected.forEach((b, i) => {
      const n = i + 1;
      const own = n >= 3 ? posteriorStopBoundary(n, { threshold: Number(t), cutoff: 0.9 }) : null;
      expect(own, `n = ${n}`).toBe(b);
      if (b !== null) {
        const at = (y: number) =>
          boinDecide({
            settings: settings.value,
            doseLevels: 3,
            level: 1,
            tally: { n, y },
            eliminatedFrom: null,
            extraSafe: { offset: 0.05 },
          }).nextLevel;
        expect(at(b)).toBeNull();
        expect(at(b - 1)).not.toBeNull();
      }
    });
  });

  it('λe / λd for other targets (4 decimals)', () => {
    const lines = section(boin, 'Other targets', '==========')
      .split('\n')
      .filter((l) => l.startsWith('target='));
    expect(lines).toHaveLength(7);
    for (const line of lines) {
      const target = capture(line, /target=([\d.]+)/);
      const out = runBoinBoundaries({ target, cohortSize: '3', cohorts: '1' }) as BoundariesOut;
      expectClose(
        [out.lambdaE, out.lambdaD],
        [Number(capture(line, /lambda_e=([\d.]+)/)), Number(capture(line, /lambda_d=([\d.]+)/))],
        FOUR_DECIMALS,
      );
      expect(out.lambdaE).toBeLessThan(Number(target));
      expect(out.lambdaD).toBeGreaterThan(Number(target));
    }
  });

  it('select.mtd worked examples (target 0.3): MTD and printed isotonic estimates (2 decimals)', () => {
    const examples = section(boin, 'select.mtd examples (target 0.3)', '==========').split('npts=').slice(1);
    expect(examples).toHaveLength(6);
    for (const example of examples) {
      const patients = capture(example, /^\s*([\d,]+)/);
      const dlts = capture(example, /ntox=\s*([\d,]+)/);
      const mtd = Number(capture(example, /MTD = (\d+)/));
      const phat = example
        .split('\n')
        .filter((l) => /^\d+\s+\d+\s/.test(l))
        .map((l) => numbersIn(l)[2] ?? null);
      const out = runBoinSelectMtd({ target: '0.3', patients, dlts }) as {
        mtd: number | null;
        isotonicEstimates: (number | null)[];
      };
      expect(out.mtd).toBe(mtd === 99 ? null : mtd);
      phat.forEach((p, j) => {
        const own = out.isotonicEstimates[j] ?? null;
        expect(own === null ? null : Math.round(own * 100) / 100, `${patients} / ${dlts} dose ${j + 1}`).toBe(
          p,
        );
      });
    }
  });
});

interface SimulationOut {
  selectionPercent: number[];
  selectionPercentSe: number[];
  noSelectionPercent: number;
  noSelectionPercentSe: number;
  patientsPerLevel: number[];
  patientsPerLevelSe: number[];
  dltsPerLevel: number[];
  dltsPerLevelSe: number[];
  totalPatients: number;
  totalPatientsSe: number;
}

const REF_TRIALS = 10_000;
/** Simulations of 20 000 trials take seconds; allow for a busy machine. */
const SIMULATION_TIMEOUT_MS = 120_000;
const OWN_TRIALS = 20_000;

/** |own − ref| ≤ 3·√(se_own² + se_ref²); se_ref from the binomial formula (percentages) or own SD at 10 000 trials. */
function withinPercent(own: number, ownSe: number, ref: number): void {
  const p = Math.max(ref / 100, 1 / REF_TRIALS);
  const refSe = 100 * Math.sqrt((p * (1 - p)) / REF_TRIALS);
  expect(Math.abs(own - ref), `${own} vs ${ref}`).toBeLessThanOrEqual(3 * Math.hypot(ownSe, refSe));
}

function withinMean(own: number, ownSe: number, ref: number): void {
  const refSe = ownSe * Math.sqrt(OWN_TRIALS / REF_TRIALS);
  // the reference prints 2 decimals: allow its rounding too
  expect(Math.abs(own - ref), `${own} vs ${ref}`).toBeLessThanOrEqual(3 * Math.hypot(ownSe, refSe) + 0.005);
}

function simulate(rates: readonly number[], cohorts: number, start: number): SimulationOut {
  return runBoinSimulate({
    target: '0.3',
    rates: rates.join(','),
    cohortSize: '3',
    cohorts: String(cohorts),
    trials: String(OWN_TRIALS),
    seed: 'reference-check',
    start: String(start),
  }) as SimulationOut;
}

describe('BOIN simulation vs get.oc (R RNG, 10 000 trials) within Monte-Carlo error', () => {
  it(
    '10 cohorts of 3, five doses: selection %, stop %, patients and DLTs per dose, total N',
    () => {
      const block = section(boin, 'get.oc simulation', '3-dose setting');
      const scenarios = block.split('p.true = ').slice(1);
      expect(scenarios).toHaveLength(3);
      for (const s of scenarios) {
        const rates = rateList(capture(s, /^([^\n]*)/));
        const out = simulate(rates, 10, 1);
        const selection = numbersIn(capture(s, /selection %:([^|]*)\|/)).map(Number);
        selection.forEach((ref, j) =>
          withinPercent(out.selectionPercent[j] ?? 0, out.selectionPercentSe[j] ?? 0, ref),
        );
        withinPercent(
          out.noSelectionPercent,
          out.noSelectionPercentSe,
          Number(capture(s, /early stop %: ([\d.]+)/)),
        );
        const patients = numbersIn(capture(s, /mean # pts per dose:([^|]*)\|/)).map(Number);
        patients.forEach((ref, j) =>
          withinMean(out.patientsPerLevel[j] ?? 0, out.patientsPerLevelSe[j] ?? 0, ref),
        );
        const dlts = numbersIn(capture(s, /mean # DLT per dose:([^\n]*)/)).map(Number);
        dlts.forEach((ref, j) => withinMean(out.dltsPerLevel[j] ?? 0, out.dltsPerLevelSe[j] ?? 0, ref));
        withinMean(out.totalPatients, out.totalPatientsSe, Number(capture(s, /mean total N: ([\d.]+)/)));
      }
    },
    SIMULATION_TIMEOUT_MS,
  );

  it.each([
    { start: '3-dose setting', end: 'Start at middle dose', startLevel: 1, count: 4 },
    { start: 'Start at middle dose', end: undefined, startLevel: 2, count: 3 },
  ] as const)(
    '$start (4 cohorts of 3): selection %, stop %, mean N, patients per dose',
    ({ start, end, startLevel, count }) => {
      const lines = section(boin, start, end)
        .split('\n')
        .filter((l) => l.startsWith('p.true'));
      expect(lines).toHaveLength(count);
      for (const line of lines) {
        const rates = rateList(capture(line, /p\.true = ([\d., ]+?)\s+sel%/));
        const out = simulate(rates, 4, startLevel);
        const selection = numbersIn(capture(line, /sel%:([\d. ]+?)\s+stop%/)).map(Number);
        selection.forEach((ref, j) =>
          withinPercent(out.selectionPercent[j] ?? 0, out.selectionPercentSe[j] ?? 0, ref),
        );
        withinPercent(
          out.noSelectionPercent,
          out.noSelectionPercentSe,
          Number(capture(line, /stop%: ([\d.]+)/)),
        );
        withinMean(out.totalPatients, out.totalPatientsSe, Number(capture(line, /meanN: ([\d.]+)/)));
        if (line.includes('n/dose:')) {
          const perDose = numbersIn(capture(line, /n\/dose:([^\n]*)/)).map(Number);
          perDose.forEach((ref, j) =>
            withinMean(out.patientsPerLevel[j] ?? 0, out.patientsPerLevelSe[j] ?? 0, ref),
          );
        }
      }
    },
    SIMULATION_TIMEOUT_MS,
  );
});

describe('safety monitoring vs safety_monitoring_reference.txt (design.md §6.3)', () => {
  it('boundaries, P(boundary crossed) (4 decimals) and E[N] (2 decimals) for every setting', () => {
    const settings = safety.split(/\n(?=p0=)/).slice(1);
    expect(settings).toHaveLength(3);
    for (const block of settings) {
      const threshold = capture(block, /^p0=([\d.]+)/);
      const cutoff = capture(block, /cutoff=([\d.]+)/);
      const maxN = capture(block, /N=(\d+)/);
      const ocLines = block.split('\n').filter((l) => l.includes('true p='));
      const rates = ocLines.map((l) => capture(l, /true p=([\d.]+)/));
      const out = runSafetyMonitoring({ threshold, cutoff, maxN, rates: rates.join(',') }) as {
        table: { n: number; stopIfAtLeast: number | null }[];
        oc: { pStop: number; expectedN: number }[];
      };
      const expected = numbersIn(capture(block, /stop if y >= :([^\n]*)/));
      expect(out.table.map((r) => r.stopIfAtLeast)).toEqual(expected);
      ocLines.forEach((line, i) => {
        expectClose([out.oc[i]?.pStop ?? Number.NaN], [Number(capture(line, /N\)=([\d.]+)/))], FOUR_DECIMALS);
        expectClose(
          [out.oc[i]?.expectedN ?? Number.NaN],
          [Number(capture(line, /E\[N\]=([\d.]+)/))],
          0.005 + 1e-12,
        );
      });
    }
  });
});
