// Conditions and medications: has / had / taking / took / plans, evaluated at the assessment date with
// three-valued results. An absent `conditions` or `medications` list makes them unknown; a present list (even
// empty) is the complete answer (docs/screening-record.md).
import { compareNumbers, operatorSymbol } from './compare.js';
import { elapsedTime } from './elapsed-time.js';
import { describeDuration } from './progression-rate.js';
import type { HadNode, HasNode, PlansNode, TakingNode, TookNode } from './rule-ast.js';
import { expandConditionTerm, type DurationUnit } from './rule-vocabulary.js';
import type { ScreeningCondition, ScreeningMedication, ScreeningRecord } from './screening-record.js';
import { formatNumber } from './format-number.js';
import { fromBoolean, or3, type CriterionStatus } from './three-valued.js';

/** A predicate's status and the fact that explains it. */
export interface PredicateOutcome {
  readonly status: CriterionStatus;
  readonly fact: string;
}

/** "the last 5 years", "the last year". */
function lastPeriod(amount: number, unit: DurationUnit): string {
  return amount === 1 ? `the last ${unit.slice(0, -1)}` : `the last ${describeDuration(amount, unit)}`;
}

function words(term: string): string {
  return term.replace(/-/g, ' ');
}

function describeCondition(entry: ScreeningCondition): string {
  const onset = entry.onsetDate === undefined ? 'onset date not recorded' : `onset ${entry.onsetDate}`;
  const end = entry.resolvedDate === undefined ? 'ongoing' : `resolved ${entry.resolvedDate}`;
  return `${words(entry.code)}: ${onset}, ${end}`;
}

function conditionMatches(record: ScreeningRecord, term: string): ScreeningCondition[] {
  const codes: readonly string[] = expandConditionTerm(term) ?? [];
  return (record.conditions ?? []).filter(
    (entry) =>
      codes.includes(entry.code) &&
      (entry.onsetDate === undefined || entry.onsetDate <= record.assessmentDate),
  );
}

const NO_CONDITIONS = 'conditions not recorded (the record has no conditions list)';
const NO_MEDICATIONS = 'medications not recorded (the record has no medications list)';

/** `has(code)`: an entry ongoing at the assessment date. */
export function evaluateHas(node: HasNode, record: ScreeningRecord): PredicateOutcome {
  if (record.conditions === undefined) {
    return { status: 'unknown', fact: NO_CONDITIONS };
  }
  const current = conditionMatches(record, node.code.name).filter(
    (entry) => entry.resolvedDate === undefined || entry.resolvedDate > record.assessmentDate,
  );
  const [first] = current;
  return first === undefined
    ? { status: 'not-met', fact: `no current ${words(node.code.name)} recorded` }
    : { status: 'met', fact: describeCondition(first) };
}

/** `had(code)` ever, or `had(code, within N unit)`: present at some time in the window ending at the assessment. */
export function evaluateHad(node: HadNode, record: ScreeningRecord): PredicateOutcome {
  if (record.conditions === undefined) {
    return { status: 'unknown', fact: NO_CONDITIONS };
  }
  const { within } = node;
  const matches = conditionMatches(record, node.code.name);
  const hits =
    within === undefined
      ? matches
      : matches.filter(
          (entry) =>
            entry.resolvedDate === undefined ||
            elapsedTime(entry.resolvedDate, record.assessmentDate, within.unit) <= within.amount,
        );
  const window = within === undefined ? '' : ` within ${lastPeriod(within.amount, within.unit)}`;
  const [first] = hits;
  if (first !== undefined) {
    return {
      status: 'met',
      fact: `${describeCondition(first)}${window === '' ? '' : ` (${window.trim()})`}`,
    };
  }
  const earlier = matches.length > 0 ? ` (earlier: ${matches.map(describeCondition).join('; ')})` : '';
  const fact =
    within === undefined
      ? `no history of ${words(node.code.name)}`
      : `no ${words(node.code.name)}${window}${earlier}`;
  return { status: 'not-met', fact };
}

function medicationMatches(record: ScreeningRecord, term: string): ScreeningMedication[] {
  return (record.medications ?? []).filter(
    (entry) => entry.name.trim().toLowerCase() === term || (entry.classes ?? []).includes(term),
  );
}

function taken(record: ScreeningRecord, term: string): ScreeningMedication[] {
  return medicationMatches(record, term).filter(
    (entry) =>
      entry.planned !== true && (entry.startDate === undefined || entry.startDate <= record.assessmentDate),
  );
}

function isCurrent(entry: ScreeningMedication, record: ScreeningRecord): boolean {
  return entry.stopDate === undefined || entry.stopDate > record.assessmentDate;
}

function describeMedication(entry: ScreeningMedication): string {
  const since = entry.startDate === undefined ? 'start date not recorded' : `since ${entry.startDate}`;
  return entry.stopDate === undefined
    ? `${entry.name} (${since})`
    : `${entry.name} (${since}, stopped ${entry.stopDate})`;
}

function stableOutcome(
  entry: ScreeningMedication,
  node: TakingNode & { stableFor: NonNullable<TakingNode['stableFor']> },
  record: ScreeningRecord,
): PredicateOutcome {
  const since = entry.doseStableSince ?? entry.startDate;
  const { op, duration } = node.stableFor;
  const required = `${operatorSymbol(op)} ${describeDuration(duration.amount, duration.unit)}`;
  if (since === undefined) {
    return {
      status: 'unknown',
      fact: `taking ${entry.name}, but neither doseStableSince nor startDate is recorded`,
    };
  }
  const stable = elapsedTime(since, record.assessmentDate, duration.unit);
  const met = compareNumbers(op, stable, duration.amount);
  const stableText = `${entry.name} dose stable for ${formatNumber(stable)} ${duration.unit} (since ${since})`;
  return { status: fromBoolean(met), fact: met ? stableText : `${stableText}, not ${required}` };
}

/** `taking(med)` at the assessment date, optionally with `stableFor OP duration`. */
export function evaluateTaking(node: TakingNode, record: ScreeningRecord): PredicateOutcome {
  if (record.medications === undefined) {
    return { status: 'unknown', fact: NO_MEDICATIONS };
  }
  const current = taken(record, node.medication.name).filter((entry) => isCurrent(entry, record));
  if (current.length === 0) {
    return { status: 'not-met', fact: `not taking ${words(node.medication.name)}` };
  }
  const { stableFor } = node;
  if (stableFor === undefined) {
    return { status: 'met', fact: `taking ${current.map(describeMedication).join(', ')}` };
  }
  const outcomes = current.map((entry) => stableOutcome(entry, { ...node, stableFor }, record));
  const status = or3(outcomes.map((outcome) => outcome.status));
  const chosen = outcomes.find((outcome) => outcome.status === status) ?? outcomes[0];
  return { status, fact: chosen?.fact ?? '' };
}

/** `took(med)` ever, or `took(med, within N unit)`: taken at some time in the window (current use included). */
export function evaluateTook(node: TookNode, record: ScreeningRecord): PredicateOutcome {
  if (record.medications === undefined) {
    return { status: 'unknown', fact: NO_MEDICATIONS };
  }
  const { within } = node;
  const entries = taken(record, node.medication.name);
  const hits =
    within === undefined
      ? entries
      : entries.filter(
          (entry) =>
            isCurrent(entry, record) ||
            (entry.stopDate !== undefined &&
              elapsedTime(entry.stopDate, record.assessmentDate, within.unit) <= within.amount),
        );
  const window = within === undefined ? 'ever' : `within ${lastPeriod(within.amount, within.unit)}`;
  if (hits.length > 0) {
    return { status: 'met', fact: `${hits.map(describeMedication).join(', ')}: taken ${window}` };
  }
  const earlier = entries.length > 0 ? ` (earlier: ${entries.map(describeMedication).join(', ')})` : '';
  return { status: 'not-met', fact: `no ${words(node.medication.name)} taken ${window}${earlier}` };
}

/** `plans(med)`: listed as planned during the study. */
export function evaluatePlans(node: PlansNode, record: ScreeningRecord): PredicateOutcome {
  if (record.medications === undefined) {
    return { status: 'unknown', fact: NO_MEDICATIONS };
  }
  const planned = medicationMatches(record, node.medication.name).filter((entry) => entry.planned === true);
  return planned.length > 0
    ? { status: 'met', fact: `${planned.map((entry) => entry.name).join(', ')} planned during the study` }
    : { status: 'not-met', fact: `no ${words(node.medication.name)} planned during the study` };
}
