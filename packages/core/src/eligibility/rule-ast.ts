// The typed syntax tree of an eligibility rule (docs/eligibility-rules.md). Every node carries its source span
// (0-based character offsets, end exclusive) so that type errors and explanations can point into the rule text.
import type { DurationUnit } from './rule-vocabulary.js';

export interface RuleSpan {
  readonly start: number;
  readonly end: number;
}

export const COMPARISON_OPERATORS = ['<', '<=', '>', '>=', '=', '!='] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export const SINCE_FUNCTIONS = {
  daysSince: 'days',
  weeksSince: 'weeks',
  monthsSince: 'months',
  yearsSince: 'years',
} as const satisfies Record<string, DurationUnit>;
export type SinceFunction = keyof typeof SINCE_FUNCTIONS;

/** A number with a unit: `30 days`, `17 weeks`, `5 years`. */
export interface DurationNode extends RuleSpan {
  readonly kind: 'duration';
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** A bare word: a variable (`age`, `alsfrsR.total`) or, next to an enumerated variable, one of its values. */
export interface NameNode extends RuleSpan {
  readonly kind: 'name';
  readonly name: string;
}

export interface NumberNode extends RuleSpan {
  readonly kind: 'number';
  readonly value: number;
}

export interface BooleanNode extends RuleSpan {
  readonly kind: 'boolean';
  readonly value: boolean;
}

/** `monthsSince(symptomOnsetDate)`: time from a date variable to the assessment date, in the function's unit. */
export interface SinceNode extends RuleSpan {
  readonly kind: 'since';
  readonly fn: SinceFunction;
  readonly unit: DurationUnit;
  readonly date: NameNode;
}

/** `progressionRate(alsfrsR, over 17 weeks)`: ALSFRS-R points lost per month over the lead-in. */
export interface ProgressionRateNode extends RuleSpan {
  readonly kind: 'progression-rate';
  readonly measure: NameNode;
  readonly over: DurationNode;
}

/** Something with a value: the sides of comparisons and the subject of `between` and `in`. */
export type OperandNode = NameNode | NumberNode | BooleanNode | SinceNode | ProgressionRateNode;

export interface CompareNode extends RuleSpan {
  readonly kind: 'compare';
  readonly op: ComparisonOperator;
  readonly left: OperandNode;
  readonly right: OperandNode;
}

/** `x between a and b`: a ≤ x ≤ b (both bounds included). */
export interface BetweenNode extends RuleSpan {
  readonly kind: 'between';
  readonly subject: OperandNode;
  readonly low: OperandNode;
  readonly high: OperandNode;
}

/** `x in [a, b, c]` (or `x not in [...]`). */
export interface InNode extends RuleSpan {
  readonly kind: 'in';
  readonly subject: OperandNode;
  readonly values: readonly (NameNode | NumberNode)[];
  readonly negated: boolean;
}

/** A boolean variable used as a condition: `ventilatorDependent`. */
export interface FlagNode extends RuleSpan {
  readonly kind: 'flag';
  readonly name: NameNode;
}

/** `has(code)`: the condition is ongoing at the assessment date. */
export interface HasNode extends RuleSpan {
  readonly kind: 'has';
  readonly code: NameNode;
}

/** `had(code)`: ever; `had(code, within 5 years)`: present at some time in the window before the assessment. */
export interface HadNode extends RuleSpan {
  readonly kind: 'had';
  readonly code: NameNode;
  readonly within?: DurationNode;
}

/** `taking(med)` at the assessment date; with `stableFor OP duration` the dose is unchanged for that long. */
export interface TakingNode extends RuleSpan {
  readonly kind: 'taking';
  readonly medication: NameNode;
  readonly stableFor?: { readonly op: ComparisonOperator; readonly duration: DurationNode };
}

/** `took(med)`: ever; `took(med, within 30 days)`: taken at some time in the window (current use included). */
export interface TookNode extends RuleSpan {
  readonly kind: 'took';
  readonly medication: NameNode;
  readonly within?: DurationNode;
}

/** `plans(med)`: the record lists the medication as planned during the study. */
export interface PlansNode extends RuleSpan {
  readonly kind: 'plans';
  readonly medication: NameNode;
}

export type PredicateNode = HasNode | HadNode | TakingNode | TookNode | PlansNode;

export interface NotNode extends RuleSpan {
  readonly kind: 'not';
  readonly operand: RuleNode;
}

/** `a and b and c` (two or more operands, flattened). */
export interface AndNode extends RuleSpan {
  readonly kind: 'and';
  readonly operands: readonly RuleNode[];
}

export interface OrNode extends RuleSpan {
  readonly kind: 'or';
  readonly operands: readonly RuleNode[];
}

/** A whole rule, or any condition inside it. */
export type RuleNode =
  AndNode | OrNode | NotNode | CompareNode | BetweenNode | InNode | FlagNode | PredicateNode;
