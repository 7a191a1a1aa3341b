// Types of the participant casebook calendar: the protocol's visits against what the site recorded.
// docs/methods/visit-windows.md explains the rules.
import type { ProtocolProblem } from '../protocol/protocol-types.js';
import type { ProtocolDatedEvent } from '../protocol/protocol-vocabulary.js';

export const END_OF_PARTICIPATION_REASONS = ['completed', 'withdrawn', 'died', 'lost-to-follow-up'] as const;
export type EndOfParticipationReason = (typeof END_OF_PARTICIPATION_REASONS)[number];

/** What the site recorded for one scheduled visit occurrence. */
export interface RecordedVisit {
  visit: string;
  /** 1-based occurrence; required for a repeating visit, 1 (or absent) otherwise. */
  occurrence?: number;
  actualDate?: string;
  /** Explicitly recorded as not done (never together with an actual date). */
  missed?: boolean;
}

/** An unscheduled visit the site recorded (any time; never counted against windows). */
export interface UnscheduledVisitRecord {
  id: string;
  date: string;
  reason?: string;
}

export interface EndOfParticipation {
  date: string;
  reason: EndOfParticipationReason;
}

export interface CasebookCalendarInput {
  /** The participant's arm (the server passes the real arm; blinding is the server's business). */
  arm: string;
  /** Date of the start event (the root of the first scheduled visit, usually consent). */
  startDate: string;
  /** Actual dates of dated events (enrollment, randomization, first-dose, last-dose…). */
  knownEvents?: Partial<Record<ProtocolDatedEvent, string>>;
  recordedVisits: RecordedVisit[];
  unscheduledVisits?: UnscheduledVisitRecord[];
  /** The injected clock: today's date, YYYY-MM-DD. */
  today: string;
  endOfParticipation?: EndOfParticipation;
}

export const CASEBOOK_VISIT_STATUSES = [
  'planned',
  'due',
  'overdue',
  'done',
  'missed',
  'out-of-window',
  'not-expected',
] as const;
export type CasebookVisitStatus = (typeof CASEBOOK_VISIT_STATUSES)[number];

/** Whether an anchor date is real (`actual`), planned from real dates, or rests on an undated event. */
export type CasebookAnchorSource = 'actual' | 'planned' | 'assumed';

export interface CasebookVisit {
  visit: string;
  /** 1-based occurrence of a repeating visit (absent for visits that do not repeat). */
  occurrence?: number;
  name: string;
  epoch: string;
  plannedDate: string;
  windowStart: string;
  windowEnd: string;
  /** What the visit is timed from: an event, `visit:<id>`, `procedure:<id>` (or `unscheduled`). */
  anchor: string;
  anchorDate: string;
  anchorSource: CasebookAnchorSource;
  actualDate?: string;
  status: CasebookVisitStatus;
  /**
   * planned: days until the window opens; due: days left until it closes (0 on its last day); overdue: days
   * since it closed; out-of-window: days outside it (negative early, positive late); done: days from the
   * planned date (signed); missed and not-expected: null.
   */
  days: number | null;
  forms: string[];
  procedures: string[];
  /** Planned doses at the visit: `<intervention>` or `<intervention>@<dose level>`. */
  doses: string[];
  /** Set on the entries of unscheduled visits: the record's id and reason. */
  unscheduled?: { id: string; reason?: string };
}

export type CasebookCalendarResult =
  | {
      kind: 'ok';
      /** Sorted by date (actual date, else planned date), then protocol order and occurrence. */
      visits: CasebookVisit[];
      /** Inconsistencies that do not stop the calendar (e.g. an event date that differs from its visit). */
      problems?: ProtocolProblem[];
    }
  | { kind: 'invalid'; problems: ProtocolProblem[] };
