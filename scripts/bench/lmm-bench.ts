/**
 * LMM benchmark (run by `npm run bench`) on a generated
 * 10,000-subject cohort (~88,000 visits). Times celltrial's REML fit and, when Rscript with lme4 is on the
 * machine, lme4::lmer on the same CSV in the same run; records times and the largest relative difference of
 * the estimates in docs/benchmarks.md (between the lmm markers, so other benchmarks can share the file).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitGrowthModel } from '@celltrial/core';
import type { LmmFit } from '@celltrial/core';
import { writeBenchSection } from './bench-report.js';
import { cohortCsv, generateCohort } from './lmm-cohort.js';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 10_000);
const REPS = 3;
const SEED = 'celltrial-lmm-bench-1';

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

interface Estimates {
  fixed: number[];
  se: number[];
  varcorr: number[];
  reml: number;
}

function ours(fit: LmmFit): Estimates {
  return {
    fixed: fit.fixed.map((f) => f.estimate),
    se: fit.fixed.map((f) => f.se),
    varcorr: [fit.randomSd[0] ?? 0, fit.randomSd[1] ?? 0, fit.randomCorr[0]?.[1] ?? 0, fit.sdResidual],
    reml: fit.criterion,
  };
}

interface Lme4Run {
  version: string;
  converged: string;
  seconds: number[];
  estimates: Estimates;
  tight: Estimates;
  feval: number;
}

function runLme4(csv: string): Lme4Run | string {
  const probe = spawnSync('Rscript', ['-e', 'cat(requireNamespace("lme4", quietly = TRUE))'], {
    encoding: 'utf8',
  });
  if (probe.error !== undefined || probe.stdout.trim() !== 'TRUE') {
    return 'Rscript with lme4 not found (apt-get install r-base-core r-cran-lme4 to compare)';
  }
  const run = spawnSync('Rscript', [join(import.meta.dirname, 'lmm-bench.R'), csv, String(REPS)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) {
    return `Rscript failed: ${run.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
  }
  const out = run.stdout;
  const values = new Map<string, string>();
  for (const line of out.split('\n')) {
    const m = /^(\w+): (.*)$/.exec(line.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) {
      values.set(m[1], m[2]);
    }
  }
  const nums = (key: string): number[] => (values.get(key) ?? '').split(' ').map(Number);
  const estimates = (prefix: string): Estimates => ({
    fixed: nums(`${prefix}fixef`),
    se: nums(`${prefix}se`),
    varcorr: nums(`${prefix}varcorr`),
    reml: nums(`${prefix}reml`)[0] ?? Number.NaN,
  });
  return {
    version: values.get('version') ?? 'unknown',
    converged: values.get('converged') ?? 'unknown',
    seconds: nums('seconds'),
    estimates: estimates(''),
    tight: estimates('tight_'),
    feval: nums('feval')[0] ?? Number.NaN,
  };
}

function largestRelativeDifference(a: Estimates, b: Estimates): { value: number; where: string } {
  let worst = { value: 0, where: '' };
  const names = ['intercept', 'time', 'group', 'time:group'];
  const compare = (x: number, y: number, where: string): void => {
    const d = Math.abs(x - y) / Math.abs(y);
    if (d > worst.value) {
      worst = { value: d, where };
    }
  };
  a.fixed.forEach((v, i) => compare(v, b.fixed[i] ?? Number.NaN, `estimate ${names[i] ?? i}`));
  a.se.forEach((v, i) => compare(v, b.se[i] ?? Number.NaN, `SE ${names[i] ?? i}`));
  ['sdIntercept', 'sdTime', 'corr', 'sdResidual'].forEach((name, i) =>
    compare(a.varcorr[i] ?? 0, b.varcorr[i] ?? Number.NaN, name),
  );
  compare(a.reml, b.reml, 'REML criterion');
  return worst;
}

/** Fits the LMM on the generated cohort (and lme4 when available); writes the `lmm` section. */
export async function runLmmBench(): Promise<void> {
  const rows = generateCohort({ subjects: SUBJECTS, seed: SEED });
  const dir = mkdtempSync(join(tmpdir(), 'celltrial-bench-'));
  const csv = join(dir, 'lmm-cohort.csv');
  writeFileSync(csv, cohortCsv(rows));
  const data = {
    subject: rows.map((r) => r.subject),
    time: rows.map((r) => r.months),
    response: rows.map((r) => r.alsfrs_r),
    group: rows.map((r) => r.arm),
  };
  const seconds: number[] = [];
  let fit: LmmFit | null = null;
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    const result = fitGrowthModel(data, { method: 'reml' });
    seconds.push((performance.now() - t0) / 1000);
    if (result.kind !== 'ok') {
      throw new Error(`celltrial fit failed: ${result.problems.map((p) => p.message).join('; ')}`);
    }
    fit = result.fit;
  }
  if (fit === null) {
    throw new Error('no fit');
  }
  const r = runLme4(csv);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '## Linear mixed model: 10,000-subject cohort',
    '',
    `Model: \`alsfrs_r ~ months * arm + (1 + months | subject)\`, REML. Cohort: ${SUBJECTS.toLocaleString('en')} subjects, ` +
      `${rows.length.toLocaleString('en')} observations, generated by \`scripts/bench/lmm-cohort.ts\` (seed \`${SEED}\`). ` +
      `Times are wall-clock seconds for the model fit only (data already in memory; R: \`system.time(lmer(...))\` with lme4 defaults), ${REPS} runs each.`,
    '',
    `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, Node ${process.version}.`,
    '',
    '| implementation | median s | runs (s) | deviance evaluations | REML criterion |',
    '| --- | --- | --- | --- | --- |',
    `| celltrial (TypeScript) | ${median(seconds).toFixed(3)} | ${seconds.map((s) => s.toFixed(3)).join(', ')} | ${fit.iterations} | ${fit.criterion.toFixed(6)} |`,
  ];
  if (typeof r === 'string') {
    lines.push('', `lme4: not run — ${r}.`);
  } else {
    const diff = largestRelativeDifference(ours(fit), r.estimates);
    const tight = largestRelativeDifference(ours(fit), r.tight);
    lines.push(
      `| ${r.version} (defaults) | ${median(r.seconds).toFixed(3)} | ${r.seconds.map((s) => s.toFixed(3)).join(', ')} | ${r.feval} | ${r.estimates.reml.toFixed(6)} |`,
      '',
      `Speed: celltrial takes ${((median(seconds) / median(r.seconds)) * 100).toFixed(0)} % of lme4's time (goal: ≤ 50 %).`,
      '',
      'Largest relative difference over the fixed effects, their SEs, sdIntercept, sdTime, corr, sdResidual and the REML criterion (goal ≤ 1e-4):',
      '',
      `- vs lme4 with default settings: ${diff.value.toExponential(2)} (${diff.where}); lme4 convergence check: ${r.converged}.`,
      `- vs lme4 refitted with bobyqa to a tight tolerance (rhoend 1e-10; not timed): ${tight.value.toExponential(2)} (${tight.where}); its REML criterion ${r.tight.reml.toFixed(6)}.`,
    );
  }
  lines.push(
    '',
    'Note: the machine may be shared with other work; compare the two rows of one run rather than runs across days.',
  );
  const section = lines.join('\n');
  await writeBenchSection('lmm', section);
  process.stdout.write(`${section}\n`);
}
