import type { ProtocolCtcaeVersion } from '../protocol/protocol-vocabulary.js';
import type { LabUnit } from './lab-units.js';

/**
 * CTCAE laboratory terms graded from a number, and the shape of their grading rules (data, evaluated by
 * `gradeLabValue`). Thresholds: CTCAE v5.0 (NCI, 27 Nov 2017) and v4.03 (NCI, 14 Jun 2010) as transcribed in
 * clinical.md §4 and pharmaverse/admiral `data-raw/adlb_grading/ncictcaev5.json` / `ncictcaev4.json`.
 */

/** CTCAE version, as a protocol names it (`safety.ctcaeVersion`); 'v4.0' is graded by v4.03. */
export type CtcaeVersion = ProtocolCtcaeVersion;

/** Every CTCAE term this module grades from a laboratory value. */
export const CTCAE_LAB_TERMS = [
  'Anemia',
  'Hemoglobin increased',
  'White blood cell decreased',
  'Leukocytosis',
  'Neutrophil count decreased',
  'Lymphocyte count decreased',
  'Lymphocyte count increased',
  'Platelet count decreased',
  'Alanine aminotransferase increased',
  'Aspartate aminotransferase increased',
  'Blood bilirubin increased',
  'Alkaline phosphatase increased',
  'GGT increased',
  'Creatinine increased',
  'CPK increased',
  'Hyponatremia',
  'Hypernatremia',
  'Hypokalemia',
  'Hyperkalemia',
  'Hypocalcemia',
  'Hypercalcemia',
  'Hypomagnesemia',
  'Hypermagnesemia',
  'Hypoglycemia',
  'Hypoalbuminemia',
] as const;
/** A CTCAE term graded from a laboratory value. */
export type CtcaeLabTerm = (typeof CTCAE_LAB_TERMS)[number];

/** A CTCAE grade: 0 = within limits, 1 mild … 4 life-threatening, 5 death (never derivable from a lab value). */
export type CtcaeGrade = 0 | 1 | 2 | 3 | 4 | 5;
/** The grades a laboratory value alone can produce. */
export type LabDerivedGrade = 0 | 1 | 2 | 3 | 4;

/** A limit a threshold may be relative to: the site's LLN/ULN or the participant's baseline value. */
export type LabReferencePoint = 'lln' | 'uln' | 'baseline';

/** The number a value is compared with: a constant (in the rule's unit) or `times × point + plus`. */
export type LabThresholdReference =
  | { readonly of: 'absolute'; readonly value: number }
  | { readonly of: LabReferencePoint; readonly times: number; readonly plus: number };

/** Comparison operators used by CTCAE thresholds ("<LLN", ">3.0 x ULN", "1.5 - 3.0 x baseline" → ≥ 1.5). */
export type LabComparator = '<' | '<=' | '>' | '>=';

/** One step of a rule, evaluated in order (highest grade first; first match wins), as admiral's case_when. */
export type LabGradingStep =
  | {
      readonly kind: 'threshold';
      readonly grade: 1 | 2 | 3 | 4;
      readonly comparator: LabComparator;
      readonly reference: LabThresholdReference;
      /** Qualifier assumed for this clause when CTCAE adds a clinical condition (e.g. "asymptomatic"). */
      readonly assumption?: string;
    }
  /** Stop with 'not-gradable' when a limit is missing (admiral's `is.na(ANRLO) ~ NA_character_`). */
  | { readonly kind: 'require'; readonly points: readonly LabReferencePoint[] };

/** Published CTCAE text per grade ('-' where CTCAE defines none). */
export type CtcaeGradeTexts = Readonly<Record<1 | 2 | 3 | 4 | 5, string>>;

/** How a v5 liver-test rule (and v4 haemoglobin increased) switches to baseline when baseline is abnormal. */
export interface AbnormalBaselineRule {
  /** Steps used when baseline > ULN (admiral's BNRIND = HIGH). */
  readonly steps: readonly LabGradingStep[];
}

/** The grading rule of one CTCAE term, for one version and one test (analyte). */
export interface CtcaeLabRule {
  readonly version: CtcaeVersion;
  readonly term: CtcaeLabTerm;
  /** Catalogue code of the test graded (calcium terms exist for corrected and ionized calcium). */
  readonly test: string;
  readonly direction: 'high' | 'low';
  /** Unit the absolute thresholds are written in; inputs are converted to it before comparing. */
  readonly unit: LabUnit;
  readonly grades: CtcaeGradeTexts;
  /** Steps for a normal (or, by the documented fallback, missing) baseline — or the only steps. */
  readonly steps: readonly LabGradingStep[];
  readonly abnormalBaseline?: AbnormalBaselineRule;
  /** Steps under admiral's "take worst case" convention (clinical qualifier assumed present). */
  readonly worstCaseSteps?: readonly LabGradingStep[];
  /** Short remark shown with results (e.g. which clinical grades a number cannot give). */
  readonly note?: string;
}

/** Builds an absolute reference (in the rule's unit). */
export function absolute(value: number): LabThresholdReference {
  return { of: 'absolute', value };
}

/** Builds `times × point` (e.g. 3.0 × ULN). */
export function timesOf(point: LabReferencePoint, times: number): LabThresholdReference {
  return { of: point, times, plus: 0 };
}

/** Builds `point + plus` (e.g. ULN + 20 g/L). */
export function plusOf(point: LabReferencePoint, plus: number): LabThresholdReference {
  return { of: point, times: 1, plus };
}

/** A step "value > reference → grade". */
export function above(
  grade: 1 | 2 | 3 | 4,
  reference: LabThresholdReference,
  assumption?: string,
): LabGradingStep {
  return assumption === undefined
    ? { kind: 'threshold', grade, comparator: '>', reference }
    : { kind: 'threshold', grade, comparator: '>', reference, assumption };
}

/** A step "value ≥ reference → grade" (CTCAE ranges written "1.5 - 3.0 x baseline"). */
export function atLeast(grade: 1 | 2 | 3 | 4, reference: LabThresholdReference): LabGradingStep {
  return { kind: 'threshold', grade, comparator: '>=', reference };
}

/** A step "value < reference → grade". */
export function below(
  grade: 1 | 2 | 3 | 4,
  reference: LabThresholdReference,
  assumption?: string,
): LabGradingStep {
  return assumption === undefined
    ? { kind: 'threshold', grade, comparator: '<', reference }
    : { kind: 'threshold', grade, comparator: '<', reference, assumption };
}

/** A step that stops with 'not-gradable' when any of the limits is missing. */
export function requires(...points: LabReferencePoint[]): LabGradingStep {
  return { kind: 'require', points };
}
