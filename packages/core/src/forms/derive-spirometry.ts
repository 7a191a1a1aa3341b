import { elapsedYears } from '../eligibility/elapsed-time.js';
import { isIsoCalendarDate } from '../protocol/iso-date.js';
import {
  GLI_ALGORITHM,
  GLI_EDITIONS,
  GLI_ETHNICITIES,
  gliPredict,
  type GliEdition,
  type GliEthnicity,
  type GliLookupTable,
} from '../scales/spirometry-gli.js';
import { SPIROMETRY_ALGORITHM, scoreSpirometry, type SpirometryMeasureResult } from '../scales/spirometry.js';
import {
  contextAge,
  emptyOutput,
  inputsNotReady,
  type DerivationInput,
  type DerivationOutput,
} from './derivation-types.js';
import type { FormContext, FormDerivedItem } from './form-types.js';

/**
 * Spirometry form → scoreSpirometry (Hankinson 1999, the headline): predicted, LLN and % predicted for each volume
 * entered, with sex, age, height and ethnicity from the context. Extrapolation warnings of the scorer become notes
 * (they concern the reference equation, not the data); FEV1 > FVC is the form's own warning check.
 *
 * When the context carries loaded GLI tables (`context.gliTables`, one per edition), FVC and FEV1 are also
 * expressed against each: predicted, LLN, z-score and % predicted, with the equation id ('gli-2012/fvc') and the
 * table's source name. GLI uses the decimal age (birth date to visit date) when both dates are known.
 */

const VOLUMES = [
  { item: 'fvcL', key: 'fvc' },
  { item: 'fev1L', key: 'fev1' },
  { item: 'svcL', key: 'svc' },
] as const;

/** Every Hankinson id this derivation may produce. */
export const SPIROMETRY_DERIVED = [
  ...VOLUMES.flatMap(({ key }) => [`${key}PercentPredicted`, `${key}PredictedL`, `${key}LlnL`]),
  'fev1FvcPercent',
  'equation',
] as const;

/** GLI has FVC and FEV1 equations (no SVC). */
const GLI_MEASURES = [
  { item: 'fvcL', key: 'fvc', parameter: 'FVC', label: 'FVC' },
  { item: 'fev1L', key: 'fev1', parameter: 'FEV1', label: 'FEV1' },
] as const;

interface GliEditionIds {
  /** Infix of the measure ids: `fvc${key}PercentPredicted`. */
  readonly key: string;
  /** Id of the table's source name. */
  readonly tableId: string;
  readonly label: string;
}

const GLI_EDITION_KEYS: Readonly<Record<GliEdition, GliEditionIds>> = {
  'gli-2012': { key: 'Gli2012', tableId: 'gli2012Table', label: 'GLI-2012' },
  'gli-global-2022': { key: 'GliGlobal2022', tableId: 'gliGlobal2022Table', label: 'GLI Global 2022' },
};

const GLI_OUTPUTS = [
  { suffix: 'PercentPredicted', label: '% predicted', unit: '%' },
  { suffix: 'PredictedL', label: 'predicted', unit: 'L' },
  { suffix: 'LlnL', label: 'lower limit of normal', unit: 'L' },
  { suffix: 'ZScore', label: 'z-score' },
  { suffix: 'Equation', label: 'reference equation' },
] as const;

/** The GLI ids of one edition: `fvcGli2012PercentPredicted` … and `gli2012Table` (the table's source name). */
export function spirometryGliDerivedIds(edition: GliEdition): string[] {
  const { key, tableId } = GLI_EDITION_KEYS[edition];
  return [...GLI_MEASURES.flatMap((m) => GLI_OUTPUTS.map((o) => `${m.key}${key}${o.suffix}`)), tableId];
}

/** Display declarations of every GLI value, for the spirometry form's `derivedItems`. */
export const SPIROMETRY_GLI_DERIVED_ITEMS: readonly FormDerivedItem[] = GLI_EDITIONS.flatMap((edition) => {
  const { key, tableId, label } = GLI_EDITION_KEYS[edition];
  return [
    ...GLI_MEASURES.flatMap((m) =>
      GLI_OUTPUTS.map((o) => ({
        id: `${m.key}${key}${o.suffix}`,
        label: `${m.label} ${o.label} (${label})`,
        ...('unit' in o ? { unit: o.unit } : {}),
      })),
    ),
    { id: tableId, label: `${label} lookup table` },
  ];
});

function missingContext(input: DerivationInput, age: number | undefined): string[] {
  const { context } = input;
  return [
    ...(context.sex === undefined ? ['sex'] : []),
    ...(age === undefined ? ['age (ageYears, or birthDate with the visit date)'] : []),
    ...(context.heightCm === undefined ? ['height'] : []),
    ...(context.ethnicity === undefined ? ['ethnicity'] : []),
  ];
}

type Entered = ReadonlyArray<(typeof VOLUMES)[number]>;

function deriveHankinson(input: DerivationInput, work: { output: DerivationOutput; entered: Entered }): void {
  const { output, entered } = work;
  const age = contextAge(input.context);
  const absent = missingContext(input, age);
  if (absent.length > 0) {
    const message = `% predicted not derived: the context has no ${absent.join(', ')}`;
    output.notes.push({ derived: [...SPIROMETRY_DERIVED], message });
    return;
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
    return;
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
}

/** Decimal age for GLI: birth date to visit date when both are known, else context.ageYears. */
function gliAge(context: FormContext): number | undefined {
  const { birthDate, assessmentDate } = context;
  if (
    typeof birthDate === 'string' &&
    typeof assessmentDate === 'string' &&
    isIsoCalendarDate(birthDate) &&
    isIsoCalendarDate(assessmentDate) &&
    birthDate <= assessmentDate
  ) {
    return elapsedYears(birthDate, assessmentDate);
  }
  return context.ageYears;
}

function gliEthnicity(context: FormContext): GliEthnicity | undefined {
  return GLI_ETHNICITIES.find((e) => e === context.ethnicity);
}

/** Why a table cannot be used for this context (null when it can). */
function gliContextProblem(table: GliLookupTable, context: FormContext): string | null {
  const absent = [
    ...(context.sex === undefined ? ['sex'] : []),
    ...(gliAge(context) === undefined ? ['age (ageYears, or birthDate with the visit date)'] : []),
    ...(context.heightCm === undefined ? ['height'] : []),
  ];
  if (absent.length > 0) {
    return `the context has no ${absent.join(', ')}`;
  }
  if (table.edition === 'gli-2012' && gliEthnicity(context) === undefined) {
    const got = context.ethnicity === undefined ? 'none' : `'${context.ethnicity}'`;
    return `GLI-2012 needs an ethnic group among ${GLI_ETHNICITIES.join(', ')} (got ${got})`;
  }
  return null;
}

function deriveGliTable(
  input: DerivationInput,
  work: { output: DerivationOutput; table: GliLookupTable },
): void {
  const { output, table } = work;
  const { key, tableId, label } = GLI_EDITION_KEYS[table.edition];
  const ids = spirometryGliDerivedIds(table.edition);
  const measures = GLI_MEASURES.filter(({ item }) => typeof input.values[item] === 'number');
  const note = (message: string): void => {
    output.notes.push({ derived: ids, message: `${label} (${table.source}) not derived: ${message}` });
  };
  if (measures.length === 0) {
    note('no FVC or FEV1 entered (GLI has no SVC equation)');
    return;
  }
  const refused = gliContextProblem(table, input.context);
  const { sex, heightCm } = input.context;
  const ageYears = gliAge(input.context);
  if (refused !== null || sex === undefined || heightCm === undefined || ageYears === undefined) {
    note(refused ?? 'the context is incomplete');
    return;
  }
  const set = (id: string, value: unknown): void => {
    output.derived[id] = { value, algorithm: GLI_ALGORITHM };
  };
  const ethnicity = gliEthnicity(input.context);
  let derivedAny = false;
  for (const measure of measures) {
    const predicted = gliPredict(table, {
      sex,
      ageYears,
      heightCm,
      ...(ethnicity === undefined ? {} : { ethnicity }),
      parameter: measure.parameter,
      measured: input.values[measure.item] as number,
    });
    if (predicted.kind === 'invalid') {
      note(`${measure.label}: ${predicted.problems.map((p) => p.message).join('; ')}`);
      continue;
    }
    const v = predicted.value;
    const id = (suffix: string): string => `${measure.key}${key}${suffix}`;
    set(id('PercentPredicted'), v.percentPredicted);
    set(id('PredictedL'), v.predicted);
    set(id('LlnL'), v.lln);
    set(id('ZScore'), v.zScore);
    set(id('Equation'), v.equation);
    derivedAny = true;
  }
  if (derivedAny) {
    set(tableId, table.source);
  }
}

export function deriveSpirometry(input: DerivationInput): DerivationOutput {
  const output = emptyOutput();
  const entered = VOLUMES.filter(({ item }) => input.values[item] !== undefined);
  const tables = GLI_EDITIONS.flatMap((edition) => {
    const table = input.context.gliTables?.find((t) => t.edition === edition);
    return table === undefined ? [] : [table];
  });
  const notReady = inputsNotReady(input, { required: [], optional: VOLUMES.map(({ item }) => item) });
  if (notReady !== null || entered.length === 0) {
    const reason = notReady ?? 'no volume entered';
    const derived = [...SPIROMETRY_DERIVED, ...tables.flatMap((t) => spirometryGliDerivedIds(t.edition))];
    output.notes.push({ derived, message: `spirometry not scored: ${reason}` });
    return output;
  }
  deriveHankinson(input, { output, entered });
  for (const table of tables) {
    deriveGliTable(input, { output, table });
  }
  return output;
}
