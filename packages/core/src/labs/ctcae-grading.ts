import type { ScaleProblem } from '../scales/scale-result.js';
import { findLabTest } from './lab-catalogue.js';
import { findCtcaeLabRules } from './ctcae-rules.js';
import {
  resolveGradeInput,
  type GradeLabValueInput,
  type LabGradingConvention,
  type ResolvedGradeInput,
} from './ctcae-grading-input.js';
import type {
  CtcaeLabRule,
  CtcaeLabTerm,
  CtcaeVersion,
  LabComparator,
  LabDerivedGrade,
  LabGradingStep,
  LabReferencePoint,
  LabThresholdReference,
} from './ctcae-terms.js';
import { LAB_UNIT_LABELS, type LabUnit } from './lab-units.js';

/**
 * CTCAE grading of one laboratory value (clinical.md §4): the rule's steps are evaluated from the highest grade
 * down, first match wins. Numbers within a relative 1e-12 of a threshold count as equal to it, so float artefacts
 * (3 × 0.1 = 0.30000000000000004; mg/dL → mmol/L round trips) never move a value across a boundary and a value
 * converted between units grades the same (admiral rounds to 15 significant digits for the same purpose).
 */

/** Relative tolerance under which a value equals a threshold. */
export const CTCAE_COMPARISON_RELATIVE_TOLERANCE = 1e-12;

/**
 * How the baseline entered the grade: 'normal' / 'abnormal' for rules that switch on it (v5 liver tests, v4
 * haemoglobin increased), 'used' for rules with baseline clauses (creatinine), 'not-supplied' when such a rule got
 * none, 'not-used' for rules without baseline.
 */
export type LabBaselineUse = 'normal' | 'abnormal' | 'used' | 'not-supplied' | 'not-used';

/** The threshold that fired. `value` is in `unit` (the rule's unit). */
export interface LabGradeThreshold {
  readonly grade: 1 | 2 | 3 | 4;
  readonly comparator: LabComparator;
  /** e.g. "> 3 × ULN", "< 100 g/L", "≥ 1.5 × baseline", "> ULN + 20 g/L". */
  readonly clause: string;
  readonly value: number;
  readonly unit: LabUnit;
  readonly assumption?: string;
}

/** A graded value. */
export interface LabGraded {
  readonly kind: 'graded';
  readonly version: CtcaeVersion;
  readonly term: CtcaeLabTerm;
  readonly test: string;
  readonly grade: LabDerivedGrade;
  /** Which threshold fired, with the numbers (or why grade 0). */
  readonly rule: string;
  /** CTCAE's text for the grade (null for grade 0). */
  readonly publishedText: string | null;
  readonly threshold: LabGradeThreshold | null;
  /** The value in the rule's unit, unrounded. */
  readonly gradedValue: number;
  readonly gradedUnit: LabUnit;
  readonly baseline: LabBaselineUse;
  readonly convention: LabGradingConvention;
  /** Fallbacks taken, clauses not evaluated for a missing limit, clinical grades a number cannot give. */
  readonly notes: readonly string[];
}

/** A value that cannot be graded (a needed limit is missing), with the reason. */
export interface LabNotGradable {
  readonly kind: 'not-gradable';
  readonly version: CtcaeVersion;
  readonly term: CtcaeLabTerm;
  readonly test: string;
  readonly reason: string;
  readonly missing: readonly LabReferencePoint[];
  readonly notes: readonly string[];
}

/** Grading outcome for one term. */
export type LabGradeOutcome = LabGraded | LabNotGradable;

/** Result of `gradeLabValue`. */
export type GradeLabValueResult =
  LabGradeOutcome | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

const POINT_LABEL: Readonly<Record<LabReferencePoint, string>> = {
  lln: 'LLN',
  uln: 'ULN',
  baseline: 'baseline',
};
const COMPARATOR_LABEL: Readonly<Record<LabComparator, string>> = {
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
};

/** Display form of a number in rule texts (15 significant digits: float noise dropped). */
function significant(x: number): number {
  return Number(x.toPrecision(15));
}

/** -1, 0 or 1: the sign of a − b, 0 when they agree within the relative tolerance. */
function signOfDifference(a: number, b: number): -1 | 0 | 1 {
  const difference = a - b;
  if (Math.abs(difference) <= CTCAE_COMPARISON_RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) {
    return 0;
  }
  return difference > 0 ? 1 : -1;
}

function compare(value: number, comparator: LabComparator, threshold: number): boolean {
  const sign = signOfDifference(value, threshold);
  switch (comparator) {
    case '<':
      return sign < 0;
    case '<=':
      return sign <= 0;
    case '>':
      return sign > 0;
    case '>=':
      return sign >= 0;
  }
}

function describeReference(reference: LabThresholdReference, unit: LabUnit): string {
  if (reference.of === 'absolute') {
    return `${reference.value} ${LAB_UNIT_LABELS[unit]}`;
  }
  const point = POINT_LABEL[reference.of];
  const scaled = reference.times === 1 ? point : `${reference.times} × ${point}`;
  return reference.plus === 0 ? scaled : `${scaled} + ${reference.plus} ${LAB_UNIT_LABELS[unit]}`;
}

type Limits = Pick<ResolvedGradeInput, 'lln' | 'uln' | 'baseline'>;

function thresholdValue(reference: LabThresholdReference, limits: Limits): number | undefined {
  if (reference.of === 'absolute') {
    return reference.value;
  }
  const point = limits[reference.of];
  return point === undefined ? undefined : reference.times * point + reference.plus;
}

function chooseSteps(input: ResolvedGradeInput): {
  readonly steps: readonly LabGradingStep[];
  readonly baseline: LabBaselineUse;
  readonly notes: readonly string[];
  readonly stop?: string;
} {
  const { rule, baseline, uln } = input;
  const plain =
    input.convention === 'worst-case' && rule.worstCaseSteps !== undefined ? rule.worstCaseSteps : rule.steps;
  if (rule.abnormalBaseline === undefined) {
    const usesBaseline = rule.steps.some(
      (step) => step.kind === 'threshold' && step.reference.of === 'baseline',
    );
    if (!usesBaseline) {
      return { steps: plain, baseline: 'not-used', notes: [] };
    }
    return { steps: plain, baseline: baseline === undefined ? 'not-supplied' : 'used', notes: [] };
  }
  if (baseline === undefined) {
    if (input.missingBaseline === 'not-gradable') {
      const stop = `${rule.version} ${rule.term} depends on whether the baseline was abnormal, and no baseline was given`;
      return { steps: plain, baseline: 'not-supplied', notes: [], stop };
    }
    const note =
      'no baseline given: graded on ULN as if the baseline were normal (admiral convention, clinical.md §4)';
    return { steps: plain, baseline: 'not-supplied', notes: [note] };
  }
  if (uln !== undefined && signOfDifference(baseline, uln) > 0) {
    const note = `baseline ${significant(baseline)} > ULN ${significant(uln)}: abnormal baseline, graded on multiples of baseline`;
    return { steps: rule.abnormalBaseline.steps, baseline: 'abnormal', notes: [note] };
  }
  return { steps: plain, baseline: 'normal', notes: [] };
}

function missingPoints(points: readonly LabReferencePoint[], limits: Limits): LabReferencePoint[] {
  return points.filter((point) => limits[point] === undefined);
}

function evaluate(input: ResolvedGradeInput): LabGradeOutcome {
  const { rule } = input;
  const base = { version: rule.version, term: rule.term, test: rule.test } as const;
  const chosen = chooseSteps(input);
  const notes = [...chosen.notes, ...(rule.note === undefined ? [] : [rule.note])];
  if (chosen.stop !== undefined) {
    return { kind: 'not-gradable', ...base, reason: chosen.stop, missing: ['baseline'], notes };
  }
  const unitLabel = LAB_UNIT_LABELS[rule.unit];
  let lastClause = '';
  for (const step of chosen.steps) {
    if (step.kind === 'require') {
      const missing = missingPoints(step.points, input);
      if (missing.length > 0) {
        const names = missing.map((point) => POINT_LABEL[point]).join(' and ');
        const reason = `${names} not given: the remaining ${rule.term} grades need it, and no higher-grade threshold was met`;
        return { kind: 'not-gradable', ...base, reason, missing, notes };
      }
      continue;
    }
    const clause = `${COMPARATOR_LABEL[step.comparator]} ${describeReference(step.reference, rule.unit)}`;
    const threshold = thresholdValue(step.reference, input);
    if (threshold === undefined) {
      notes.push(
        `clause "${clause}" (grade ${step.grade}) not evaluated: no ${describeReference(step.reference, rule.unit)} given`,
      );
      continue;
    }
    lastClause = `${clause} = ${significant(threshold)} ${unitLabel}`;
    if (compare(input.value, step.comparator, threshold)) {
      const comparison = `${significant(input.value)} ${COMPARATOR_LABEL[step.comparator]} ${significant(threshold)} ${unitLabel}`;
      const assumed = step.assumption === undefined ? '' : `; assumed ${step.assumption}`;
      return {
        kind: 'graded',
        ...base,
        grade: step.grade,
        rule: `grade ${step.grade}: ${clause} (${comparison}${assumed})`,
        publishedText: rule.grades[step.grade],
        threshold: {
          grade: step.grade,
          comparator: step.comparator,
          clause,
          value: threshold,
          unit: rule.unit,
          ...(step.assumption === undefined ? {} : { assumption: step.assumption }),
        },
        gradedValue: input.value,
        gradedUnit: rule.unit,
        baseline: chosen.baseline,
        convention: input.convention,
        notes,
      };
    }
  }
  return {
    kind: 'graded',
    ...base,
    grade: 0,
    rule: `grade 0: no threshold met (value ${significant(input.value)} ${unitLabel}; last clause ${lastClause})`,
    publishedText: null,
    threshold: null,
    gradedValue: input.value,
    gradedUnit: rule.unit,
    baseline: chosen.baseline,
    convention: input.convention,
    notes,
  };
}

/** Grades one laboratory value for one CTCAE term (named directly, or implied by a test that grades one term). */
export function gradeLabValue(input: GradeLabValueInput): GradeLabValueResult {
  const resolved = resolveGradeInput(input);
  return resolved.kind === 'invalid' ? resolved : evaluate(resolved.value);
}

/** Result of `gradeLabTest`: one outcome per CTCAE term of the test (none for tests CTCAE does not grade). */
export type GradeLabTestResult =
  | {
      readonly kind: 'ok';
      readonly results: readonly LabGradeOutcome[];
      /** The graded outcome with the highest grade (undefined when nothing was graded). */
      readonly highest?: LabGraded;
      /** Why the test has no CTCAE term (e.g. total calcium: grade the corrected value). */
      readonly note?: string;
    }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

/** Grades a value against every CTCAE term of its test (potassium → hypokalemia and hyperkalemia). */
export function gradeLabTest(
  input: Omit<GradeLabValueInput, 'term'> & { readonly test: string },
): GradeLabTestResult {
  const rules: readonly CtcaeLabRule[] = findCtcaeLabRules({ version: input.version, test: input.test });
  const results: LabGradeOutcome[] = [];
  const problems: ScaleProblem[] = [];
  for (const rule of rules) {
    const outcome = gradeLabValue({ ...input, term: rule.term });
    if (outcome.kind === 'invalid') {
      problems.push(
        ...outcome.problems.filter((p) => !problems.some((q) => q.path === p.path && q.rule === p.rule)),
      );
    } else {
      results.push(outcome);
    }
  }
  if (rules.length === 0) {
    const invalid = gradeLabValue(input);
    if (invalid.kind === 'invalid' && !invalid.problems.every((p) => p.rule === 'graded-test')) {
      return { kind: 'invalid', problems: invalid.problems.filter((p) => p.rule !== 'graded-test') };
    }
    const test = findLabTest(input.test);
    const note = test?.kind === 'quantitative' ? test.note : undefined;
    return { kind: 'ok', results: [], note: note ?? `${input.test} is not graded by CTCAE ${input.version}` };
  }
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  const graded = results.filter((outcome): outcome is LabGraded => outcome.kind === 'graded');
  const highest = graded.reduce<LabGraded | undefined>(
    (best, next) => (best === undefined || next.grade > best.grade ? next : best),
    undefined,
  );
  return highest === undefined ? { kind: 'ok', results } : { kind: 'ok', results, highest };
}
