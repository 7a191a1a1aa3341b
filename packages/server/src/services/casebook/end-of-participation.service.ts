import type { CasebookView } from '@celltrial/contracts';
import { lockParticipant, updateParticipant } from '@celltrial/db';
import { AppError } from '../../errors/app-error.js';
import { auditedWrite } from '../audited-write.js';
import { loadParticipantInScope } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { todayOf } from './casebook-support.js';
import { getCasebook } from './casebook.service.js';

export interface EndParticipationInput {
  readonly studyId: string;
  readonly participantId: string;
  readonly date: string;
  readonly reason: 'completed' | 'withdrawn' | 'died' | 'lost-to-follow-up';
  readonly note?: string | undefined;
  readonly expectedRowVersion: number;
}

/**
 * Records the end of an enrolled participant's time in the study (completed, withdrawn, died, lost to follow-up):
 * visits after the date are no longer expected; data already entered stay. The status becomes `completed` for a
 * completed participant, `withdrawn` otherwise (the reason says which). Audited; once recorded it is not changed
 * here.
 */
export async function endParticipation(
  deps: ServiceDeps,
  actor: Actor,
  input: EndParticipationInput,
): Promise<CasebookView> {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...input,
    permission: 'subject:write',
  });
  const today = todayOf(deps);
  if (input.date > today) {
    throw new AppError('VALIDATION_FAILED', `the end date ${input.date} is after today (${today})`, {
      issues: [
        {
          path: 'body.date',
          rule: 'not-in-future',
          message: 'the end of participation cannot be in the future',
        },
      ],
    });
  }
  const enrolledOn = participant.enrolled_at?.toISOString().slice(0, 10);
  if (participant.status !== 'enrolled' || enrolledOn === undefined) {
    throw new AppError(
      'BUSINESS_RULE_VIOLATED',
      `only an enrolled participant can end participation; this one is ${participant.status}`,
      {
        rule: 'enrolled',
      },
    );
  }
  if (
    (input.reason === 'withdrawn' || input.reason === 'lost-to-follow-up') &&
    (input.note?.trim() ?? '').length < 3
  ) {
    throw new AppError(
      'VALIDATION_FAILED',
      'a withdrawal or loss to follow-up needs a note (why, as far as known)',
      {
        issues: [{ path: 'body.note', rule: 'required', message: 'give the reason in a note' }],
      },
    );
  }
  await auditedWrite(deps, actor, async (tx) => {
    const current = await lockParticipant(tx.trx, participant.id);
    if (current?.row_version !== input.expectedRowVersion) {
      throw new AppError('STALE_VERSION', 'the participant changed since you loaded it; nothing was saved', {
        currentRowVersion: current?.row_version,
      });
    }
    const note = input.note?.trim() === '' ? null : (input.note?.trim() ?? null);
    const row = await updateParticipant(tx.trx, {
      id: participant.id,
      expectedVersion: input.expectedRowVersion,
      change: {
        status: input.reason === 'completed' ? 'completed' : 'withdrawn',
        end: { date: input.date, reason: input.reason, note },
      },
    });
    await tx.audit({
      action: 'participant.end',
      entityType: 'participant',
      entityId: participant.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      before: { status: participant.status },
      after: { status: row?.status, endedOn: input.date, endReason: input.reason },
      reason: note,
    });
  });
  return getCasebook(deps, actor, input);
}
