import {
  computeCasebookCalendar,
  type CasebookVisit,
  type Protocol,
  type ProtocolDatedEvent,
} from '@celltrial/core';
import {
  findAllocationByParticipant,
  latestScreeningRecord,
  type Executor,
  type ParticipantRow,
  type VisitRow,
} from '@celltrial/db';

/**
 * The participant's arm for the visit calendar: the allocated arm, the escalation arm, or the only arm.
 * Used only to compute the calendar; the arm itself is never shown to blinded users.
 */
export async function calendarArm(
  db: Executor,
  params: { participant: ParticipantRow; protocol: Protocol },
): Promise<string | null> {
  const allocation = await findAllocationByParticipant(db, params.participant.id);
  if (allocation !== undefined) {
    return allocation.arm_id;
  }
  const design = params.protocol.design;
  if (design.escalation !== undefined) {
    return design.escalation.arm;
  }
  return design.arms.length === 1 ? (design.arms[0]?.id ?? null) : null;
}

export type CalendarOutcome =
  | { readonly kind: 'ok'; readonly visits: readonly CasebookVisit[] }
  | { readonly kind: 'unavailable'; readonly note: string };

const dateOf = (d: Date | null): string | undefined =>
  d === null ? undefined : d.toISOString().slice(0, 10);

/** The first scheduled visit of the protocol: its date is the start of the participant's calendar. */
export function startVisitOf(protocol: Protocol): string | undefined {
  return protocol.visits.find((v) => v.unscheduled !== true)?.id;
}

/**
 * The casebook calendar: planned dates re-anchored on what happened (recorded visit dates, enrolment and
 * randomization dates), each visit's status as of `today`.
 */
export async function casebookCalendar(
  db: Executor,
  params: { participant: ParticipantRow; protocol: Protocol; visits: readonly VisitRow[]; today: string },
): Promise<CalendarOutcome> {
  const { participant, protocol, visits, today } = params;
  const arm = await calendarArm(db, params);
  if (arm === null) {
    return {
      kind: 'unavailable',
      note: 'the visit calendar appears once the participant is allocated to an arm',
    };
  }
  const allocation = await findAllocationByParticipant(db, participant.id);
  const scheduled = visits.filter((v) => !v.unscheduled);
  const first = startVisitOf(protocol);
  const firstActual = scheduled.find((v) => v.visit_key === first)?.actual_date ?? null;
  const screeningDate = (await latestScreeningRecord(db, participant.id))?.data as
    { assessmentDate?: unknown } | undefined;
  const assessed =
    typeof screeningDate?.assessmentDate === 'string' ? screeningDate.assessmentDate : undefined;
  const startDate = firstActual ?? assessed ?? dateOf(participant.created_at) ?? today;
  const knownEvents: Partial<Record<ProtocolDatedEvent, string>> = {};
  const enrolled = dateOf(participant.enrolled_at);
  if (enrolled !== undefined) {
    knownEvents.enrollment = enrolled;
  }
  const randomized = dateOf(allocation?.allocated_at ?? null);
  if (randomized !== undefined) {
    knownEvents.randomization = randomized;
  }
  const result = computeCasebookCalendar(protocol, {
    arm,
    startDate,
    knownEvents,
    recordedVisits: scheduled.map((v) => ({
      visit: v.visit_key,
      occurrence: v.occurrence,
      ...(v.actual_date === null ? {} : { actualDate: v.actual_date }),
      missed: v.status === 'missed',
    })),
    unscheduledVisits: visits
      .filter((v) => v.unscheduled && v.actual_date !== null)
      .map((v) => ({
        id: v.id,
        date: v.actual_date as string,
        ...(v.reason === null ? {} : { reason: v.reason }),
      })),
    today,
    ...(participant.ended_on === null || participant.end_reason === null
      ? {}
      : {
          endOfParticipation: {
            date: participant.ended_on,
            reason: participant.end_reason as 'completed' | 'withdrawn' | 'died' | 'lost-to-follow-up',
          },
        }),
  });
  if (result.kind !== 'ok') {
    return { kind: 'unavailable', note: result.problems.map((p) => p.message).join('; ') };
  }
  return { kind: 'ok', visits: result.visits };
}
