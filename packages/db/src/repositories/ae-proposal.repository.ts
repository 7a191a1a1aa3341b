import type { Selectable } from 'kysely';
import type { AeProposalTable } from '../safety-database-types.js';
import type { Executor } from '../executor.js';

export type AeProposalRow = Selectable<AeProposalTable>;

export async function listAeProposals(
  db: Executor,
  params: { participantId: string; status?: string | undefined },
): Promise<AeProposalRow[]> {
  let q = db.selectFrom('ae_proposal').selectAll().where('participant_id', '=', params.participantId);
  if (params.status !== undefined) {
    q = q.where('status', '=', params.status);
  }
  return q.orderBy('created_at').orderBy('test').execute();
}

/** Every proposal raised from one form record (any version). */
export async function listFormAeProposals(db: Executor, formRecordId: string): Promise<AeProposalRow[]> {
  return db
    .selectFrom('ae_proposal')
    .selectAll()
    .where('form_record_id', '=', formRecordId)
    .orderBy('form_version')
    .execute();
}

export async function findAeProposal(db: Executor, id: string): Promise<AeProposalRow | undefined> {
  return db.selectFrom('ae_proposal').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reads the proposal and locks it until the transaction ends. */
export async function lockAeProposal(db: Executor, id: string): Promise<AeProposalRow | undefined> {
  return db.selectFrom('ae_proposal').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertAeProposal(
  db: Executor,
  r: {
    studyId: string;
    siteId: string;
    participantId: string;
    formRecordId: string;
    formVersion: number;
    test: string;
    value: number;
    unit: string;
    grade: number;
    ctcaeTerm: string;
    ctcaeVersion: string;
    reason: string;
  },
): Promise<AeProposalRow> {
  return db
    .insertInto('ae_proposal')
    .values({
      study_id: r.studyId,
      site_id: r.siteId,
      participant_id: r.participantId,
      form_record_id: r.formRecordId,
      form_version: r.formVersion,
      test: r.test,
      value: r.value,
      unit: r.unit,
      grade: r.grade,
      ctcae_term: r.ctcaeTerm,
      ctcae_version: r.ctcaeVersion,
      reason: r.reason,
      status: 'proposed',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Decides a proposal that is still 'proposed'; undefined when it was decided meanwhile. */
export async function decideAeProposal(
  db: Executor,
  r: {
    id: string;
    status: 'confirmed' | 'dismissed';
    reason: string | null;
    userId: string | null;
    adverseEventId: string | null;
  },
): Promise<AeProposalRow | undefined> {
  return db
    .updateTable('ae_proposal')
    .set({
      status: r.status,
      decision_reason: r.reason,
      decided_by: r.userId,
      decided_at: new Date(),
      adverse_event_id: r.adverseEventId,
    })
    .where('id', '=', r.id)
    .where('status', '=', 'proposed')
    .returningAll()
    .executeTakeFirst();
}

/** The proposal an AE was confirmed from, keyed by AE id. */
export async function proposalsOfAdverseEvents(
  db: Executor,
  adverseEventIds: readonly string[],
): Promise<Map<string, string>> {
  if (adverseEventIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('ae_proposal')
    .select(['id', 'adverse_event_id'])
    .where('adverse_event_id', 'in', [...adverseEventIds])
    .execute();
  return new Map(rows.flatMap((r) => (r.adverse_event_id === null ? [] : [[r.adverse_event_id, r.id]])));
}

/** Proposals of a study's participants at the given sites (all sites: `'all'`), oldest first. */
export async function listStudyAeProposals(
  db: Executor,
  params: { studyId: string; siteIds: readonly string[] | 'all'; status?: string | undefined },
): Promise<AeProposalRow[]> {
  if (params.siteIds !== 'all' && params.siteIds.length === 0) {
    return [];
  }
  let q = db
    .selectFrom('ae_proposal')
    .innerJoin('participant', 'participant.id', 'ae_proposal.participant_id')
    .selectAll('ae_proposal')
    .where('participant.study_id', '=', params.studyId);
  if (params.siteIds !== 'all') {
    q = q.where('participant.site_id', 'in', [...params.siteIds]);
  }
  if (params.status !== undefined) {
    q = q.where('ae_proposal.status', '=', params.status);
  }
  return q.orderBy('ae_proposal.created_at').orderBy('ae_proposal.test').execute();
}
