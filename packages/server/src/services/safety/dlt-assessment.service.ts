import type { DltAssessmentView } from '@celltrial/contracts';
import { addDaysToIsoDate, type Protocol } from '@celltrial/core';
import {
  findDltAssessment,
  insertDltAssessment,
  listAdverseEvents,
  lockDltAssessment,
  signDltAssessment,
  updateDltAssessment,
  userDisplayNames,
  type DltAssessmentRow,
  type Executor,
  type ParticipantRow,
} from '@celltrial/db';
import { AppError } from '../../errors/app-error.js';
import { auditedWrite } from '../audited-write.js';
import { protocolOfParticipant, todayOf } from '../casebook/casebook-support.js';
import { loadParticipantInScope } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { toDltAssessmentView } from './dlt-view.js';
import { dltStatusOf, firstDoseDates, parseCohortLabel } from './escalation-cohorts.js';
import { recordInvalid, ruleViolated } from './safety-support.js';

/** The signed meaning of a DLT assessment (21 CFR 11.50). */
export const DLT_SIGNATURE_MEANING =
  'I confirm this dose-limiting toxicity assessment for the DLT window, as defined by the protocol.';

interface ParticipantParams {
  readonly studyId: string;
  readonly participantId: string;
}

async function view(
  db: Executor,
  row: DltAssessmentRow | undefined,
  participant: ParticipantRow,
): Promise<{ assessment: DltAssessmentView | null }> {
  if (row === undefined) {
    return { assessment: null };
  }
  const names = await userDisplayNames(db, [row.signed_by, row.updated_by]);
  return { assessment: toDltAssessmentView(row, { participant, names }) };
}

export async function getDltAssessment(deps: ServiceDeps, actor: Actor, params: ParticipantParams) {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:read',
  });
  return view(deps.db, await findDltAssessment(deps.db, participant.id), participant);
}

function escalationOf(protocol: Protocol, participant: ParticipantRow) {
  const esc = protocol.design.escalation;
  if (esc === undefined || participant.cohort === null || parseCohortLabel(participant.cohort) === null) {
    throw ruleViolated(
      'escalation-cohort',
      'DLT assessments are for participants of a dose-escalation cohort',
    );
  }
  return esc;
}

export interface SaveDltInput extends ParticipantParams {
  readonly dlt: boolean;
  readonly dltDate?: string | undefined;
  readonly adverseEventIds: readonly string[];
  readonly comment?: string | undefined;
  readonly expectedVersion: number;
  readonly reasonForChange?: string | undefined;
}

/** Checks the assessment against the DLT window and the participant's AEs; returns the window facts. */
async function checkAssessment(
  deps: ServiceDeps,
  params: { input: SaveDltInput; participant: ParticipantRow; protocol: Protocol },
) {
  const { input, participant, protocol } = params;
  const esc = escalationOf(protocol, participant);
  const firstDose = (await firstDoseDates(deps.db, { participants: [participant], protocol })).get(
    participant.id,
  );
  if (firstDose === undefined) {
    throw ruleViolated('dosed-first', 'the participant has no recorded dose: the DLT window has not started');
  }
  const windowEnd = addDaysToIsoDate(firstDose, esc.dltWindowDays);
  const problems: { path: string; rule: string; message: string }[] = [];
  if (input.dlt && input.dltDate === undefined) {
    problems.push({ path: 'dltDate', rule: 'required-when-dlt', message: 'a DLT needs its onset date' });
  }
  if (!input.dlt && input.dltDate !== undefined) {
    problems.push({
      path: 'dltDate',
      rule: 'only-with-dlt',
      message: 'a DLT date is given but dlt is false',
    });
  }
  if (input.dltDate !== undefined && (input.dltDate < firstDose || input.dltDate > windowEnd)) {
    problems.push({
      path: 'dltDate',
      rule: 'dlt-within-window',
      message: `the DLT window is ${firstDose} to ${windowEnd}; ${input.dltDate} is outside it`,
    });
  }
  if (input.dltDate !== undefined && input.dltDate > todayOf(deps)) {
    problems.push({
      path: 'dltDate',
      rule: 'not-in-future',
      message: `dltDate ${input.dltDate} is in the future`,
    });
  }
  const own = new Set((await listAdverseEvents(deps.db, participant.id)).map((a) => a.id));
  input.adverseEventIds.forEach((id, i) => {
    if (!own.has(id)) {
      problems.push({
        path: `adverseEventIds[${i}]`,
        rule: 'participant-ae',
        message: `no adverse event ${id} of this participant`,
      });
    }
  });
  if (problems.length > 0) {
    throw recordInvalid('DLT assessment', problems);
  }
  return { esc, firstDose };
}

/**
 * Saves (creates or changes) a participant's DLT assessment. A change needs a reason and removes the signature
 * (the board counts only signed assessments). 409 on a stale version.
 */
export async function saveDltAssessment(deps: ServiceDeps, actor: Actor, input: SaveDltInput) {
  const { participant } = await loadParticipantInScope(deps, actor, { ...input, permission: 'safety:write' });
  const protocol = await protocolOfParticipant(deps.db, participant);
  const { esc, firstDose } = await checkAssessment(deps, { input, participant, protocol });
  const today = todayOf(deps);
  return auditedWrite(deps, actor, async (tx) => {
    const current = await lockDltAssessment(tx.trx, participant.id);
    if ((current?.version ?? 0) !== input.expectedVersion) {
      throw new AppError(
        'STALE_VERSION',
        'the DLT assessment changed since you loaded it; nothing was saved',
        {
          currentVersion: current?.version ?? 0,
          current: (await view(tx.trx, current, participant)).assessment,
        },
      );
    }
    const reason = input.reasonForChange?.trim() ?? '';
    if (current !== undefined && reason.length < 3) {
      throw recordInvalid('DLT assessment', [
        {
          path: 'reasonForChange',
          rule: 'reason-for-change',
          message: 'give a reason for changing a saved DLT assessment',
        },
      ]);
    }
    const provisional = dltStatusOf({
      firstDoseDate: firstDose,
      windowDays: esc.dltWindowDays,
      today,
      withdrawn: participant.status === 'withdrawn',
      assessment: undefined,
    });
    const state = {
      cohort: participant.cohort,
      dlt: input.dlt,
      dltDate: input.dltDate ?? null,
      adverseEventIds: input.adverseEventIds,
      comment: input.comment ?? null,
      evaluable: provisional.evaluable,
      firstDoseDate: firstDose,
      windowEnd: provisional.windowEnd,
      explanation: provisional.explanation,
      userId: actor.userId,
    };
    const row =
      current === undefined
        ? await insertDltAssessment(tx.trx, {
            ...state,
            studyId: participant.study_id,
            siteId: participant.site_id,
            participantId: participant.id,
          })
        : await updateDltAssessment(tx.trx, { ...state, id: current.id, expectedVersion: current.version });
    if (row === undefined) {
      throw new AppError(
        'STALE_VERSION',
        'the DLT assessment changed since you loaded it; nothing was saved',
      );
    }
    await tx.audit({
      action: current === undefined ? 'dlt-assessment.create' : 'dlt-assessment.update',
      entityType: 'dlt_assessment',
      entityId: row.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      before:
        current === undefined
          ? null
          : {
              version: current.version,
              dlt: current.dlt,
              dltDate: current.dlt_date,
              signed: current.signed_at !== null,
            },
      after: {
        version: row.version,
        cohort: row.cohort,
        dlt: row.dlt,
        dltDate: row.dlt_date,
        adverseEventIds: input.adverseEventIds,
        signed: false,
      },
      reason: current === undefined ? null : reason,
    });
    return view(tx.trx, row, participant);
  });
}

/** The investigator signs the assessment's current version (re-authenticated at the route). */
export async function signDltAssessmentRecord(
  deps: ServiceDeps,
  actor: Actor,
  params: ParticipantParams & { version: number },
) {
  const { participant } = await loadParticipantInScope(deps, actor, { ...params, permission: 'form:sign' });
  const protocol = await protocolOfParticipant(deps.db, participant);
  const esc = escalationOf(protocol, participant);
  const userId = actor.userId;
  if (userId === null) {
    throw new AppError('UNAUTHENTICATED', 'signing needs a logged-in user');
  }
  const now = deps.clock.now();
  return auditedWrite(deps, actor, async (tx) => {
    const current = await lockDltAssessment(tx.trx, participant.id);
    if (current === undefined) {
      throw ruleViolated('assessment-saved', 'save the DLT assessment before signing it');
    }
    if (current.version !== params.version) {
      throw new AppError('STALE_VERSION', 'the DLT assessment changed since you loaded it; review it again', {
        currentVersion: current.version,
        current: (await view(tx.trx, current, participant)).assessment,
      });
    }
    if (current.signed_version === current.version && current.signed_at !== null) {
      throw ruleViolated('already-signed', 'this version of the DLT assessment is already signed');
    }
    const firstDose = (await firstDoseDates(tx.trx, { participants: [participant], protocol })).get(
      participant.id,
    );
    const signedAt = now;
    const status = dltStatusOf({
      firstDoseDate: firstDose,
      windowDays: esc.dltWindowDays,
      today: todayOf(deps),
      withdrawn: participant.status === 'withdrawn',
      assessment: { ...current, signed_at: signedAt, signed_by: userId, signed_version: current.version },
    });
    const row = await signDltAssessment(tx.trx, {
      id: current.id,
      version: current.version,
      userId,
      signedAt,
      evaluable: status.evaluable,
      firstDoseDate: firstDose ?? null,
      windowEnd: status.windowEnd,
      explanation: status.explanation,
    });
    if (row === undefined) {
      throw new AppError('STALE_VERSION', 'the DLT assessment changed while signing; nothing was signed');
    }
    await tx.audit({
      action: 'dlt-assessment.sign',
      entityType: 'dlt_assessment',
      entityId: row.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: {
        version: row.version,
        dlt: row.dlt,
        dltDate: row.dlt_date,
        boardStatus: status.status,
        signedBy: actor.name,
        meaning: DLT_SIGNATURE_MEANING,
      },
    });
    return view(tx.trx, row, participant);
  });
}
