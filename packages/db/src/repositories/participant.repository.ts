import { sql, type Selectable } from 'kysely';
import type { ParticipantTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type ParticipantRow = Selectable<ParticipantTable>;

export interface ParticipantFilter {
  readonly studyId: string;
  /** Only these sites; `'all'` for every site of the study. */
  readonly siteIds: readonly string[] | 'all';
  readonly status?: string | undefined;
}

export async function listParticipants(db: Executor, filter: ParticipantFilter): Promise<ParticipantRow[]> {
  if (filter.siteIds !== 'all' && filter.siteIds.length === 0) {
    return [];
  }
  let q = db.selectFrom('participant').selectAll().where('study_id', '=', filter.studyId);
  if (filter.siteIds !== 'all') {
    q = q.where('site_id', 'in', filter.siteIds);
  }
  if (filter.status !== undefined) {
    q = q.where('status', '=', filter.status);
  }
  return q.orderBy('screening_number').execute();
}

export async function findParticipant(db: Executor, id: string): Promise<ParticipantRow | undefined> {
  return db.selectFrom('participant').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reads the participant and locks its row until the transaction ends (serialises enrolment and randomization). */
export async function lockParticipant(db: Executor, id: string): Promise<ParticipantRow | undefined> {
  return db.selectFrom('participant').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The next number in a per-site sequence of `column` values shaped `<prefix><NNN>`. */
export async function nextSiteSequence(
  db: Executor,
  params: { studyId: string; prefix: string; column: 'screening_number' | 'subject_number' },
): Promise<number> {
  const start = params.prefix.length + 1;
  const { rows } = await sql<{ n: number | null }>`
    select max(substring(${sql.ref(params.column)} from ${start}::int)::int) as n
    from participant
    where study_id = ${params.studyId} and starts_with(${sql.ref(params.column)}, ${params.prefix})
      and substring(${sql.ref(params.column)} from ${start}::int) ~ '^[0-9]+$'`.execute(db);
  return (rows[0]?.n ?? 0) + 1;
}

export async function insertParticipant(
  db: Executor,
  p: {
    studyId: string;
    siteId: string;
    screeningNumber: string;
    protocolVersion: number;
    synthetic?: boolean;
  },
): Promise<ParticipantRow> {
  return db
    .insertInto('participant')
    .values({
      study_id: p.studyId,
      site_id: p.siteId,
      screening_number: p.screeningNumber,
      protocol_version: p.protocolVersion,
      synthetic: p.synthetic === true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ParticipantChange {
  readonly status?: string;
  readonly subjectNumber?: string;
  readonly enrolledAt?: Date;
  readonly screenFailure?: unknown;
  readonly cohort?: string | null;
  readonly end?: { readonly date: string; readonly reason: string; readonly note: string | null };
}

/**
 * Updates a participant if its row version still matches; returns the new row, or undefined when
 * someone else changed it first (optimistic concurrency).
 */
export async function updateParticipant(
  db: Executor,
  params: { id: string; expectedVersion: number; change: ParticipantChange },
): Promise<ParticipantRow | undefined> {
  const c = params.change;
  return db
    .updateTable('participant')
    .set((eb) => ({
      row_version: eb('row_version', '+', 1),
      ...(c.status === undefined ? {} : { status: c.status }),
      ...(c.subjectNumber === undefined ? {} : { subject_number: c.subjectNumber }),
      ...(c.enrolledAt === undefined ? {} : { enrolled_at: c.enrolledAt }),
      ...(c.screenFailure === undefined ? {} : { screen_failure: JSON.stringify(c.screenFailure) }),
      ...(c.cohort === undefined ? {} : { cohort: c.cohort }),
      ...(c.end === undefined
        ? {}
        : { ended_on: c.end.date, end_reason: c.end.reason, end_note: c.end.note }),
    }))
    .where('id', '=', params.id)
    .where('row_version', '=', params.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}
