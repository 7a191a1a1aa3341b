import type { Command } from 'commander';
import { scoreEdss, type EdssResult } from '@celltrial/core';
import { runScorer, type RecordScorer } from './score-input.js';

const FIELDS = [
  'visual',
  'brainstem',
  'pyramidal',
  'cerebellar',
  'sensory',
  'bowelBladder',
  'cerebral',
  'ambulation',
] as const;

/** Scorer for `celltrial score edss`: seven FS grades and the ambulation score in, EDSS step out. */
export const edssScorer: RecordScorer<EdssResult> = {
  allowedKeys: FIELDS,
  score: (record) =>
    scoreEdss(
      Object.fromEntries(FIELDS.map((f) => [f, record[f]])) as Record<(typeof FIELDS)[number], unknown>,
    ),
  toOutput: (result) => ({
    edss: result.edss,
    algorithm: result.algorithm,
    details: {
      converted: result.converted,
      determinedBy: result.determinedBy,
      rule: result.rule,
      ...(result.disputed === undefined ? {} : { disputed: result.disputed }),
    },
  }),
};

/** Registers `celltrial score edss [FILE]`. */
export function registerEdssCommand(score: Command): void {
  score
    .command('edss')
    .description(
      'EDSS from the Neurostatus functional systems and ambulation score: {"visual": 0-6, "brainstem": 0-5, ' +
        '"pyramidal": 0-6, "cerebellar": 0-5, "sensory": 0-6, "bowelBladder": 0-6, "cerebral": 0-5, ' +
        '"ambulation": 0-16} (raw grades; visual and bowel/bladder are converted). See docs/methods/edss.md.',
    )
    .argument('[file]', 'JSON file, or - for stdin', '-')
    .action(async (file: string) => {
      await runScorer(file, edssScorer);
    });
}
