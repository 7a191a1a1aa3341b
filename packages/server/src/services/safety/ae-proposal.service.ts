import type { AdverseEventFields, AeProposalView } from '@celltrial/contracts';
import { visibleSiteIds } from '@celltrial/core';
import {
  decideAeProposal,
  findAeProposal,
  findFormRecord,
  findVisit,
  listAeProposals,
  listParticipants,
  listStudyAeProposals,
  lockAeProposal,
  userDisplayNames,
  type AeProposalRow,
  type Executor,
  type ParticipantRow,
} from '@celltrial/db';
import { notFound } from '../../errors/app-error.js';
import { auditedWrite } from '../audited-write.js';
import { protocolOfParticipant, todayOf } from '../casebook/casebook-support.js';
import { participantNumberOf } from '../casebook/form-view.js';
import { loadParticipantInScope } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { insertAuditedAdverseEvent, viewOf } from './adverse-event.service.js';
import { toAdverseEventState } from './ae-input.js';
import { aeProceduresOf, ruleViolated } from './safety-support.js';

interface ProposalParams {
  readonly studyId: string;
  readonly participantId: string;
  readonly proposalId: string;
}

/** Where the sample came from: the form's collection date, else its visit's date. */
async function sampleOf(
  db: Executor,
  row: AeProposalRow,
): Promise<{ date: string | null; visitKey: string | null }> {
  const form = await findFormRecord(db, row.form_record_id);
  const visit = form === undefined || form.visit_id === null ? undefined : await findVisit(db, form.visit_id);
  const collected = (form?.item_values as Record<string, unknown> | undefined)?.['collectionDate'];
  return {
    date: typeof collected === 'string' ? collected : (visit?.actual_date ?? null),
    visitKey: visit?.visit_key ?? null,
  };
}

/** What confirming a proposal records unless the investigator overrides it. */
function prefillOf(row: AeProposalRow, sampleDate: string | null): Partial<AdverseEventFields> {
  return {
    term: row.ctcae_term,
    ctcaeTerm: row.ctcae_term,
    ...(sampleDate === null ? {} : { onsetDate: sampleDate, awarenessDate: sampleDate }),
    ongoing: true,
    grade: row.grade,
    serious: false,
    seriousness: [],
    relatedness: { product: null, procedures: {} },
    expected: null,
    actionTaken: 'none',
    outcome: 'not-recovered',
  };
}

async function toProposalViews(
  db: Executor,
  params: { rows: readonly AeProposalRow[]; participant: ParticipantRow },
): Promise<AeProposalView[]> {
  const names = await userDisplayNames(
    db,
    params.rows.map((r) => r.decided_by),
  );
  const out: AeProposalView[] = [];
  for (const row of params.rows) {
    const sample = await sampleOf(db, row);
    out.push({
      id: row.id,
      participantId: row.participant_id,
      participantNumber: participantNumberOf(params.participant),
      formRecordId: row.form_record_id,
      formVersion: row.form_version,
      visitKey: sample.visitKey,
      sampleDate: sample.date,
      test: row.test,
      value: row.value,
      unit: row.unit,
      grade: row.grade,
      ctcaeTerm: row.ctcae_term,
      ctcaeVersion: row.ctcae_version,
      reason: row.reason,
      status: row.status as AeProposalView['status'],
      decisionReason: row.decision_reason,
      decidedBy: row.decided_by === null ? null : (names.get(row.decided_by) ?? null),
      decidedAt: row.decided_at === null ? null : row.decided_at.toISOString(),
      adverseEventId: row.adverse_event_id,
      createdAt: row.created_at.toISOString(),
      prefill: prefillOf(row, sample.date),
    });
  }
  return out;
}

export async function listParticipantAeProposals(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string; status?: string | undefined },
): Promise<{ proposals: AeProposalView[] }> {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:read',
  });
  const rows = await listAeProposals(deps.db, { participantId: participant.id, status: params.status });
  return { proposals: await toProposalViews(deps.db, { rows, participant }) };
}

/** Lab AE proposals of every participant at the sites the actor may see (the Safety page's queue). */
export async function listStudyAeProposalViews(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; status?: string | undefined },
): Promise<{ proposals: AeProposalView[] }> {
  const siteIds =
    actor.principal === null ? [] : visibleSiteIds(actor.principal, 'subject:read', params.studyId);
  const rows = await listStudyAeProposals(deps.db, { ...params, siteIds });
  const participants = await listParticipants(deps.db, { studyId: params.studyId, siteIds });
  const proposals: AeProposalView[] = [];
  for (const participant of participants) {
    const own = rows.filter((r) => r.participant_id === participant.id);
    if (own.length > 0) {
      proposals.push(...(await toProposalViews(deps.db, { rows: own, participant })));
    }
  }
  return { proposals };
}

async function loadProposal(deps: ServiceDeps, actor: Actor, params: ProposalParams) {
  const { participant } = await loadParticipantInScope(deps, actor, { ...params, permission: 'form:sign' });
  const row = await findAeProposal(deps.db, params.proposalId);
  if (row?.participant_id !== participant.id) {
    throw notFound('AE proposal');
  }
  if (row.status !== 'proposed') {
    throw ruleViolated('proposal-open', `the proposal was already ${row.status}`, { status: row.status });
  }
  return { participant, row };
}

function refuseDecided(row: AeProposalRow | undefined): asserts row is AeProposalRow {
  if (row?.status !== 'proposed') {
    throw ruleViolated('proposal-open', `the proposal was already ${row?.status ?? 'removed'}`);
  }
}

/**
 * The investigator confirms a lab-based AE proposal: an AE is recorded from the prefill with any overrides
 * (validated like any AE), and the proposal points to it. One transaction, audited.
 */
export async function confirmAeProposal(
  deps: ServiceDeps,
  actor: Actor,
  params: ProposalParams & { overrides: Partial<AdverseEventFields> },
) {
  const { participant, row } = await loadProposal(deps, actor, params);
  const protocol = await protocolOfParticipant(deps.db, participant);
  const sample = await sampleOf(deps.db, row);
  const state = toAdverseEventState(
    { ...prefillOf(row, sample.date), ...params.overrides },
    { today: todayOf(deps), now: deps.clock.now(), procedures: aeProceduresOf(protocol).map((p) => p.id) },
  );
  return auditedWrite(deps, actor, async (tx) => {
    refuseDecided(await lockAeProposal(tx.trx, row.id));
    const ae = await insertAuditedAdverseEvent(tx, {
      participant,
      state,
      source: 'lab-proposal',
      actor,
      proposalId: row.id,
    });
    const decided = await decideAeProposal(tx.trx, {
      id: row.id,
      status: 'confirmed',
      reason: null,
      userId: actor.userId,
      adverseEventId: ae.id,
    });
    if (decided === undefined) {
      throw ruleViolated('proposal-open', 'the proposal was decided meanwhile');
    }
    await tx.audit({
      action: 'ae-proposal.confirm',
      entityType: 'ae_proposal',
      entityId: row.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      before: { status: 'proposed' },
      after: { status: 'confirmed', adverseEventId: ae.id },
    });
    const [proposal] = await toProposalViews(tx.trx, { rows: [decided], participant });
    return {
      proposal: proposal as AeProposalView,
      adverseEvent: await viewOf(tx.trx, { row: ae, participant, now: deps.clock.now() }),
    };
  });
}

/** The investigator dismisses a proposal (e.g. a haemolysed sample, a known baseline value) with a reason. */
export async function dismissAeProposal(
  deps: ServiceDeps,
  actor: Actor,
  params: ProposalParams & { reason: string },
): Promise<AeProposalView> {
  const { participant, row } = await loadProposal(deps, actor, params);
  return auditedWrite(deps, actor, async (tx) => {
    refuseDecided(await lockAeProposal(tx.trx, row.id));
    const decided = await decideAeProposal(tx.trx, {
      id: row.id,
      status: 'dismissed',
      reason: params.reason,
      userId: actor.userId,
      adverseEventId: null,
    });
    if (decided === undefined) {
      throw ruleViolated('proposal-open', 'the proposal was decided meanwhile');
    }
    await tx.audit({
      action: 'ae-proposal.dismiss',
      entityType: 'ae_proposal',
      entityId: row.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      before: { status: 'proposed' },
      after: { status: 'dismissed' },
      reason: params.reason,
    });
    const [view] = await toProposalViews(tx.trx, { rows: [decided], participant });
    return view as AeProposalView;
  });
}
