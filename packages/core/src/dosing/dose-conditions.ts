// One dose-modification condition evaluated against a participant's history, in three-valued logic: met, not met,
// or unknown (data missing, or an investigator's judgement not yet given). Every answer carries the data behind it.
import type { ProtocolDoseCondition } from '../protocol/protocol-types.js';
import type { ProtocolDoseLookback } from '../protocol/protocol-vocabulary.js';
import { compareExact, subtractExact, toExactDecimal } from './exact-decimal.js';

export interface HistoryDose {
  readonly date: string;
  readonly level: string;
}

export interface HistoryAdverseEvent {
  readonly onsetDate: string;
  readonly grade: number;
  readonly relatedProduct: boolean;
  readonly relatedProcedure: boolean;
  /** Shown in reasons when given. */
  readonly term?: string;
}

export interface HistoryDlt {
  readonly date: string;
  readonly dlt: boolean;
}

export interface HistoryMeasure {
  readonly measure: string;
  readonly date: string;
  readonly value: number;
}

/** What happened to the participant so far (dates ISO `YYYY-MM-DD`). */
export interface DoseHistory {
  readonly doses: readonly HistoryDose[];
  readonly adverseEvents: readonly HistoryAdverseEvent[];
  readonly dlts: readonly HistoryDlt[];
  readonly measures: readonly HistoryMeasure[];
}

export type Truth = 'met' | 'not-met' | 'unknown';

export interface ConditionOutcome {
  readonly truth: Truth;
  readonly reason: string;
}

/** The dates a lookback starts from, and the day being decided. */
export interface ConditionWindow {
  readonly since: Readonly<Record<ProtocolDoseLookback, string>>;
  readonly doseDate: string;
  /** Investigator answer for the rule being evaluated (undefined: not given). */
  readonly judgement: boolean | undefined;
}

const LOOKBACK_TEXT: Readonly<Record<ProtocolDoseLookback, string>> = {
  'previous-dose': 'the previous dose',
  'first-dose': 'the first dose',
};

function sinceText(lookback: ProtocolDoseLookback, window: ConditionWindow): string {
  return `since ${LOOKBACK_TEXT[lookback]} (${window.since[lookback]} to ${window.doseDate})`;
}

function inWindow(date: string, lookback: ProtocolDoseLookback, window: ConditionWindow): boolean {
  return date >= window.since[lookback] && date <= window.doseDate;
}

function describeEvent(event: HistoryAdverseEvent): string {
  const to = [event.relatedProduct ? 'product' : null, event.relatedProcedure ? 'procedure' : null]
    .filter((part) => part !== null)
    .join(' and ');
  const name = event.term === undefined ? 'AE' : `'${event.term}'`;
  return `${name} grade ${event.grade} from ${event.onsetDate}${to === '' ? ', not related' : `, related to ${to}`}`;
}

function relatedEvents(
  history: DoseHistory,
  spec: { readonly minGrade: number; readonly since: ProtocolDoseLookback },
  window: ConditionWindow,
): HistoryAdverseEvent[] {
  return history.adverseEvents.filter(
    (event) =>
      inWindow(event.onsetDate, spec.since, window) &&
      event.grade >= spec.minGrade &&
      (event.relatedProduct || event.relatedProcedure),
  );
}

function latest(measures: readonly HistoryMeasure[]): HistoryMeasure | undefined {
  return measures.reduce<HistoryMeasure | undefined>(
    (best, candidate) => (best === undefined || candidate.date > best.date ? candidate : best),
    undefined,
  );
}

function measureChange(
  history: DoseHistory,
  condition: Extract<ProtocolDoseCondition, { kind: 'measure-change' }>,
  window: ConditionWindow,
): ConditionOutcome {
  const since = window.since[condition.since];
  const values = history.measures.filter((entry) => entry.measure === condition.measure);
  const before = latest(values.filter((entry) => entry.date <= since));
  const after = latest(values.filter((entry) => entry.date > since && entry.date <= window.doseDate));
  const bounds = [
    condition.atMost === undefined ? null : `≤ ${condition.atMost}`,
    condition.atLeast === undefined ? null : `≥ ${condition.atLeast}`,
  ].filter((part) => part !== null);
  const wanted = `${condition.measure} change ${bounds.join(' and ')} ${sinceText(condition.since, window)}`;
  if (before === undefined || after === undefined) {
    const missing = before === undefined ? `no value on or before ${since}` : `no value after ${since}`;
    return { truth: 'unknown', reason: `${wanted}: ${missing}` };
  }
  const change = subtractExact(toExactDecimal(after.value), toExactDecimal(before.value));
  const atMostOk =
    condition.atMost === undefined || compareExact(change, toExactDecimal(condition.atMost)) <= 0;
  const atLeastOk =
    condition.atLeast === undefined || compareExact(change, toExactDecimal(condition.atLeast)) >= 0;
  const delta = after.value - before.value;
  const data = `${before.value} on ${before.date} → ${after.value} on ${after.date} (change ${delta > 0 ? '+' : ''}${delta})`;
  return { truth: atMostOk && atLeastOk ? 'met' : 'not-met', reason: `${wanted}: ${data}` };
}

/** Evaluates one condition of a rule. */
export function evaluateCondition(
  condition: ProtocolDoseCondition,
  history: DoseHistory,
  window: ConditionWindow,
): ConditionOutcome {
  switch (condition.kind) {
    case 'related-adverse-event':
    case 'no-related-adverse-event': {
      const found = relatedEvents(history, condition, window);
      const wanted = `related AE of grade ≥ ${condition.minGrade} ${sinceText(condition.since, window)}`;
      const data = found.length === 0 ? 'none' : found.map(describeEvent).join('; ');
      const present = found.length > 0;
      const met = condition.kind === 'related-adverse-event' ? present : !present;
      const prefix = condition.kind === 'related-adverse-event' ? wanted : `no ${wanted}`;
      return { truth: met ? 'met' : 'not-met', reason: `${prefix}: ${data}` };
    }
    case 'dose-limiting-toxicity': {
      const found = history.dlts.filter(
        (entry) => entry.dlt && inWindow(entry.date, condition.since, window),
      );
      const data = found.length === 0 ? 'none' : found.map((entry) => `DLT on ${entry.date}`).join('; ');
      const reason = `dose-limiting toxicity ${sinceText(condition.since, window)}: ${data}`;
      return { truth: found.length > 0 ? 'met' : 'not-met', reason };
    }
    case 'measure-change':
      return measureChange(history, condition, window);
    case 'investigator-judgement':
      if (window.judgement === undefined) {
        return { truth: 'unknown', reason: `needs the investigator's judgement: ${condition.text}` };
      }
      return {
        truth: window.judgement ? 'met' : 'not-met',
        reason: `investigator's judgement (${window.judgement ? 'yes' : 'no'}): ${condition.text}`,
      };
  }
}

/** Kleene conjunction: not met if any is not met, else unknown if any is unknown, else met. */
export function allOf(truths: readonly Truth[]): Truth {
  if (truths.includes('not-met')) {
    return 'not-met';
  }
  return truths.includes('unknown') ? 'unknown' : 'met';
}
