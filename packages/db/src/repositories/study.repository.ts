import type { Selectable } from 'kysely';
import type { SiteTable, StudyTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type StudyRow = Selectable<StudyTable>;
export type SiteRow = Selectable<SiteTable>;

export interface StudyWithSiteCount extends StudyRow {
  readonly site_count: number;
}

/** Studies, optionally only those with the given ids. */
export async function listStudies(db: Executor, onlyIds?: readonly string[]): Promise<StudyWithSiteCount[]> {
  if (onlyIds !== undefined && onlyIds.length === 0) {
    return [];
  }
  let q = db
    .selectFrom('study')
    .selectAll('study')
    .select((eb) =>
      eb
        .selectFrom('site')
        .whereRef('site.study_id', '=', 'study.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('site_count'),
    );
  if (onlyIds !== undefined) {
    q = q.where('study.id', 'in', onlyIds);
  }
  const rows = await q.orderBy('study.code').execute();
  return rows.map((r) => ({ ...r, site_count: Number(r.site_count ?? 0) }));
}

export async function findStudyById(db: Executor, id: string): Promise<StudyRow | undefined> {
  return db.selectFrom('study').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStudyByCode(db: Executor, code: string): Promise<StudyRow | undefined> {
  return db.selectFrom('study').selectAll().where('code', '=', code).executeTakeFirst();
}

export interface NewStudy {
  readonly code: string;
  readonly title: string;
  readonly phase: string | null;
  readonly status: string;
  readonly registryIds: readonly string[];
  readonly conditions: readonly string[];
}

export async function insertStudy(db: Executor, s: NewStudy): Promise<StudyRow> {
  return db
    .insertInto('study')
    .values({
      code: s.code,
      title: s.title,
      phase: s.phase,
      status: s.status,
      registry_ids: JSON.stringify(s.registryIds),
      conditions: JSON.stringify(s.conditions),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listSites(
  db: Executor,
  studyId: string,
  onlyIds?: readonly string[],
): Promise<SiteRow[]> {
  if (onlyIds !== undefined && onlyIds.length === 0) {
    return [];
  }
  let q = db.selectFrom('site').selectAll().where('study_id', '=', studyId);
  if (onlyIds !== undefined) {
    q = q.where('id', 'in', onlyIds);
  }
  return q.orderBy('code').execute();
}

export async function findSiteById(db: Executor, id: string): Promise<SiteRow | undefined> {
  return db.selectFrom('site').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSite(
  db: Executor,
  s: { studyId: string; code: string; name: string; country: string | null },
): Promise<SiteRow> {
  return db
    .insertInto('site')
    .values({ study_id: s.studyId, code: s.code, name: s.name, country: s.country })
    .returningAll()
    .executeTakeFirstOrThrow();
}
