// Type-checks a parsed rule against the variable catalogue and the vocabularies: unknown variables, condition
// codes and medications; comparisons between values of different types; values an enumerated variable does not
// have; empty `between` ranges.
import type { NameNode, OperandNode, RuleNode, RuleSpan } from './rule-ast.js';
import {
  CONDITION_CODES,
  CONDITION_GROUPS,
  MEDICATION_CLASSES,
  MEDICATION_NAMES,
  expandConditionTerm,
  isMedicationTerm,
} from './rule-vocabulary.js';
import { PROGRESSION_MEASURES, RULE_VARIABLES, type RuleValueType } from './variable-catalogue.js';
import { editDistance } from '../text/edit-distance.js';

export const RULE_PROBLEM_KINDS = ['unknown-variable', 'rule-type'] as const;
export type RuleProblemKind = (typeof RULE_PROBLEM_KINDS)[number];

/** One problem in a rule: which kind, where (0-based span in the rule text) and why. */
export interface RuleProblem extends RuleSpan {
  readonly rule: RuleProblemKind;
  readonly message: string;
}

export type CheckRuleResult =
  { readonly kind: 'ok' } | { readonly kind: 'invalid'; readonly problems: readonly RuleProblem[] };

/** The type of an operand: a catalogue type, or `word` for a bare name that is not a variable. */
type OperandType = RuleValueType | { readonly kind: 'word'; readonly name: string };

/** " (did you mean x?)" for the closest candidate within a small edit distance, else "". */
function suggestion(name: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean ${best}?)`;
}

function describeType(type: OperandType): string {
  switch (type.kind) {
    case 'enum':
      return `one of ${type.values.join(', ')}`;
    case 'word':
      return `'${type.name}'`;
    case 'number':
    case 'boolean':
    case 'date':
      return `a ${type.kind}`;
  }
}

class RuleChecker {
  readonly problems: RuleProblem[] = [];

  private add(span: RuleSpan, rule: RuleProblemKind, message: string): void {
    this.problems.push({ rule, message, start: span.start, end: span.end });
  }

  private unknownVariable(name: NameNode): void {
    this.add(
      name,
      'unknown-variable',
      `unknown variable '${name.name}'${suggestion(name.name, RULE_VARIABLES.keys())}`,
    );
  }

  check(node: RuleNode): void {
    switch (node.kind) {
      case 'and':
      case 'or':
        node.operands.forEach((operand) => this.check(operand));
        return;
      case 'not':
        this.check(node.operand);
        return;
      case 'compare':
        this.checkCompare(node.left, node.right, node.op);
        return;
      case 'between':
        this.checkBetween(node.subject, node.low, node.high);
        return;
      case 'in':
        this.checkIn(node.subject, node.values);
        return;
      case 'flag':
        this.checkFlag(node.name);
        return;
      case 'has':
      case 'had':
        this.checkCondition(node.code);
        this.checkDurationAmount(node.kind === 'had' ? node.within?.amount : undefined, node);
        return;
      case 'taking':
      case 'took':
      case 'plans':
        this.checkMedication(node.medication);
        return;
    }
  }

  private checkDurationAmount(amount: number | undefined, span: RuleSpan): void {
    if (amount !== undefined && !(amount >= 0)) {
      this.add(span, 'rule-type', 'a duration must not be negative');
    }
  }

  private checkCondition(code: NameNode): void {
    if (expandConditionTerm(code.name) === null) {
      const known = [...Object.keys(CONDITION_GROUPS), ...Object.keys(CONDITION_CODES)];
      this.add(
        code,
        'unknown-variable',
        `unknown condition code '${code.name}'${suggestion(code.name, known)}`,
      );
    }
  }

  private checkMedication(medication: NameNode): void {
    if (!isMedicationTerm(medication.name)) {
      const known = [...MEDICATION_NAMES, ...Object.keys(MEDICATION_CLASSES)];
      this.add(
        medication,
        'unknown-variable',
        `unknown medication or medication class '${medication.name}'${suggestion(medication.name, known)}`,
      );
    }
  }

  /** The operand's type; reports problems inside function calls and unknown names where a variable is needed. */
  private typeOf(operand: OperandNode): OperandType | null {
    switch (operand.kind) {
      case 'number':
        return { kind: 'number' };
      case 'boolean':
        return { kind: 'boolean' };
      case 'name': {
        const variable = RULE_VARIABLES.get(operand.name);
        return variable === undefined ? { kind: 'word', name: operand.name } : variable.type;
      }
      case 'since': {
        const variable = RULE_VARIABLES.get(operand.date.name);
        if (variable === undefined) {
          this.unknownVariable(operand.date);
          return null;
        }
        if (variable.type.kind !== 'date') {
          this.add(
            operand.date,
            'rule-type',
            `${operand.fn}() needs a date variable; '${operand.date.name}' is ${describeType(variable.type)}`,
          );
          return null;
        }
        return { kind: 'number' };
      }
      case 'progression-rate':
        if (!(PROGRESSION_MEASURES as readonly string[]).includes(operand.measure.name)) {
          this.add(
            operand.measure,
            'unknown-variable',
            `progressionRate() measures ${PROGRESSION_MEASURES.join(', ')}, not '${operand.measure.name}'`,
          );
        }
        if (!(operand.over.amount > 0)) {
          this.add(operand.over, 'rule-type', 'the lead-in duration must be positive');
        }
        return { kind: 'number' };
    }
  }

  /** A value type where a variable is required: unknown names and dates are reported (null). */
  private requireValue(operand: OperandNode, type: OperandType | null): OperandType | null {
    if (type?.kind === 'word' && operand.kind === 'name') {
      this.unknownVariable(operand);
      return null;
    }
    if (type?.kind === 'date') {
      this.add(
        operand,
        'rule-type',
        `dates cannot be compared directly; use daysSince(), weeksSince(), monthsSince() or yearsSince()`,
      );
      return null;
    }
    return type;
  }

  private valueType(operand: OperandNode): OperandType | null {
    return this.requireValue(operand, this.typeOf(operand));
  }

  private checkCompare(left: OperandNode, right: OperandNode, op: string): void {
    const leftType = this.typeOf(left);
    const rightType = this.typeOf(right);
    if (leftType === null || rightType === null) {
      return;
    }
    if (leftType.kind === 'enum' || rightType.kind === 'enum') {
      this.checkEnumCompare({ left, right, leftType, rightType, op });
      return;
    }
    const resolvedLeft = this.requireValue(left, leftType);
    const resolvedRight = this.requireValue(right, rightType);
    if (resolvedLeft === null || resolvedRight === null) {
      return;
    }
    const span = { start: left.start, end: right.end };
    if (resolvedLeft.kind !== resolvedRight.kind) {
      this.add(
        span,
        'rule-type',
        `cannot compare ${describeType(resolvedLeft)} with ${describeType(resolvedRight)}`,
      );
      return;
    }
    if (resolvedLeft.kind === 'boolean' && op !== '=' && op !== '!=') {
      this.add(span, 'rule-type', `true/false values can only be compared with = or != (not ${op})`);
    }
  }

  private checkEnumCompare(input: {
    left: OperandNode;
    right: OperandNode;
    leftType: OperandType;
    rightType: OperandType;
    op: string;
  }): void {
    const { left, right, leftType, rightType, op } = input;
    const span = { start: left.start, end: right.end };
    if (op !== '=' && op !== '!=') {
      this.add(
        span,
        'rule-type',
        `enumerated values can only be compared with = or != (not ${op}); use in [...] for several`,
      );
      return;
    }
    const [enumType, other, otherType] =
      leftType.kind === 'enum' ? [leftType, right, rightType] : [rightType, left, leftType];
    if (enumType.kind !== 'enum') {
      return;
    }
    if (otherType.kind === 'word') {
      if (!enumType.values.includes(otherType.name)) {
        this.add(
          other,
          'rule-type',
          `'${otherType.name}' is not a possible value (expected ${describeType(enumType)})${suggestion(otherType.name, enumType.values)}`,
        );
      }
      return;
    }
    if (otherType.kind !== 'enum' || otherType.values.join() !== enumType.values.join()) {
      this.add(span, 'rule-type', `cannot compare ${describeType(enumType)} with ${describeType(otherType)}`);
    }
  }

  private checkBetween(subject: OperandNode, low: OperandNode, high: OperandNode): void {
    for (const operand of [subject, low, high]) {
      const type = this.valueType(operand);
      if (type !== null && type.kind !== 'number') {
        this.add(operand, 'rule-type', `between needs numbers; this is ${describeType(type)}`);
      }
    }
    if (low.kind === 'number' && high.kind === 'number' && low.value > high.value) {
      this.add(
        { start: low.start, end: high.end },
        'rule-type',
        `empty range: ${low.value} is above ${high.value}`,
      );
    }
  }

  private checkIn(subject: OperandNode, values: readonly OperandNode[]): void {
    const type = this.valueType(subject);
    if (type === null) {
      return;
    }
    if (type.kind === 'enum') {
      for (const value of values) {
        const name = value.kind === 'name' ? value.name : String(value.kind === 'number' ? value.value : '');
        if (!type.values.includes(name)) {
          this.add(
            value,
            'rule-type',
            `'${name}' is not a possible value (expected ${describeType(type)})${suggestion(name, type.values)}`,
          );
        }
      }
      return;
    }
    if (type.kind === 'number') {
      values
        .filter((value) => value.kind !== 'number')
        .forEach((value) => this.add(value, 'rule-type', 'the list of a number variable must hold numbers'));
      return;
    }
    this.add(
      subject,
      'rule-type',
      `in [...] needs an enumerated or number variable; this is ${describeType(type)}`,
    );
  }

  private checkFlag(name: NameNode): void {
    const variable = RULE_VARIABLES.get(name.name);
    if (variable === undefined) {
      this.unknownVariable(name);
      return;
    }
    if (variable.type.kind !== 'boolean') {
      this.add(
        name,
        'rule-type',
        `'${name.name}' is ${describeType(variable.type)}, not true/false: compare it (e.g. ${name.name} = …)`,
      );
    }
  }
}

/** Checks a parsed rule against the variable catalogue and vocabularies; every problem with its span. */
export function checkRule(ast: RuleNode): CheckRuleResult {
  const checker = new RuleChecker();
  checker.check(ast);
  return checker.problems.length === 0 ? { kind: 'ok' } : { kind: 'invalid', problems: checker.problems };
}
