import type { ParticipantView, ScreeningResponse } from '@celltrial/contracts';
import {
  evaluateEligibility,
  type EligibilityEvaluation,
  type Protocol,
  type ScreeningRecord,
} from '@celltrial/core';
import {
  confirmEligibilityAssessment,
  findProtocolVersion,
  insertEligibilityAssessment,
  insertScreeningRecord,
  latestEligibilityAssessment,
  latestScreeningRecord,
  nextSiteSequence,
  updateParticipant,
  type ParticipantRow,
} from '@celltrial/db';
import { AppError } from '../errors/app-error.js';
import { auditedWrite } from './audited-write.js';
import { assignEscalationCohort } from './escalation-cohort.js';
import { loadParticipantInScope } from './participant-access.js';
import { lockStudyNumbering, staleParticipant, viewsFor } from './participant.service.js';
import type { Actor, ServiceDeps } from './service-context.js';

/** The signed meaning of an investigator's eligibility confirmation (21 CFR 11.50). */
export const ELIGIBILITY_SIGNATURE_MEANING =
  'I confirm that this participant meets all inclusion criteria and no exclusion criterion of the protocol.';

/** The protocol version a participant was registered under. */
async function protocolOf(deps: ServiceDeps, participant: ParticipantRow): Promise<Protocol> {
  const version = await findProtocolVersion(deps.db, {
    studyId: participant.study_id,
    version: participant.protocol_version,
  });
  if (version === undefined) {
    throw new Error(
      `participant ${participant.id} refers to missing protocol version ${participant.protocol_version}`,
    );
  }
  return version.content as Protocol;
}

export async function getScreening(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string },
): Promise<ScreeningResponse> {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:read',
  });
  const record = await latestScreeningRecord(deps.db, participant.id);
  const assessment = await latestEligibilityAssessment(deps.db, participant.id);
  return {
    participantId: participant.id,
    revision: record?.revision ?? 0,
    data: (record?.data ?? null) as Record<string, unknown> | null,
    eligibility:
      assessment === undefined
        ? null
        : {
            verdict: assessment.verdict as EligibilityEvaluation['verdict'],
            criteria: [...(assessment.criteria as EligibilityEvaluation['criteria'])],
          },
  };
}

export interface SaveScreeningInput {
  readonly studyId: string;
  readonly participantId: string;
  readonly data: ScreeningRecord;
  /** The revision the user edited (0 for the first save): a stale one is refused, nothing overwritten. */
  readonly expectedRevision: number;
  readonly reasonForChange?: string | undefined;
}

/**
 * Saves a new revision of the screening record (earlier ones are kept) and evaluates eligibility against
 * the participant's protocol version, both in one audited transaction.
 */
export async function saveScreening(
  deps: ServiceDeps,
  actor: Actor,
  input: SaveScreeningInput,
): Promise<ScreeningResponse> {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...input,
    permission: 'subject:write',
  });
  if (participant.status !== 'screening') {
    throw new AppError(
      'BUSINESS_RULE_VIOLATED',
      `screening data is closed: the participant is ${participant.status}`,
      { rule: 'status-screening' },
    );
  }
  const protocol = await protocolOf(deps, participant);
  const evaluation = evaluateEligibility(protocol, input.data);
  return auditedWrite(deps, actor, async (tx) => {
    const current = await latestScreeningRecord(tx.trx, participant.id);
    const currentRevision = current?.revision ?? 0;
    if (currentRevision !== input.expectedRevision) {
      throw new AppError(
        'STALE_VERSION',
        'the screening record changed since you loaded it; nothing was saved',
        {
          currentRevision,
          current: current?.data ?? null,
        },
      );
    }
    const reason = input.reasonForChange?.trim() ?? '';
    if (currentRevision > 0 && reason.length < 3) {
      throw new AppError('VALIDATION_FAILED', 'a change to saved screening data needs a reason', {
        issues: [
          {
            path: 'body.reasonForChange',
            rule: 'reason-for-change',
            message: 'give a reason for changing saved data',
          },
        ],
      });
    }
    const record = await insertScreeningRecord(tx.trx, {
      participantId: participant.id,
      revision: currentRevision + 1,
      data: input.data,
      reasonForChange: currentRevision > 0 ? reason : null,
      createdBy: actor.userId,
    });
    await tx.audit({
      action: currentRevision === 0 ? 'screening.create' : 'screening.update',
      entityType: 'screening_record',
      entityId: record.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      before: current?.data ?? null,
      after: input.data,
      reason: currentRevision > 0 ? reason : null,
    });
    const assessment = await insertEligibilityAssessment(tx.trx, {
      participantId: participant.id,
      protocolVersion: participant.protocol_version,
      recordRevision: record.revision,
      verdict: evaluation.verdict,
      criteria: evaluation.criteria,
    });
    await tx.audit({
      action: 'eligibility.evaluate',
      entityType: 'eligibility_assessment',
      entityId: assessment.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: {
        verdict: evaluation.verdict,
        recordRevision: record.revision,
        protocolVersion: participant.protocol_version,
      },
    });
    return {
      participantId: participant.id,
      revision: record.revision,
      data: input.data as unknown as Record<string, unknown>,
      eligibility: { verdict: evaluation.verdict, criteria: [...evaluation.criteria] },
    };
  });
}

/**
 * The investigator confirms eligibility with an e-signature (the route checks the fresh password) for
 * the record revision they reviewed; the participant is enrolled with a site-prefixed subject number.
 */
export async function confirmEligibilityAndEnroll(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string; recordRevision: number },
): Promise<ParticipantView> {
  const { participant, site } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'eligibility:confirm',
  });
  const protocol = await protocolOf(deps, participant);
  const enrolled = await auditedWrite(deps, actor, async (tx) => {
    await lockStudyNumbering(tx.trx, participant.study_id);
    const assessment = await latestEligibilityAssessment(tx.trx, participant.id);
    if (participant.status !== 'screening') {
      throw new AppError(
        'BUSINESS_RULE_VIOLATED',
        `the participant is ${participant.status}, not in screening`,
        { rule: 'status-screening' },
      );
    }
    if (assessment === undefined || assessment.record_revision !== params.recordRevision) {
      throw new AppError(
        'STALE_VERSION',
        'the screening record changed since you reviewed it; review the current revision',
        {
          currentRevision: assessment?.record_revision ?? 0,
        },
      );
    }
    if (assessment.verdict !== 'eligible') {
      throw new AppError(
        'BUSINESS_RULE_VIOLATED',
        `eligibility is ${assessment.verdict}: every criterion must be decided in the participant's favour`,
        {
          rule: 'eligible-to-enroll',
          verdict: assessment.verdict,
        },
      );
    }
    const now = deps.clock.now();
    await confirmEligibilityAssessment(tx.trx, {
      id: assessment.id,
      userId: actor.userId ?? '',
      at: now,
      meaning: ELIGIBILITY_SIGNATURE_MEANING,
    });
    await tx.audit({
      action: 'eligibility.confirm',
      entityType: 'eligibility_assessment',
      entityId: assessment.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: {
        signedBy: actor.name,
        meaning: ELIGIBILITY_SIGNATURE_MEANING,
        recordRevision: assessment.record_revision,
      },
    });
    const cohort = await assignEscalationCohort(tx.trx, {
      studyId: participant.study_id,
      protocol,
      today: now.toISOString().slice(0, 10),
    });
    const n = await nextSiteSequence(tx.trx, {
      studyId: participant.study_id,
      prefix: `${site.code}-`,
      column: 'subject_number',
    });
    const row = await updateParticipant(tx.trx, {
      id: participant.id,
      expectedVersion: participant.row_version,
      change: {
        status: 'enrolled',
        subjectNumber: `${site.code}-${String(n).padStart(3, '0')}`,
        enrolledAt: now,
        cohort,
      },
    });
    if (row === undefined) {
      throw staleParticipant(participant);
    }
    await tx.audit({
      action: 'participant.enroll',
      entityType: 'participant',
      entityId: row.id,
      studyId: row.study_id,
      siteId: row.site_id,
      before: { status: participant.status },
      after: { status: row.status, subjectNumber: row.subject_number, cohort: row.cohort },
    });
    return row;
  });
  return (await viewsFor(deps, actor, [enrolled]))[0] as ParticipantView;
}
