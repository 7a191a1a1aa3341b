import type { CasebookView } from '@celltrial/contracts';
import { checkVisitDate } from '@celltrial/core';
import {
  findVisitSlot,
  insertVisit,
  listVisits,
  nextUnscheduledOccurrence,
  updateVisit,
  type ParticipantRow,
} from '@celltrial/db';
import { AppError } from '../../errors/app-error.js';
import { auditedWrite } from '../audited-write.js';
import { loadParticipantInScope } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { casebookCalendar, startVisitOf } from './casebook-calendar.js';
import { protocolOfParticipant, refuseIfLocked, todayOf } from './casebook-support.js';
import { getCasebook } from './casebook.service.js';

export interface RecordVisitInput {
  readonly studyId: string;
  readonly participantId: string;
  readonly visitKey: string;
  readonly occurrence?: number | undefined;
  readonly status: 'done' | 'missed';
  readonly actualDate?: string | undefined;
  readonly reason?: string | undefined;
  readonly outOfWindowReason?: string | undefined;
  readonly expectedRowVersion: number;
  readonly reasonForChange?: string | undefined;
}

export interface RecordVisitResult {
  readonly visitId: string;
  readonly rowVersion: number;
  readonly casebook: CasebookView;
}

const invalid = (path: string, rule: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', message, { issues: [{ path, rule, message }] });

function requireOpenCasebook(participant: ParticipantRow): void {
  if (participant.status === 'screening' || participant.status === 'screen-failed') {
    throw new AppError(
      'BUSINESS_RULE_VIOLATED',
      `the casebook opens at enrolment; the participant is ${participant.status}`,
      {
        rule: 'enrolled',
      },
    );
  }
}

/** Checks the date of a done visit against today and the visit window; returns the window problem, if any. */
async function checkDoneVisit(
  deps: ServiceDeps,
  params: { participant: ParticipantRow; input: RecordVisitInput; today: string },
): Promise<void> {
  const { participant, input, today } = params;
  if (input.actualDate === undefined) {
    throw invalid('body.actualDate', 'required', 'a done visit needs its date');
  }
  if (input.actualDate > today) {
    throw invalid(
      'body.actualDate',
      'not-in-future',
      `the visit date ${input.actualDate} is after today (${today})`,
    );
  }
  const protocol = await protocolOfParticipant(deps.db, participant);
  const visits = (await listVisits(deps.db, participant.id)).filter(
    (v) => !(v.visit_key === input.visitKey && v.occurrence === (input.occurrence ?? 1)),
  );
  const calendar = await casebookCalendar(deps.db, { participant, protocol, visits, today });
  if (calendar.kind !== 'ok') {
    return;
  }
  const entry = calendar.visits.find(
    (v) => v.visit === input.visitKey && (v.occurrence ?? 1) === (input.occurrence ?? 1),
  );
  if (entry === undefined) {
    throw invalid(
      'params.visitKey',
      'visit-in-calendar',
      `'${input.visitKey}' is not a visit of this participant's calendar`,
    );
  }
  if (input.visitKey === startVisitOf(protocol)) {
    return; // the first visit starts the calendar: its date is the anchor, never outside its own window
  }
  const check = checkVisitDate(entry, input.actualDate);
  if (check.kind === 'outside-window' && (input.outOfWindowReason?.trim() ?? '').length < 3) {
    throw new AppError(
      'BUSINESS_RULE_VIOLATED',
      `${check.message}; give a reason to record it outside the window`,
      {
        rule: 'out-of-window-reason',
        window: { start: entry.windowStart, end: entry.windowEnd, planned: entry.plannedDate },
        daysOutside: check.daysOutside,
      },
    );
  }
}

/** Records a scheduled visit as done (with its date) or missed (with a reason). */
export async function recordVisit(
  deps: ServiceDeps,
  actor: Actor,
  input: RecordVisitInput,
): Promise<RecordVisitResult> {
  const { participant } = await loadParticipantInScope(deps, actor, { ...input, permission: 'form:write' });
  requireOpenCasebook(participant);
  const protocol = await protocolOfParticipant(deps.db, participant);
  const planned = protocol.visits.find((v) => v.id === input.visitKey);
  if (planned === undefined || planned.unscheduled === true) {
    throw invalid(
      'params.visitKey',
      'known-visit',
      `the protocol has no scheduled visit '${input.visitKey}'`,
    );
  }
  const today = todayOf(deps);
  if (input.status === 'done') {
    await checkDoneVisit(deps, { participant, input, today });
  } else if ((input.reason?.trim() ?? '').length < 3) {
    throw invalid('body.reason', 'required', 'a missed visit needs a reason');
  }
  const occurrence = input.occurrence ?? 1;
  const values = {
    status: input.status,
    actualDate: input.status === 'done' ? (input.actualDate ?? null) : null,
    reason: input.status === 'missed' ? (input.reason ?? null) : null,
    outOfWindowReason: input.status === 'done' ? (input.outOfWindowReason ?? null) : null,
  };
  const row = await auditedWrite(deps, actor, async (tx) => {
    const current = await findVisitSlot(tx.trx, {
      participantId: participant.id,
      visitKey: input.visitKey,
      occurrence,
    });
    if ((current?.row_version ?? 0) !== input.expectedRowVersion) {
      throw new AppError('STALE_VERSION', 'the visit changed since you loaded it; nothing was saved', {
        currentRowVersion: current?.row_version ?? 0,
      });
    }
    await refuseIfLocked(tx.trx, {
      studyId: participant.study_id,
      participantId: participant.id,
      visitId: current?.id ?? null,
      formRecordId: null,
    });
    let reason: string | null = null;
    if (current !== undefined) {
      reason = input.reasonForChange?.trim() ?? '';
      if (reason.length < 3) {
        throw invalid(
          'body.reasonForChange',
          'reason-for-change',
          'changing a recorded visit needs a reason',
        );
      }
    }
    const saved =
      current === undefined
        ? await insertVisit(tx.trx, {
            ...values,
            participantId: participant.id,
            visitKey: input.visitKey,
            occurrence,
            unscheduled: false,
            createdBy: actor.userId,
          })
        : await updateVisit(tx.trx, { ...values, id: current.id, expectedRowVersion: current.row_version });
    if (saved === undefined) {
      throw new AppError('STALE_VERSION', 'the visit changed since you loaded it; nothing was saved', {});
    }
    await tx.audit({
      action: current === undefined ? 'visit.record' : 'visit.update',
      entityType: 'visit',
      entityId: saved.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      before:
        current === undefined
          ? null
          : { status: current.status, actualDate: current.actual_date, reason: current.reason },
      after: { visit: input.visitKey, occurrence, ...values },
      reason: reason ?? values.outOfWindowReason,
    });
    return saved;
  });
  return { visitId: row.id, rowVersion: row.row_version, casebook: await getCasebook(deps, actor, input) };
}

/** Adds an unscheduled visit on a date with its reason; any casebook form may then be entered at it. */
export async function addUnscheduledVisit(
  deps: ServiceDeps,
  actor: Actor,
  input: { studyId: string; participantId: string; date: string; reason: string },
): Promise<RecordVisitResult> {
  const { participant } = await loadParticipantInScope(deps, actor, { ...input, permission: 'form:write' });
  requireOpenCasebook(participant);
  const today = todayOf(deps);
  if (input.date > today) {
    throw invalid('body.date', 'not-in-future', `the visit date ${input.date} is after today (${today})`);
  }
  const row = await auditedWrite(deps, actor, async (tx) => {
    await refuseIfLocked(tx.trx, {
      studyId: participant.study_id,
      participantId: participant.id,
      visitId: null,
      formRecordId: null,
    });
    const occurrence = await nextUnscheduledOccurrence(tx.trx, participant.id);
    const saved = await insertVisit(tx.trx, {
      status: 'done',
      actualDate: input.date,
      reason: input.reason,
      outOfWindowReason: null,
      participantId: participant.id,
      visitKey: 'unscheduled',
      occurrence,
      unscheduled: true,
      createdBy: actor.userId,
    });
    await tx.audit({
      action: 'visit.unscheduled',
      entityType: 'visit',
      entityId: saved.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: { date: input.date, occurrence },
      reason: input.reason,
    });
    return saved;
  });
  return { visitId: row.id, rowVersion: row.row_version, casebook: await getCasebook(deps, actor, input) };
}
