import type { Selectable } from 'kysely';
import type { DataQueryTable, QueryMessageTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type DataQueryRow = Selectable<DataQueryTable>;
export type QueryMessageRow = Selectable<QueryMessageTable>;

export async function insertDataQuery(
  db: Executor,
  q: {
    studyId: string;
    siteId: string;
    participantId: string;
    formRecordId: string;
    itemId: string;
    origin: 'edit-check' | 'manual';
    checkId: string | null;
    itemValue: unknown;
    openedBy: string | null;
  },
): Promise<DataQueryRow> {
  return db
    .insertInto('data_query')
    .values({
      study_id: q.studyId,
      site_id: q.siteId,
      participant_id: q.participantId,
      form_record_id: q.formRecordId,
      item_id: q.itemId,
      status: 'open',
      origin: q.origin,
      check_id: q.checkId,
      item_value: q.itemValue === undefined ? null : JSON.stringify(q.itemValue),
      opened_by: q.openedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findDataQuery(db: Executor, id: string): Promise<DataQueryRow | undefined> {
  return db.selectFrom('data_query').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockDataQuery(db: Executor, id: string): Promise<DataQueryRow | undefined> {
  return db.selectFrom('data_query').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setDataQueryStatus(
  db: Executor,
  q: { id: string; status: 'open' | 'answered' | 'closed' | 'cancelled'; resolved: boolean },
): Promise<DataQueryRow> {
  return db
    .updateTable('data_query')
    .set((eb) => ({
      status: q.status,
      resolved_at: q.resolved ? new Date() : null,
      row_version: eb('row_version', '+', 1),
    }))
    .where('id', '=', q.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listFormQueries(db: Executor, formRecordId: string): Promise<DataQueryRow[]> {
  return db
    .selectFrom('data_query')
    .selectAll()
    .where('form_record_id', '=', formRecordId)
    .orderBy('opened_at')
    .execute();
}

export interface DataQueryFilter {
  readonly studyId: string;
  readonly siteIds: readonly string[] | 'all';
  readonly status?: string | undefined;
  readonly participantId?: string | undefined;
}

export async function listDataQueries(db: Executor, filter: DataQueryFilter): Promise<DataQueryRow[]> {
  if (filter.siteIds !== 'all' && filter.siteIds.length === 0) {
    return [];
  }
  let q = db.selectFrom('data_query').selectAll().where('study_id', '=', filter.studyId);
  if (filter.siteIds !== 'all') {
    q = q.where('site_id', 'in', [...filter.siteIds]);
  }
  if (filter.status !== undefined) {
    q = q.where('status', '=', filter.status);
  }
  if (filter.participantId !== undefined) {
    q = q.where('participant_id', '=', filter.participantId);
  }
  return q.orderBy('opened_at', 'desc').execute();
}

export async function insertQueryMessage(
  db: Executor,
  m: { queryId: string; action: string; body: string; authorId: string | null },
): Promise<QueryMessageRow> {
  return db
    .insertInto('query_message')
    .values({ query_id: m.queryId, action: m.action, body: m.body, author_id: m.authorId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listQueryMessages(
  db: Executor,
  queryIds: readonly string[],
): Promise<QueryMessageRow[]> {
  if (queryIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('query_message')
    .selectAll()
    .where('query_id', 'in', [...queryIds])
    .orderBy('created_at')
    .execute();
}
