import { PROTOCOL_CTCAE_VERSIONS } from '../protocol/protocol-vocabulary.js';
import { describeValue, isFiniteNumber, problem, type ScaleProblem } from '../scales/scale-result.js';
import { findLabTest } from './lab-catalogue.js';
import { convertBetweenUnits, resolveQuantitativeTest, resolveTestUnit } from './lab-conversion.js';
import { findCtcaeLabRules } from './ctcae-rules.js';
import type { CtcaeLabRule, CtcaeLabTerm, CtcaeVersion } from './ctcae-terms.js';

/** Convention for clinical qualifiers a number cannot show (clinical.md §4). */
export const LAB_GRADING_CONVENTIONS = ['lab-only', 'worst-case'] as const;
/**
 * 'lab-only' (default): the grade the number supports with no clinical qualifier (asymptomatic, no intervention);
 * investigators upgrade with context. 'worst-case': admiral's "take worst case and assume symptomatic".
 */
export type LabGradingConvention = (typeof LAB_GRADING_CONVENTIONS)[number];

/** What to do when a v5 baseline-dependent rule (ALT, AST, bilirubin, ALP, GGT) gets no baseline. */
export const MISSING_BASELINE_POLICIES = ['assume-normal', 'not-gradable'] as const;
/** 'assume-normal' (default, admiral): grade on ULN as if the baseline were normal, and say so. */
export type MissingBaselinePolicy = (typeof MISSING_BASELINE_POLICIES)[number];

/** Input of `gradeLabValue`. `lln`, `uln` and `baseline` are in the same `unit` as `value`. */
export interface GradeLabValueInput {
  readonly version: CtcaeVersion;
  /** The CTCAE term; may be omitted when the test grades exactly one term. */
  readonly term?: CtcaeLabTerm;
  /** The catalogue test; may be omitted when the term is graded from exactly one test. */
  readonly test?: string;
  readonly value: number;
  readonly unit: string;
  readonly lln?: number;
  readonly uln?: number;
  /** The participant's baseline value of the same test (v5 liver rules, creatinine, v4 haemoglobin increased). */
  readonly baseline?: number;
  readonly convention?: LabGradingConvention;
  readonly missingBaseline?: MissingBaselinePolicy;
}

/** Validated input, every number converted to the rule's unit. */
export interface ResolvedGradeInput {
  readonly rule: CtcaeLabRule;
  readonly value: number;
  readonly lln?: number;
  readonly uln?: number;
  readonly baseline?: number;
  readonly convention: LabGradingConvention;
  readonly missingBaseline: MissingBaselinePolicy;
}

const OPTIONAL_NUMBERS = ['lln', 'uln', 'baseline'] as const;

function numberProblems(input: GradeLabValueInput): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  if (!isFiniteNumber(input.value) || input.value < 0) {
    problems.push(
      problem(
        'value',
        'non-negative-number',
        `value must be a number ≥ 0 (got ${describeValue(input.value)})`,
      ),
    );
  }
  for (const field of OPTIONAL_NUMBERS) {
    const value = input[field];
    if (value !== undefined && (!isFiniteNumber(value) || value < 0)) {
      problems.push(
        problem(
          field,
          'non-negative-number',
          `${field} must be a number ≥ 0 when given (got ${describeValue(value)})`,
        ),
      );
    }
  }
  if (isFiniteNumber(input.uln) && input.uln === 0) {
    problems.push(problem('uln', 'positive-number', 'uln must be > 0: CTCAE thresholds are multiples of it'));
  }
  if (isFiniteNumber(input.lln) && isFiniteNumber(input.uln) && input.lln > input.uln) {
    problems.push(problem('lln', 'lln-not-above-uln', `lln ${input.lln} is above uln ${input.uln}`));
  }
  return problems;
}

function optionProblems(input: GradeLabValueInput): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  if (!(PROTOCOL_CTCAE_VERSIONS as readonly unknown[]).includes(input.version)) {
    problems.push(
      problem('version', 'one-of', `version must be v4.0 or v5.0 (got ${describeValue(input.version)})`),
    );
  }
  if (
    input.convention !== undefined &&
    !(LAB_GRADING_CONVENTIONS as readonly unknown[]).includes(input.convention)
  ) {
    problems.push(
      problem(
        'convention',
        'one-of',
        `convention must be lab-only or worst-case (got ${describeValue(input.convention)})`,
      ),
    );
  }
  const policy = input.missingBaseline;
  if (policy !== undefined && !(MISSING_BASELINE_POLICIES as readonly unknown[]).includes(policy)) {
    problems.push(
      problem(
        'missingBaseline',
        'one-of',
        `missingBaseline must be assume-normal or not-gradable (got ${describeValue(policy)})`,
      ),
    );
  }
  return problems;
}

/** Finds the one rule named by term and/or test, or explains why there is none or more than one. */
export function resolveRule(
  input: Pick<GradeLabValueInput, 'version' | 'term' | 'test'>,
): CtcaeLabRule | ScaleProblem {
  const { version, term, test } = input;
  if (term === undefined && test === undefined) {
    return problem('term', 'term-or-test', 'name a CTCAE term, a test, or both');
  }
  if (test !== undefined && findLabTest(test) === undefined) {
    return problem('test', 'known-test', `unknown laboratory test ${describeValue(test)}`);
  }
  const rules = findCtcaeLabRules({
    version,
    ...(term === undefined ? {} : { term }),
    ...(test === undefined ? {} : { test }),
  });
  const [only] = rules;
  if (rules.length === 1 && only !== undefined) {
    return only;
  }
  if (rules.length > 1) {
    const choices = rules.map((rule) => (term === undefined ? rule.term : rule.test)).join(', ');
    const field = term === undefined ? 'term' : 'test';
    return problem(
      field,
      'one-rule',
      `${term ?? test ?? ''} is graded by more than one rule (${choices}): name the ${field}`,
    );
  }
  if (term !== undefined && test === undefined) {
    return problem('term', 'known-term', `no ${version} lab grading rule for term ${describeValue(term)}`);
  }
  const note = test === undefined ? undefined : findLabTest(test);
  const extra = note?.kind === 'quantitative' && note.note !== undefined ? ` — ${note.note}` : '';
  const what = term === undefined ? 'any CTCAE term' : `term ${term}`;
  return problem(
    'test',
    'graded-test',
    `test ${test ?? ''} is not graded by ${what} in CTCAE ${version}${extra}`,
  );
}

/** Validates the input, picks the rule and converts value, LLN, ULN and baseline to the rule's unit. */
export function resolveGradeInput(
  input: GradeLabValueInput,
):
  | { readonly kind: 'ok'; readonly value: ResolvedGradeInput }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] } {
  const problems = [...optionProblems(input), ...numberProblems(input)];
  if (problems.some((p) => p.path === 'version')) {
    return { kind: 'invalid', problems };
  }
  const rule = resolveRule(input);
  if (!('version' in rule)) {
    return { kind: 'invalid', problems: [...problems, rule] };
  }
  const test = resolveQuantitativeTest(rule.test, 'test');
  if (test.kind === 'invalid') {
    throw new Error(`CTCAE rule ${rule.term} names a test missing from the catalogue: ${rule.test}`);
  }
  const from = resolveTestUnit(test.test, input.unit, 'unit');
  const to = resolveTestUnit(test.test, rule.unit, 'unit');
  if (from.kind === 'invalid') {
    problems.push(from.problem);
  }
  if (to.kind === 'invalid') {
    throw new Error(`CTCAE rule ${rule.term} is written in ${rule.unit}, not a unit of ${rule.test}`);
  }
  if (problems.length > 0 || from.kind === 'invalid') {
    return { kind: 'invalid', problems };
  }
  const convert = (x: number | undefined) =>
    x === undefined ? undefined : convertBetweenUnits(x, from.unit, to.unit);
  const lln = convert(input.lln);
  const uln = convert(input.uln);
  const baseline = convert(input.baseline);
  return {
    kind: 'ok',
    value: {
      rule,
      value: convertBetweenUnits(input.value, from.unit, to.unit),
      ...(lln === undefined ? {} : { lln }),
      ...(uln === undefined ? {} : { uln }),
      ...(baseline === undefined ? {} : { baseline }),
      convention: input.convention ?? 'lab-only',
      missingBaseline: input.missingBaseline ?? 'assume-normal',
    },
  };
}
