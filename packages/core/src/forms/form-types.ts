import type { LabReferenceRange } from '../labs/reference-ranges.js';
import type { ProtocolCtcaeVersion } from '../protocol/protocol-vocabulary.js';
import type { GliLookupTable } from '../scales/spirometry-gli.js';

/**
 * The eCRF model: a form definition is data (sections of typed items, skip conditions, cross-field checks) so it can
 * be rendered by the web app, evaluated by the engine and later exported as CDISC ODM (ItemDef + RangeCheck,
 * ConditionDef, CodeList). Derivations (scores) are code, registered per definition id (form-derivations.ts).
 * Reference: docs/forms.md.
 */

/** What an item holds. 'quantity' is `{ value, unit }` (lab results). */
export type FormItemType =
  'integer' | 'decimal' | 'text' | 'date' | 'datetime' | 'boolean' | 'choice' | 'quantity';

/** One coded answer (ODM CodeListItem). */
export interface FormChoice {
  readonly value: string | number;
  readonly label: string;
}

/** A skip condition over answered items (ODM ConditionDef). Leaves other than `present: false` are false when the item is absent. */
export type FormCondition =
  | { readonly item: string; readonly equals: unknown }
  | { readonly item: string; readonly notEquals: unknown }
  | { readonly item: string; readonly present: boolean }
  | { readonly all: readonly FormCondition[] }
  | { readonly any: readonly FormCondition[] };

/** One question. */
export interface FormItem {
  readonly id: string;
  readonly label: string;
  readonly type: FormItemType;
  /** A shown, required item without a value makes the entry incomplete (never an error). */
  readonly required?: boolean;
  /** Inclusive hard limits for integer and decimal items: outside is an error (impossible or a unit mistake). */
  readonly min?: number;
  readonly max?: number;
  /** Most decimals accepted for a decimal item; more is an error (values are never rounded). */
  readonly decimals?: number;
  /** Display unit of an integer or decimal item (e.g. 'mmHg'). */
  readonly unit?: string;
  /** Units a quantity item accepts (UCUM codes; for lab items exactly the catalogue's units of the test). */
  readonly units?: readonly string[];
  /** Coded answers: required for 'choice', optional for 'integer' (a coded score such as ALSFRS-R 0–4). */
  readonly choices?: readonly FormChoice[];
  /** Lab catalogue code: quantitative tests for 'quantity' items, qualitative tests for 'choice' items. */
  readonly labTest?: string;
  /** Longest text accepted (default FORM_TEXT_MAX_LENGTH). */
  readonly maxLength?: number;
  /** The item is shown (and may hold a value) only while this holds. */
  readonly showWhen?: FormCondition;
  readonly help?: string;
}

/** A titled group of items (ODM ItemGroupDef). */
export interface FormSection {
  readonly id: string;
  readonly title: string;
  readonly items: readonly FormItem[];
}

/** Comparison operators of a compare assertion. */
export type FormComparator = '<' | '<=' | '>' | '>=' | '==' | '!=';

/**
 * Where a compare assertion may look beyond the form: the visit (assessment) date and the participant's facts the
 * server passes in the context.
 */
export const FORM_CONTEXT_OPERANDS = {
  'context.assessmentDate': 'date',
  'context.birthDate': 'date',
  'context.symptomOnsetDate': 'date',
  'context.heightCm': 'number',
  'context.ageYears': 'number',
} as const;
export type FormContextOperand = keyof typeof FORM_CONTEXT_OPERANDS;

/**
 * A cross-field assertion, as data.
 * - `compare`: left item against an item id, a context operand (`context.assessmentDate`) or a number constant.
 *   Numbers compare as numbers; dates and datetimes by time (a date against a datetime by calendar day). Skipped
 *   unless both sides have an accepted value.
 * - `atMostOneOf`: no more than one of the items was entered (counts every entered value, shown or not).
 * - `atLeastOneOf`: at least one of the shown items has a value (use with severity 'incomplete').
 */
export type FormAssertion =
  | { readonly compare: readonly [string, FormComparator, string | number] }
  | { readonly atMostOneOf: readonly string[] }
  | { readonly atLeastOneOf: readonly string[] };

/**
 * Severity of a failed check: 'error' refuses the save, 'warning' is accepted but raises a query, 'incomplete' lists
 * the check's shown items in `missing` (a requirement over a group, e.g. "at least one spirometry volume").
 */
export type FormCheckSeverity = 'error' | 'warning' | 'incomplete';

/** A cross-field edit check (ODM RangeCheck / edit check). */
export interface FormCheck {
  readonly id: string;
  readonly severity: FormCheckSeverity;
  readonly message: string;
  /** Items the issue attaches to (first = primary). */
  readonly items: readonly string[];
  /** The check runs only while this holds. */
  readonly when?: FormCondition;
  readonly assert: FormAssertion;
}

/** A value the registered derivation produces, declared for display. */
export interface FormDerivedItem {
  readonly id: string;
  readonly label: string;
  readonly unit?: string;
}

/** A form definition. `kind: 'log'` = repeating entries per participant (con-meds), not tied to one visit. */
export interface FormDefinition {
  readonly id: string;
  readonly name: string;
  /** `<id>@<n>`: bump n whenever an item, rule or check changes meaning. */
  readonly version: string;
  readonly kind: 'visit' | 'log';
  readonly description?: string;
  /**
   * Set when the authoritative data live in another record the UI should link to (eligibility → the screening
   * record of docs/screening-record.md); the form then only confirms the outcome.
   */
  readonly linkedRecord?: 'screening-record';
  readonly sections: readonly FormSection[];
  readonly checks: readonly FormCheck[];
  readonly derivedItems?: readonly FormDerivedItem[];
}

/** A quantity as stored: the number exactly as entered and a UCUM unit code. */
export interface FormQuantity {
  readonly value: number;
  readonly unit: string;
}

/** An accepted item value. */
export type FormValue = number | string | boolean | FormQuantity;

/** What the engine knows about the participant and the visit besides the form (supplied by the caller). */
export interface FormContext {
  readonly sex?: 'male' | 'female';
  readonly ageYears?: number;
  /** Used for age (completed years at assessmentDate) when ageYears is not given. */
  readonly birthDate?: string;
  readonly heightCm?: number;
  /** Spirometry reference group: 'caucasian' | 'african-american' | 'mexican-american' (others have no equation). */
  readonly ethnicity?: string;
  readonly symptomOnsetDate?: string;
  /** The visit date (YYYY-MM-DD). */
  readonly assessmentDate?: string;
  /** The site's normal ranges (labs/reference-ranges.ts). */
  readonly labRanges?: readonly LabReferenceRange[];
  /** The protocol's `safety.ctcaeVersion`. */
  readonly ctcaeVersion?: ProtocolCtcaeVersion;
  /** The participant's baseline value per lab test code, in the catalogue's SI unit of the test. */
  readonly labBaseline?: Readonly<Record<string, number>>;
  /**
   * Loaded GLI lookup tables (`celltrial reference load gli`), at most one per edition: the spirometry derivation
   * adds GLI predicted, LLN, z-score and % predicted for FVC and FEV1 beside the Hankinson values.
   */
  readonly gliTables?: readonly GliLookupTable[];
}

/** What is being evaluated: the entered values by item id, and the context. */
export interface FormEntry {
  readonly values: Readonly<Record<string, unknown>>;
  readonly context: FormContext;
}

/** One problem with an entry: the item it belongs to, the rule broken, a message; `check` for cross-field checks. */
export interface FormIssue {
  readonly item: string;
  readonly rule: string;
  readonly message: string;
  readonly check?: string;
  /** Every item a check attaches to (first = `item`). */
  readonly items?: readonly string[];
}

/** A derived value with the versioned algorithm that produced it. */
export interface FormDerivedValue {
  readonly value: unknown;
  readonly algorithm: string;
}

/** Why derived values are absent or what they assumed (never a query: the form data are not at fault). */
export interface FormDerivationNote {
  readonly derived: readonly string[];
  readonly message: string;
}

/** The engine's verdict on one entry. */
export interface FormEvaluation {
  /** Accepted values (known, shown, valid), exactly as entered: numbers are never rounded. */
  readonly values: Readonly<Record<string, FormValue>>;
  /** Hard problems: the server refuses the save. */
  readonly errors: readonly FormIssue[];
  /** Soft problems: accepted, one automatic query each. */
  readonly warnings: readonly FormIssue[];
  /** Required, shown items without a value (the entry is saved as incomplete). */
  readonly missing: readonly string[];
  readonly derived: Readonly<Record<string, FormDerivedValue>>;
  readonly derivationNotes: readonly FormDerivationNote[];
  /** No errors and nothing missing. */
  readonly complete: boolean;
}
