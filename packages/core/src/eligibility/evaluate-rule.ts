// Three-valued evaluation of a checked rule on a screening record, with an explanation built from the facts
// that decided it ("ALSFRS-R total 14 at screening; the protocol requires ≥ 15").
import { compareValues, negateOperator, operatorSymbol } from './compare.js';
import { elapsedTime } from './elapsed-time.js';
import {
  evaluateHad,
  evaluateHas,
  evaluatePlans,
  evaluateTaking,
  evaluateTook,
} from './evaluate-predicates.js';
import { formatNumber } from './format-number.js';
import { alsfrsRProgressionRate, describeDuration } from './progression-rate.js';
import type { ComparisonOperator, OperandNode, RuleNode } from './rule-ast.js';
import type { ScreeningRecord } from './screening-record.js';
import { and3, not3, or3, type CriterionStatus } from './three-valued.js';
import { RULE_VARIABLES, type RuleValue } from './variable-catalogue.js';

/** A rule's status and the explanation of the facts that decided it. */
export interface RuleOutcome {
  readonly status: CriterionStatus;
  readonly reasons: readonly string[];
}

type OperandValue =
  | {
      readonly known: true;
      readonly value: RuleValue;
      readonly fact: string;
      readonly short: string;
      readonly unit: string;
    }
  | { readonly known: false; readonly missing: string; readonly short: string; readonly unit: string };

function formatValue(value: RuleValue): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

function operandValue(operand: OperandNode, record: ScreeningRecord): OperandValue {
  switch (operand.kind) {
    case 'number':
      return {
        known: true,
        value: operand.value,
        fact: formatNumber(operand.value),
        short: formatNumber(operand.value),
        unit: '',
      };
    case 'boolean':
      return {
        known: true,
        value: operand.value,
        fact: String(operand.value),
        short: String(operand.value),
        unit: '',
      };
    case 'name': {
      const variable = RULE_VARIABLES.get(operand.name);
      if (variable === undefined) {
        // Not a variable: an enumerated value (checkRule guarantees the context).
        return { known: true, value: operand.name, fact: operand.name, short: operand.name, unit: '' };
      }
      const value = variable.read(record);
      const unit = variable.unit ?? '';
      if (value === undefined) {
        return {
          known: false,
          missing: `${variable.label} not recorded (${variable.needs})`,
          short: variable.label,
          unit,
        };
      }
      const where = variable.atScreening === true ? ' at screening' : '';
      const fact =
        typeof value === 'boolean'
          ? `${variable.label}: ${value ? 'yes' : 'no'}`
          : `${variable.label} ${formatValue(value)}${unit}${where}`;
      return { known: true, value, fact, short: variable.label, unit };
    }
    case 'since': {
      const variable = RULE_VARIABLES.get(operand.date.name);
      const date = variable?.read(record);
      const label = variable?.label ?? operand.date.name;
      const short = `${operand.unit} since ${label}`;
      if (typeof date !== 'string') {
        return {
          known: false,
          missing: `${label} not recorded (${variable?.needs ?? operand.date.name})`,
          short,
          unit: ` ${operand.unit}`,
        };
      }
      const value = elapsedTime(date, record.assessmentDate, operand.unit);
      return {
        known: true,
        value,
        fact: `${formatNumber(value)} ${operand.unit} since ${label} on ${date}`,
        short,
        unit: ` ${operand.unit}`,
      };
    }
    case 'progression-rate': {
      const result = alsfrsRProgressionRate(record, operand.over);
      const lead = describeDuration(operand.over.amount, operand.over.unit);
      const short = `ALSFRS-R progression rate over ${lead}`;
      if (result.kind === 'unknown') {
        return {
          known: false,
          missing: `ALSFRS-R progression rate unknown: ${result.reason}`,
          short,
          unit: ' points/month',
        };
      }
      const { start, end, days } = result;
      const fact = `ALSFRS-R decline ${formatNumber(result.rate)} points/month over ${days} days (${start.total} on ${start.date} → ${end.total} on ${end.date})`;
      return { known: true, value: result.rate, fact, short, unit: ' points/month' };
    }
  }
}

/** True for a number, true/false or an enumerated value (not a variable or a function). */
function isLiteral(operand: OperandNode): boolean {
  return (
    operand.kind === 'number' ||
    operand.kind === 'boolean' ||
    (operand.kind === 'name' && !RULE_VARIABLES.has(operand.name))
  );
}

/** The requirement as the criterion needs it: the condition itself, or its negation for what must not hold. */
function comparisonRequirement(input: {
  op: ComparisonOperator;
  left: OperandValue;
  leftNode: OperandNode;
  right: OperandNode;
  required: boolean;
}): string {
  const { op, left, right, required } = input;
  const effective = required ? op : negateOperator(op);
  if (right.kind === 'name') {
    if (effective === '=') {
      return right.name;
    }
    // A two-valued variable (positive/negative, female/male): name the other value.
    const type = input.leftNode.kind === 'name' ? RULE_VARIABLES.get(input.leftNode.name)?.type : undefined;
    const others = type?.kind === 'enum' ? type.values.filter((value) => value !== right.name) : [];
    const [other] = others;
    return others.length === 1 && other !== undefined ? other : `other than ${right.name}`;
  }
  const value =
    right.kind === 'number' ? formatNumber(right.value) : String(right.kind === 'boolean' && right.value);
  return `${operatorSymbol(effective)} ${value}${right.kind === 'number' ? left.unit : ''}`;
}

function leafPhrase(input: {
  status: CriterionStatus;
  required: boolean;
  fact: string;
  requirement: string;
  /** The fact already says it all when favourable (`diagnosis ALS` needs no "(ALS)"). */
  selfEvident?: boolean;
}): string {
  const { status, required, fact, requirement } = input;
  const favourable = (status === 'met') === required;
  if (favourable) {
    return input.selfEvident === true ? fact : `${fact} (${requirement})`;
  }
  return `${fact}; the protocol requires ${requirement}`;
}

function evaluateCompare(
  node: Extract<RuleNode, { kind: 'compare' }>,
  record: ScreeningRecord,
  required: boolean,
): RuleOutcome {
  const left = operandValue(node.left, record);
  const right = operandValue(node.right, record);
  const literal = isLiteral(node.right);
  const requirement = literal
    ? comparisonRequirement({ op: node.op, left, leftNode: node.left, right: node.right, required })
    : `${left.short} ${operatorSymbol(required ? node.op : negateOperator(node.op))} ${right.short}`;
  if (!left.known || !right.known) {
    const missing = [left, right].flatMap((side) => (side.known ? [] : [side.missing]));
    return { status: 'unknown', reasons: [`${missing.join('; ')}; the protocol requires ${requirement}`] };
  }
  const status: CriterionStatus = compareValues(node.op, left.value, right.value) ? 'met' : 'not-met';
  const fact = literal ? left.fact : `${left.fact}, ${right.fact}`;
  const selfEvident = node.right.kind === 'name' && literal && !requirement.startsWith('other than');
  return { status, reasons: [leafPhrase({ status, required, fact, requirement, selfEvident })] };
}

function evaluateBetween(
  node: Extract<RuleNode, { kind: 'between' }>,
  record: ScreeningRecord,
  required: boolean,
): RuleOutcome {
  const [subject, low, high] = [node.subject, node.low, node.high].map((operand) =>
    operandValue(operand, record),
  ) as [OperandValue, OperandValue, OperandValue];
  const unit = subject.unit;
  const range = required
    ? `between ${low.short} and ${high.short}${unit}`
    : `outside ${low.short}–${high.short}${unit}`;
  if (!subject.known || !low.known || !high.known) {
    const missing = [subject, low, high].flatMap((side) => (side.known ? [] : [side.missing]));
    return { status: 'unknown', reasons: [`${missing.join('; ')}; the protocol requires ${range}`] };
  }
  const value = subject.value as number;
  const status: CriterionStatus =
    value >= (low.value as number) && value <= (high.value as number) ? 'met' : 'not-met';
  return { status, reasons: [leafPhrase({ status, required, fact: subject.fact, requirement: range })] };
}

function evaluateIn(
  node: Extract<RuleNode, { kind: 'in' }>,
  record: ScreeningRecord,
  required: boolean,
): RuleOutcome {
  const subject = operandValue(node.subject, record);
  const values = node.values.map((value) => (value.kind === 'number' ? value.value : value.name));
  const list = values.map(formatValue).join(', ');
  const wantsMember = required !== node.negated;
  const requirement = wantsMember ? `one of ${list}` : `none of ${list}`;
  if (!subject.known) {
    return { status: 'unknown', reasons: [`${subject.missing}; the protocol requires ${requirement}`] };
  }
  const member = values.includes(subject.value as string | number);
  const status: CriterionStatus = member !== node.negated ? 'met' : 'not-met';
  return { status, reasons: [leafPhrase({ status, required, fact: subject.fact, requirement })] };
}

function evaluateFlag(
  node: Extract<RuleNode, { kind: 'flag' }>,
  record: ScreeningRecord,
  required: boolean,
): RuleOutcome {
  const value = operandValue(node.name, record);
  const requirement = required ? 'yes' : 'no';
  if (!value.known) {
    return { status: 'unknown', reasons: [`${value.missing}; the protocol requires ${requirement}`] };
  }
  const status: CriterionStatus = value.value === true ? 'met' : 'not-met';
  return { status, reasons: [leafPhrase({ status, required, fact: value.fact, requirement })] };
}

function combine(kind: 'and' | 'or', outcomes: readonly RuleOutcome[]): RuleOutcome {
  const status = (kind === 'and' ? and3 : or3)(outcomes.map((outcome) => outcome.status));
  const deciding =
    status === 'met' && kind === 'and' ? outcomes : outcomes.filter((outcome) => outcome.status === status);
  const relevant = status === 'not-met' && kind === 'or' ? outcomes : deciding;
  return { status, reasons: relevant.flatMap((outcome) => outcome.reasons) };
}

/** Evaluates a node; `required` says whether the criterion needs it to hold (false under an odd number of NOTs
 *  in an inclusion, or an even number in an exclusion), which only changes how the explanation is worded. */
export function evaluateRuleNode(node: RuleNode, record: ScreeningRecord, required: boolean): RuleOutcome {
  switch (node.kind) {
    case 'and':
    case 'or':
      return combine(
        node.kind,
        node.operands.map((operand) => evaluateRuleNode(operand, record, required)),
      );
    case 'not': {
      const inner = evaluateRuleNode(node.operand, record, !required);
      return { status: not3(inner.status), reasons: inner.reasons };
    }
    case 'compare':
      return evaluateCompare(node, record, required);
    case 'between':
      return evaluateBetween(node, record, required);
    case 'in':
      return evaluateIn(node, record, required);
    case 'flag':
      return evaluateFlag(node, record, required);
    case 'has':
    case 'had':
    case 'taking':
    case 'took':
    case 'plans': {
      const outcome = evaluatePredicate(node, record);
      return { status: outcome.status, reasons: [outcome.fact] };
    }
  }
}

function evaluatePredicate(
  node: Extract<RuleNode, { kind: 'has' | 'had' | 'taking' | 'took' | 'plans' }>,
  record: ScreeningRecord,
) {
  switch (node.kind) {
    case 'has':
      return evaluateHas(node, record);
    case 'had':
      return evaluateHad(node, record);
    case 'taking':
      return evaluateTaking(node, record);
    case 'took':
      return evaluateTook(node, record);
    case 'plans':
      return evaluatePlans(node, record);
  }
}

/**
 * Evaluates a parsed and checked rule: met / not-met / unknown with the facts behind it. `kind` only words the
 * explanation (an exclusion's rule must not hold: "the protocol requires ≥ 65" for `svcPercentPredicted < 65`).
 */
export function evaluateRule(
  ast: RuleNode,
  record: ScreeningRecord,
  options: { readonly kind?: 'inclusion' | 'exclusion' } = {},
): RuleOutcome {
  return evaluateRuleNode(ast, record, options.kind !== 'exclusion');
}
