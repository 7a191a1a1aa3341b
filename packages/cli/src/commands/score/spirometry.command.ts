import type { Command } from 'commander';
import { scoreSpirometry, type SpirometryMeasureResult, type SpirometryResult } from '@celltrial/core';
import { formatProblems, runScorer, type RecordScorer } from './score-input.js';

function measureFields(
  prefix: string,
  measure: SpirometryMeasureResult | undefined,
): Record<string, unknown> {
  if (measure === undefined) {
    return {};
  }
  return {
    [`${prefix}PredictedL`]: measure.predictedL,
    [`${prefix}LlnL`]: measure.llnL,
    [`${prefix}PercentPredicted`]: measure.percentPredicted,
    [`${prefix}BelowLln`]: measure.belowLln,
  };
}

function toOutput(result: SpirometryResult): unknown {
  const measured = result.fvc !== undefined || result.fev1 !== undefined || result.svc !== undefined;
  const referenceOnly = measured
    ? {}
    : {
        fvcPredictedL: result.reference.fvc.predicted,
        fvcLlnL: result.reference.fvc.lln,
        fev1PredictedL: result.reference.fev1.predicted,
        fev1LlnL: result.reference.fev1.lln,
      };
  const ratio = result.fev1FvcRatio;
  return {
    equation: result.equation,
    algorithm: result.algorithm,
    ...referenceOnly,
    ...measureFields('fvc', result.fvc),
    ...measureFields('fev1', result.fev1),
    ...measureFields('svc', result.svc),
    ...(result.svc === undefined ? {} : { svcReferenceEquation: result.svc.referenceEquation }),
    ...(ratio === undefined
      ? {}
      : {
          fev1FvcPercent: ratio.measuredPercent,
          fev1FvcPredictedPercent: ratio.predictedPercent,
          fev1FvcLlnPercent: ratio.llnPercent,
          fev1FvcBelowLln: ratio.belowLln,
        }),
    ...(result.warnings.length === 0 ? {} : { warnings: formatProblems(result.warnings, '').split('; ') }),
  };
}

/** Scorer for `celltrial score spirometry`: demographics and volumes in, Hankinson 1999 %pred and LLN out. */
export const spirometryScorer: RecordScorer<SpirometryResult> = {
  allowedKeys: ['sex', 'ageYears', 'heightCm', 'ethnicity', 'fvcL', 'fev1L', 'svcL'],
  score: (record) =>
    scoreSpirometry({
      sex: record['sex'],
      ageYears: record['ageYears'],
      heightCm: record['heightCm'],
      ethnicity: record['ethnicity'],
      fvcL: record['fvcL'],
      fev1L: record['fev1L'],
      svcL: record['svcL'],
    }),
  toOutput,
};

/** Registers `celltrial score spirometry [FILE]`. */
export function registerSpirometryCommand(score: Command): void {
  score
    .command('spirometry')
    .description(
      'Percent predicted and LLN by Hankinson 1999 (NHANES III): {"sex": "female"|"male", "ageYears", ' +
        '"heightCm", "ethnicity": "caucasian"|"african-american"|"mexican-american", "fvcL"?, "fev1L"?, ' +
        '"svcL"?}. SVC is referenced to the FVC equation. Without volumes: predicted FVC and FEV1 only. ' +
        'Ages outside 8–80 are extrapolated and flagged in "warnings".',
    )
    .argument('[file]', 'JSON file, or - for stdin', '-')
    .action(async (file: string) => {
      await runScorer(file, spirometryScorer);
    });
}
