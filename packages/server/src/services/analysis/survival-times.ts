import type { AnalysisParticipant } from '@celltrial/contracts';
import type { AnalysisFormRow } from './analysis-rows.js';
import { monthsBetween } from './dataset-sources.js';

type EventType = 'death' | 'tracheostomy' | 'permanent-ventilation';

const dateOf = (value: unknown): string | null =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;

/** Every event a survival-status record reports, with its date (undated events are returned as problems). */
function eventsOf(form: AnalysisFormRow): { events: { type: EventType; date: string }[]; undated: string[] } {
  const v = form.values;
  const candidates: [boolean, EventType, unknown][] = [
    [v['vitalStatus'] === 'dead', 'death', v['deathDate']],
    [v['tracheostomy'] === true, 'tracheostomy', v['tracheostomyDate']],
    [v['permanentVentilation'] === true, 'permanent-ventilation', v['permanentVentilationDate']],
  ];
  const events: { type: EventType; date: string }[] = [];
  const undated: string[] = [];
  for (const [happened, type, date] of candidates) {
    if (happened) {
      const d = dateOf(date);
      if (d === null) {
        undated.push(type);
      } else {
        events.push({ type, date: d });
      }
    }
  }
  return { events, undated };
}

export type SurvivalOutcome =
  | { kind: 'ok'; survival: NonNullable<AnalysisParticipant['survival']> }
  | { kind: 'problem'; message: string };

/**
 * Time from the origin to the first of death, tracheostomy or permanent assisted ventilation (event), or to the
 * last known visit date (censored). Events are read from the participant's survival-status records.
 */
export function survivalOf(params: {
  subject: string;
  originDate: string;
  forms: readonly AnalysisFormRow[];
  visitDates: readonly string[];
}): SurvivalOutcome {
  const { subject, originDate } = params;
  const events: { type: EventType; date: string }[] = [];
  for (const form of params.forms) {
    const found = eventsOf(form);
    if (found.undated.length > 0) {
      return {
        kind: 'problem',
        message: `subject ${subject}: ${found.undated.join(', ')} recorded without a date — not in the survival analysis`,
      };
    }
    events.push(...found.events);
  }
  events.sort((a, b) => a.date.localeCompare(b.date));
  const first = events[0];
  const lastContact = [...params.visitDates].sort().at(-1) ?? originDate;
  const endDate = first?.date ?? lastContact;
  if (endDate < originDate) {
    return {
      kind: 'problem',
      message: `subject ${subject}: ${first === undefined ? 'last contact' : first.type} on ${endDate} is before the time origin ${originDate} — not in the survival analysis`,
    };
  }
  return {
    kind: 'ok',
    survival: {
      months: monthsBetween(originDate, endDate),
      event: first !== undefined,
      eventType: first?.type ?? null,
      endDate,
    },
  };
}
