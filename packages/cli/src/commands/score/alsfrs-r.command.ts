import type { Command } from 'commander';
import { scoreAlsfrsR, type AlsfrsRScore } from '@celltrial/core';
import { runScorer, type RecordScorer } from './score-input.js';

function isItemsObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Scorer for `celltrial score alsfrs-r`: items (and optional dates) in, totals, stages and ΔFRS out. */
export const alsfrsRScorer: RecordScorer<AlsfrsRScore> = {
  allowedKeys: ['items', 'gastrostomy', 'symptomOnsetDate', 'assessmentDate'],
  score: (record) => {
    const items = record['items'];
    if (!isItemsObject(items)) {
      return {
        kind: 'invalid',
        problems: [
          { path: 'items', rule: 'object', message: 'items must be an object keyed "1"…"12" with 5a or 5b' },
        ],
      };
    }
    return scoreAlsfrsR({
      items,
      gastrostomy: record['gastrostomy'],
      symptomOnsetDate: record['symptomOnsetDate'],
      assessmentDate: record['assessmentDate'],
    });
  },
  toOutput: (score) => ({
    algorithm: score.algorithm,
    total: score.total,
    bulbar: score.bulbar,
    fineMotor: score.fineMotor,
    grossMotor: score.grossMotor,
    respiratory: score.respiratory,
    kings: score.kings.stage,
    mitos: score.mitos.stage,
    ...(score.deltaFrs === undefined ? {} : { deltaFrs: score.deltaFrs.deltaFrs }),
  }),
};

/** Registers `celltrial score alsfrs-r [FILE]`. */
export function registerAlsfrsRCommand(score: Command): void {
  score
    .command('alsfrs-r')
    .description(
      'Score ALSFRS-R records: {"items": {"1":0-4, …, "5a" or "5b", …, "12"}, "gastrostomy"?, ' +
        '"symptomOnsetDate"?, "assessmentDate"?} → total, domain subscores, King\'s stage, MiToS stage, ' +
        'ΔFRS (points/month, month = 30.4375 days; only when both dates are given). One object or an array.',
    )
    .argument('[file]', 'JSON file, or - for stdin', '-')
    .action(async (file: string) => {
      await runScorer(file, alsfrsRScorer);
    });
}
