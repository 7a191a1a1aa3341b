// What a protocol's eligibility rules ask of a candidate, read from the rule syntax trees so that the generator
// draws candidates near the eligible region instead of rejecting most of them. The hints only steer the draws:
// every generated record is still checked by evaluateEligibility (the only judge of eligibility).
import type { OperandNode, RuleNode } from '../eligibility/rule-ast.js';
import { parseRule } from '../eligibility/rule-parser.js';
import { ELIGIBILITY_DAYS_PER_MONTH, type DurationUnit } from '../eligibility/rule-vocabulary.js';
import type { Protocol } from '../protocol/protocol-types.js';
import { intersect, type DemoInterval } from './demo-random.js';

/** Days in one unit of a rule duration (a year as 365.25 days: hints are approximate by design). */
const UNIT_DAYS: Readonly<Record<DurationUnit, number>> = {
  days: 1,
  weeks: 7,
  months: ELIGIBILITY_DAYS_PER_MONTH,
  years: 365.25,
};

export function durationDays(duration: { readonly amount: number; readonly unit: DurationUnit }): number {
  return duration.amount * UNIT_DAYS[duration.unit];
}

/** How a required medication should appear in the record. */
export type DemoMedicationMode = 'current' | 'planned';

export interface DemoEligibilityHints {
  /**
   * Intervals for numeric variables, keyed by rule variable name (`age`, `bmi`, `alsfrsR.total`, …) or
   * `since:<dateVariable>` (days from the date to the assessment).
   */
  readonly numeric: Readonly<Record<string, DemoInterval>>;
  /** Allowed values of enumerated variables (`condition`, `elEscorial`, `msCourse`, `sex`). */
  readonly allowed: Readonly<Record<string, readonly string[]>>;
  /** Values of enumerated variables that exclude. */
  readonly excluded: Readonly<Record<string, readonly string[]>>;
  /** Medications (names or classes) an inclusion asks for outright, with how to record them. */
  readonly requiredMedications: ReadonlyMap<string, DemoMedicationMode>;
  /** Medications one branch of an inclusion's `or` asks for: recorded for most candidates, not all. */
  readonly suggestedMedications: ReadonlyMap<string, DemoMedicationMode>;
  /** Medications (names or classes) whose use excludes. */
  readonly forbiddenMedications: ReadonlySet<string>;
  /** Lead-ins of `progressionRate(alsfrsR, over …)`: the record gets an ALSFRS-R total that long before screening. */
  readonly progressionLeadInDays: readonly number[];
}

interface MutableHints {
  numeric: Record<string, DemoInterval>;
  allowed: Record<string, string[]>;
  excluded: Record<string, string[]>;
  requiredMedications: Map<string, DemoMedicationMode>;
  suggestedMedications: Map<string, DemoMedicationMode>;
  forbiddenMedications: Set<string>;
  progressionLeadInDays: number[];
}

/** The numeric key of an operand, or undefined when it is not a plain numeric variable or a `…Since(date)`. */
function numericKey(operand: OperandNode): { key: string; scale: number } | undefined {
  if (operand.kind === 'name') {
    return { key: operand.name, scale: 1 };
  }
  if (operand.kind === 'since') {
    return { key: `since:${operand.date.name}`, scale: UNIT_DAYS[operand.unit] };
  }
  return undefined;
}

function addInterval(hints: MutableHints, key: string, interval: DemoInterval): void {
  hints.numeric[key] = intersect(hints.numeric[key] ?? {}, interval);
}

const FLIPPED = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' } as const;
const NEGATED = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' } as const;

function compareHint(hints: MutableHints, node: Extract<RuleNode, { kind: 'compare' }>, want: boolean): void {
  const [subject, value, op0] =
    node.left.kind === 'number'
      ? [node.right, node.left, FLIPPED[node.op]]
      : [node.left, node.right, node.op];
  const op = want ? op0 : NEGATED[op0];
  if (subject.kind === 'name' && value.kind === 'name') {
    const lists: Partial<Record<string, Record<string, string[]>>> = {
      '=': hints.allowed,
      '!=': hints.excluded,
    };
    const list = lists[op];
    if (list !== undefined) {
      list[subject.name] = [...(list[subject.name] ?? []), value.name];
    }
    return;
  }
  const key = numericKey(subject);
  if (key === undefined || value.kind !== 'number') {
    return;
  }
  const bound = value.value * key.scale;
  if (op === '<' || op === '<=') {
    addInterval(hints, key.key, { max: bound });
  } else if (op === '>' || op === '>=') {
    addInterval(hints, key.key, { min: bound });
  } else if (op === '=') {
    addInterval(hints, key.key, { min: bound, max: bound });
  }
}

function medicationHint(
  hints: MutableHints,
  node: RuleNode,
  how: 'required' | 'suggested' | 'forbidden',
): void {
  if (node.kind !== 'taking' && node.kind !== 'took' && node.kind !== 'plans') {
    return;
  }
  const name = node.medication.name;
  const target = how === 'required' ? hints.requiredMedications : hints.suggestedMedications;
  if (how === 'forbidden') {
    hints.forbiddenMedications.add(name);
  } else if (!target.has(name)) {
    target.set(name, node.kind === 'plans' ? 'planned' : 'current');
  }
}

function leadIns(hints: MutableHints, operand: OperandNode): void {
  if (operand.kind === 'progression-rate') {
    hints.progressionLeadInDays.push(Math.round(durationDays(operand.over)));
  }
}

/** Walks a rule that should come out `want` (true for inclusions, false for exclusions). */
function walk(hints: MutableHints, node: RuleNode, want: boolean): void {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const conjunctive = (node.kind === 'and') === want;
      for (const operand of node.operands) {
        if (conjunctive) {
          walk(hints, operand, want);
        } else if (want) {
          // One disjunct suffices: only medications are taken from it, as suggestions.
          medicationHint(hints, operand, 'suggested');
        }
      }
      return;
    }
    case 'not':
      walk(hints, node.operand, !want);
      return;
    case 'compare':
      leadIns(hints, node.left);
      compareHint(hints, node, want);
      return;
    case 'between': {
      leadIns(hints, node.subject);
      const key = numericKey(node.subject);
      if (want && key !== undefined && node.low.kind === 'number' && node.high.kind === 'number') {
        addInterval(hints, key.key, { min: node.low.value * key.scale, max: node.high.value * key.scale });
      }
      return;
    }
    case 'in': {
      const subject = node.subject;
      if (subject.kind === 'name') {
        const list = want !== node.negated ? hints.allowed : hints.excluded;
        const values = node.values.flatMap((value) => (value.kind === 'name' ? [value.name] : []));
        list[subject.name] = [...(list[subject.name] ?? []), ...values];
      }
      return;
    }
    case 'taking':
    case 'took':
    case 'plans':
      medicationHint(hints, node, want ? 'required' : 'forbidden');
      return;
    case 'flag':
    case 'has':
    case 'had':
      return;
  }
}

/** Hints for every criterion with a rule (rules that do not parse are skipped: they never evaluate eligible). */
export function collectEligibilityHints(protocol: Protocol): DemoEligibilityHints {
  const hints: MutableHints = {
    numeric: {},
    allowed: {},
    excluded: {},
    requiredMedications: new Map(),
    suggestedMedications: new Map(),
    forbiddenMedications: new Set(),
    progressionLeadInDays: [],
  };
  const { minAgeYears, maxAgeYears, sex } = protocol.eligibility;
  addInterval(hints, 'age', {
    ...(minAgeYears === undefined ? {} : { min: minAgeYears }),
    ...(maxAgeYears === undefined ? {} : { max: maxAgeYears + 0.99 }),
  });
  if (sex !== 'all') {
    hints.allowed.sex = [sex];
  }
  for (const criterion of protocol.eligibility.criteria) {
    if (criterion.rule === undefined) {
      continue;
    }
    const parsed = parseRule(criterion.rule);
    if (parsed.kind === 'ok') {
      walk(hints, parsed.ast, criterion.kind === 'inclusion');
    }
  }
  for (const name of hints.forbiddenMedications) {
    hints.requiredMedications.delete(name);
    hints.suggestedMedications.delete(name);
  }
  return hints;
}

/** The allowed values of an enumerated variable, in the order of `all`, or `all` when the rules say nothing. */
export function allowedValues<T extends string>(
  hints: DemoEligibilityHints,
  variable: string,
  all: readonly T[],
): readonly T[] {
  const allowed = hints.allowed[variable];
  const excluded = hints.excluded[variable] ?? [];
  const values = all.filter(
    (value) => (allowed === undefined || allowed.includes(value)) && !excluded.includes(value),
  );
  return values.length > 0 ? values : all;
}
