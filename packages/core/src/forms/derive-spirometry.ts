import { SPIROMETRY_ALGORITHM, scoreSpirometry, type SpirometryMeasureResult } from '../scales/spirometry.js';
import {
  contextAge,
  emptyOutput,
  inputsNotReady,
  type DerivationInput,
  type DerivationOutput,
} from './derivation-types.js';

/**
 * Spirometry form → scoreSpirometry (Hankinson 1999): predicted, LLN and % predicted for each volume entered, with
 * sex, age, height and ethnicity from the context. Extrapolation warnings of the scorer become notes (they concern
 * the reference equation, not the data); FEV1 > FVC is the form's own warning check.
 */

const VOLUMES = [
  { item: 'fvcL', key: 'fvc' },
  { item: 'fev1L', key: 'fev1' },
  { item: 'svcL', key: 'svc' },
] as const;

/** Every id this derivation may produce. */
export const SPIROMETRY_DERIVED = [
  ...VOLUMES.flatMap(({ key }) => [`${key}PercentPredicted`, `${key}PredictedL`, `${key}LlnL`]),
  'fev1FvcPercent',
  'equation',
] as const;

function missingContext(input: DerivationInput, age: number | undefined): string[] {
  const { context } = input;
  return [
    ...(context.sex === undefined ? ['sex'] : []),
    ...(age === undefined ? ['age (ageYears, or birthDate with the visit date)'] : []),
    ...(context.heightCm === undefined ? ['height'] : []),
    ...(context.ethnicity === undefined ? ['ethnicity'] : []),
  ];
}

export function deriveSpirometry(input: DerivationInput): DerivationOutput {
  const output = emptyOutput();
  const entered = VOLUMES.filter(({ item }) => input.values[item] !== undefined);
  const notReady = inputsNotReady(input, { required: [], optional: VOLUMES.map(({ item }) => item) });
  if (notReady !== null || entered.length === 0) {
    const reason = notReady ?? 'no volume entered';
    output.notes.push({ derived: [...SPIROMETRY_DERIVED], message: `spirometry not scored: ${reason}` });
    return output;
  }
  const age = contextAge(input.context);
  const absent = missingContext(input, age);
  if (absent.length > 0) {
    const message = `% predicted not derived: the context has no ${absent.join(', ')}`;
    output.notes.push({ derived: [...SPIROMETRY_DERIVED], message });
    return output;
  }
  const scored = scoreSpirometry({
    sex: input.context.sex,
    ageYears: age,
    heightCm: input.context.heightCm,
    ethnicity: input.context.ethnicity,
    fvcL: input.values['fvcL'],
    fev1L: input.values['fev1L'],
    svcL: input.values['svcL'],
  });
  if (scored.kind === 'invalid') {
    const reasons = scored.problems.map((problem) => problem.message).join('; ');
    output.notes.push({ derived: [...SPIROMETRY_DERIVED], message: `% predicted not derived: ${reasons}` });
    return output;
  }
  const result = scored.value;
  const set = (id: string, value: unknown): void => {
    output.derived[id] = { value, algorithm: SPIROMETRY_ALGORITHM };
  };
  for (const { key } of entered) {
    const measure: SpirometryMeasureResult | undefined = result[key];
    if (measure !== undefined) {
      set(`${key}PercentPredicted`, measure.percentPredicted);
      set(`${key}PredictedL`, measure.predictedL);
      set(`${key}LlnL`, measure.llnL);
    }
  }
  if (result.fev1FvcRatio !== undefined) {
    set('fev1FvcPercent', result.fev1FvcRatio.measuredPercent);
  }
  set('equation', result.equation);
  for (const warning of result.warnings) {
    if (warning.rule !== 'fev1-not-above-fvc') {
      output.notes.push({ derived: [...SPIROMETRY_DERIVED], message: warning.message });
    }
  }
  return output;
}
