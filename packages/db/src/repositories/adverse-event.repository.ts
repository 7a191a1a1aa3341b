import type { Selectable } from 'kysely';
import type {
  AdverseEventRevisionTable,
  AdverseEventTable,
  SaeReportTable,
} from '../safety-database-types.js';
import type { Executor } from '../executor.js';

export type AdverseEventRow = Selectable<AdverseEventTable>;
export type AdverseEventRevisionRow = Selectable<AdverseEventRevisionTable>;
export type SaeReportRow = Selectable<SaeReportTable>;

/** The stored fields of an AE (one version). Dates 'YYYY-MM-DD'; awarenessAt an ISO instant. */
export interface AdverseEventState {
  term: string;
  ctcaeTerm: string | null;
  soc: string | null;
  onsetDate: string;
  resolutionDate: string | null;
  ongoing: boolean;
  grade: number;
  serious: boolean;
  seriousness: readonly string[];
  relatedness: { product: string | null; procedures: Readonly<Record<string, string>> };
  expected: boolean | null;
  actionTaken: string;
  outcome: string;
  awarenessDate: string | null;
  awarenessAt: string | null;
  narrative: string | null;
}

function columns(s: AdverseEventState) {
  return {
    term: s.term,
    ctcae_term: s.ctcaeTerm,
    soc: s.soc,
    onset_date: s.onsetDate,
    resolution_date: s.resolutionDate,
    ongoing: s.ongoing,
    grade: s.grade,
    serious: s.serious,
    seriousness: JSON.stringify(s.seriousness),
    relatedness: JSON.stringify(s.relatedness),
    expected: s.expected,
    action_taken: s.actionTaken,
    outcome: s.outcome,
    awareness_date: s.awarenessDate,
    awareness_at: s.awarenessAt,
    narrative: s.narrative,
  };
}

export async function listAdverseEvents(db: Executor, participantId: string): Promise<AdverseEventRow[]> {
  return db
    .selectFrom('adverse_event')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('ae_number')
    .execute();
}

export async function listStudyAdverseEvents(
  db: Executor,
  params: { studyId: string; seriousOnly?: boolean; siteIds: 'all' | readonly string[] },
): Promise<AdverseEventRow[]> {
  if (params.siteIds !== 'all' && params.siteIds.length === 0) {
    return [];
  }
  let q = db.selectFrom('adverse_event').selectAll().where('study_id', '=', params.studyId);
  if (params.seriousOnly === true) {
    q = q.where('serious', '=', true);
  }
  if (params.siteIds !== 'all') {
    q = q.where('site_id', 'in', [...params.siteIds]);
  }
  return q.orderBy('participant_id').orderBy('ae_number').execute();
}

export async function findAdverseEvent(db: Executor, id: string): Promise<AdverseEventRow | undefined> {
  return db.selectFrom('adverse_event').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reads the AE and locks it until the transaction ends. */
export async function lockAdverseEvent(db: Executor, id: string): Promise<AdverseEventRow | undefined> {
  return db.selectFrom('adverse_event').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertAdverseEvent(
  db: Executor,
  r: {
    studyId: string;
    siteId: string;
    participantId: string;
    source: 'manual' | 'lab-proposal';
    state: AdverseEventState;
    userId: string | null;
  },
): Promise<AdverseEventRow> {
  // Numbering under the participant row lock keeps ae_number gap-free and unique under concurrency.
  await db.selectFrom('participant').select('id').where('id', '=', r.participantId).forUpdate().execute();
  const last = await db
    .selectFrom('adverse_event')
    .select((eb) => eb.fn.max('ae_number').as('n'))
    .where('participant_id', '=', r.participantId)
    .executeTakeFirst();
  return db
    .insertInto('adverse_event')
    .values({
      study_id: r.studyId,
      site_id: r.siteId,
      participant_id: r.participantId,
      ae_number: Number(last?.n ?? 0) + 1,
      version: 1,
      source: r.source,
      ...columns(r.state),
      created_by: r.userId,
      updated_by: r.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Writes a new version; undefined when the stored version is no longer `expectedVersion`. */
export async function updateAdverseEvent(
  db: Executor,
  r: { id: string; expectedVersion: number; state: AdverseEventState; userId: string | null },
): Promise<AdverseEventRow | undefined> {
  return db
    .updateTable('adverse_event')
    .set((eb) => ({
      ...columns(r.state),
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: r.userId,
    }))
    .where('id', '=', r.id)
    .where('version', '=', r.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function insertAdverseEventRevision(
  db: Executor,
  r: {
    adverseEventId: string;
    version: number;
    state: AdverseEventState;
    reason: string | null;
    userId: string | null;
  },
): Promise<void> {
  await db
    .insertInto('adverse_event_revision')
    .values({
      adverse_event_id: r.adverseEventId,
      version: r.version,
      data: JSON.stringify(r.state),
      reason: r.reason,
      changed_by: r.userId,
    })
    .execute();
}

export async function listAdverseEventRevisions(
  db: Executor,
  adverseEventId: string,
): Promise<AdverseEventRevisionRow[]> {
  return db
    .selectFrom('adverse_event_revision')
    .selectAll()
    .where('adverse_event_id', '=', adverseEventId)
    .orderBy('version')
    .execute();
}

export async function insertSaeReport(
  db: Executor,
  r: {
    adverseEventId: string;
    kind: string;
    sentAt: string;
    recipient: string | null;
    reference: string | null;
    note: string | null;
    userId: string | null;
  },
): Promise<SaeReportRow> {
  return db
    .insertInto('sae_report')
    .values({
      adverse_event_id: r.adverseEventId,
      kind: r.kind,
      sent_at: r.sentAt,
      recipient: r.recipient,
      reference: r.reference,
      note: r.note,
      recorded_by: r.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listSaeReports(
  db: Executor,
  adverseEventIds: readonly string[],
): Promise<SaeReportRow[]> {
  if (adverseEventIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('sae_report')
    .selectAll()
    .where('adverse_event_id', 'in', [...adverseEventIds])
    .orderBy('sent_at')
    .execute();
}
