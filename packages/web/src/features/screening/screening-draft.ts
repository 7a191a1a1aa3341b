// The screening form's values as text (what the inputs hold), and the conversions to and from the screening
// record JSON of docs/screening-record.md. Pure: the form, the live eligibility check and the tests use it.
import { ALSFRS_R_ITEM_KEYS, NUMERIC_LABS, SEROLOGY_LABS, type AlsfrsRItemKey } from '@celltrial/core';

/** A yes/no question that may be unanswered. */
export type TriState = '' | 'yes' | 'no';

// The ALSFRS-R item keys are core's (items 1–12 with 5a/5b), so the form and the scorer cannot drift apart.
export { ALSFRS_R_ITEM_KEYS, type AlsfrsRItemKey } from '@celltrial/core';

export interface AlsfrsRPointDraft {
  key: string;
  date: string;
  total: string;
}

export interface ConditionDraft {
  key: string;
  code: string;
  onsetDate: string;
  resolvedDate: string;
}

export interface MedicationDraft {
  key: string;
  name: string;
  classes: string[];
  startDate: string;
  doseStableSince: string;
  stopDate: string;
  planned: boolean;
}

export const FLAG_FIELDS = [
  'priorCellTherapy',
  'ventilatorDependent',
  'reproductivePotential',
  'contraceptionAgreed',
] as const;
export type FlagField = (typeof FLAG_FIELDS)[number];

export const MEASURE_FIELDS = [
  'fvcPercentPredicted',
  'svcPercentPredicted',
  'edss',
  'kokmenStms',
  'nyhaClass',
] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];

/** Every value of the screening form, as typed. */
export interface ScreeningDraft {
  assessmentDate: string;
  birthDate: string;
  sex: string;
  weightKg: string;
  heightCm: string;
  condition: string;
  elEscorial: string;
  msCourse: string;
  familial: TriState;
  symptomOnsetDate: string;
  diagnosisDate: string;
  alsfrsRTotal: string;
  alsfrsRItems: Record<AlsfrsRItemKey, string>;
  alsfrsRHistory: AlsfrsRPointDraft[];
  measures: Record<MeasureField, string>;
  /** Serology: '' | positive | negative; numeric labs: the number as typed. */
  labs: Record<string, string>;
  /** The candidate was asked and has none of the catalogued conditions (an empty list is then complete). */
  noConditions: boolean;
  conditions: ConditionDraft[];
  /** The candidate was asked and takes none of the medications screening asks about. */
  noMedications: boolean;
  medications: MedicationDraft[];
  flags: Record<FlagField, TriState>;
  manualChecks: Record<string, boolean>;
}

let rowCounter = 0;

/** A fresh React key for a list row. */
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

function fill<K extends string, V>(keys: readonly K[], value: V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, value])) as Record<K, V>;
}

/** An empty form for a new record, assessed on `assessmentDate`. */
export function emptyDraft(assessmentDate: string): ScreeningDraft {
  return {
    assessmentDate,
    birthDate: '',
    sex: '',
    weightKg: '',
    heightCm: '',
    condition: '',
    elEscorial: '',
    msCourse: '',
    familial: '',
    symptomOnsetDate: '',
    diagnosisDate: '',
    alsfrsRTotal: '',
    alsfrsRItems: fill(ALSFRS_R_ITEM_KEYS, ''),
    alsfrsRHistory: [],
    measures: fill(MEASURE_FIELDS, ''),
    labs: fill([...SEROLOGY_LABS, ...NUMERIC_LABS], ''),
    noConditions: false,
    conditions: [],
    noMedications: false,
    medications: [],
    flags: fill(FLAG_FIELDS, ''),
    manualChecks: {},
  };
}

// ---- record → draft (tolerant: a malformed saved value shows as text, so the user can correct it) ----

type Loose = Record<string, unknown>;

function objectAt(value: unknown): Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};
}

function listAt(value: unknown): Loose[] {
  return Array.isArray(value) ? value.map(objectAt) : [];
}

function text(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function tri(value: unknown): TriState {
  if (value === true) {
    return 'yes';
  }
  return value === false ? 'no' : '';
}

/** The form values of a saved record (null = nothing saved yet: an empty form on `assessmentDate`). */
export function draftFromRecord(data: Loose | null, assessmentDate: string): ScreeningDraft {
  const draft = emptyDraft(assessmentDate);
  if (data === null) {
    return draft;
  }
  const diagnosis = objectAt(data['diagnosis']);
  const alsfrsR = objectAt(data['alsfrsR']);
  const items = objectAt(alsfrsR['items']);
  const labs = objectAt(data['labs']);
  const checks = objectAt(data['manualChecks']);
  return {
    ...draft,
    assessmentDate: text(data['assessmentDate']),
    birthDate: text(data['birthDate']),
    sex: text(data['sex']),
    weightKg: text(data['weightKg']),
    heightCm: text(data['heightCm']),
    condition: text(diagnosis['condition']),
    elEscorial: text(diagnosis['elEscorial']),
    msCourse: text(diagnosis['msCourse']),
    familial: tri(diagnosis['familial']),
    symptomOnsetDate: text(diagnosis['symptomOnsetDate']),
    diagnosisDate: text(diagnosis['diagnosisDate']),
    alsfrsRTotal: text(alsfrsR['total']),
    alsfrsRItems: Object.fromEntries(ALSFRS_R_ITEM_KEYS.map((key) => [key, text(items[key])])) as Record<
      AlsfrsRItemKey,
      string
    >,
    alsfrsRHistory: listAt(data['alsfrsRHistory']).map((point) => ({
      key: newRowKey(),
      date: text(point['date']),
      total: text(point['total']),
    })),
    measures: Object.fromEntries(MEASURE_FIELDS.map((field) => [field, text(data[field])])) as Record<
      MeasureField,
      string
    >,
    labs: Object.fromEntries(Object.keys(draft.labs).map((lab) => [lab, text(labs[lab])])),
    noConditions: Array.isArray(data['conditions']) && data['conditions'].length === 0,
    conditions: listAt(data['conditions']).map((condition) => ({
      key: newRowKey(),
      code: text(condition['code']),
      onsetDate: text(condition['onsetDate']),
      resolvedDate: text(condition['resolvedDate']),
    })),
    noMedications: Array.isArray(data['medications']) && data['medications'].length === 0,
    medications: listAt(data['medications']).map((medication) => ({
      key: newRowKey(),
      name: text(medication['name']),
      classes: Array.isArray(medication['classes']) ? medication['classes'].map(text) : [],
      startDate: text(medication['startDate']),
      doseStableSince: text(medication['doseStableSince']),
      stopDate: text(medication['stopDate']),
      planned: medication['planned'] === true,
    })),
    flags: Object.fromEntries(FLAG_FIELDS.map((field) => [field, tri(data[field])])) as Record<
      FlagField,
      TriState
    >,
    manualChecks: Object.fromEntries(
      Object.entries(checks).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'),
    ),
  };
}

// ---- draft → record JSON (blank inputs are left out; text that is not a number is kept as text so that
// validation names the field) ----

/** A typed number: '' → undefined, "1,5" → 1.5, anything else that is not a number stays text. */
export function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') {
    return undefined;
  }
  const parsed = Number(trimmed.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : trimmed;
}

function flagOf(value: TriState): boolean | undefined {
  if (value === '') {
    return undefined;
  }
  return value === 'yes';
}

/** Copies the defined values only (JSON has no undefined; an empty object means "nothing entered"). */
function defined(entries: Record<string, unknown>): Loose {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

function nonEmpty(object: Loose): Loose | undefined {
  return Object.keys(object).length === 0 ? undefined : object;
}

function blankToUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function diagnosisOf(draft: ScreeningDraft): Loose | undefined {
  return nonEmpty(
    defined({
      condition: blankToUndefined(draft.condition),
      // The category that does not apply to the chosen disease is not kept (its input is hidden).
      elEscorial: draft.condition === 'MS' ? undefined : blankToUndefined(draft.elEscorial),
      msCourse: draft.condition === 'ALS' ? undefined : blankToUndefined(draft.msCourse),
      familial: flagOf(draft.familial),
      symptomOnsetDate: blankToUndefined(draft.symptomOnsetDate),
      diagnosisDate: blankToUndefined(draft.diagnosisDate),
    }),
  );
}

function alsfrsROf(draft: ScreeningDraft): Loose | undefined {
  const items = nonEmpty(
    defined(
      Object.fromEntries(ALSFRS_R_ITEM_KEYS.map((key) => [key, numberOrText(draft.alsfrsRItems[key])])),
    ),
  );
  return nonEmpty(defined({ total: numberOrText(draft.alsfrsRTotal), items }));
}

function listOf<T>(rows: T[], complete: boolean, toJson: (row: T) => Loose): Loose[] | undefined {
  if (rows.length > 0) {
    return rows.map(toJson);
  }
  return complete ? [] : undefined;
}

/** The screening record JSON of the form values (what the form saves and evaluates). */
export function draftToData(draft: ScreeningDraft): Loose {
  const labs = nonEmpty(
    defined(
      Object.fromEntries(
        Object.entries(draft.labs).map(([lab, value]) => [
          lab,
          (SEROLOGY_LABS as readonly string[]).includes(lab) ? blankToUndefined(value) : numberOrText(value),
        ]),
      ),
    ),
  );
  return defined({
    assessmentDate: draft.assessmentDate.trim(),
    birthDate: blankToUndefined(draft.birthDate),
    sex: blankToUndefined(draft.sex),
    weightKg: numberOrText(draft.weightKg),
    heightCm: numberOrText(draft.heightCm),
    diagnosis: diagnosisOf(draft),
    alsfrsR: alsfrsROf(draft),
    alsfrsRHistory:
      draft.alsfrsRHistory.length > 0
        ? draft.alsfrsRHistory.map((point) =>
            defined({ date: blankToUndefined(point.date), total: numberOrText(point.total) }),
          )
        : undefined,
    ...Object.fromEntries(MEASURE_FIELDS.map((field) => [field, numberOrText(draft.measures[field])])),
    labs,
    conditions: listOf(draft.conditions, draft.noConditions, (condition) =>
      defined({
        code: blankToUndefined(condition.code),
        onsetDate: blankToUndefined(condition.onsetDate),
        resolvedDate: blankToUndefined(condition.resolvedDate),
      }),
    ),
    medications: listOf(draft.medications, draft.noMedications, (medication) =>
      defined({
        name: medication.name.trim(),
        classes: medication.classes.length > 0 ? medication.classes : undefined,
        startDate: blankToUndefined(medication.startDate),
        doseStableSince: blankToUndefined(medication.doseStableSince),
        stopDate: blankToUndefined(medication.stopDate),
        planned: medication.planned ? true : undefined,
      }),
    ),
    ...Object.fromEntries(FLAG_FIELDS.map((field) => [field, flagOf(draft.flags[field])])),
    manualChecks: nonEmpty({ ...draft.manualChecks }),
  });
}
