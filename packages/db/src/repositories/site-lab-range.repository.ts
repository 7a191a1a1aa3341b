import type { Selectable } from 'kysely';
import type { ReferenceTableTable, SiteLabRangeTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type SiteLabRangeRow = Selectable<SiteLabRangeTable>;
export type ReferenceTableRow = Selectable<ReferenceTableTable>;

/** The site's current laboratory reference ranges. */
export async function listSiteLabRanges(db: Executor, siteId: string): Promise<SiteLabRangeRow[]> {
  return db
    .selectFrom('site_lab_range')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('retired_at', 'is', null)
    .orderBy('test')
    .execute();
}

export interface NewSiteLabRange {
  test: string;
  unit: string;
  lln: number | null;
  uln: number | null;
  sex: string | null;
  ageMin: number | null;
  ageMax: number | null;
  source: string | null;
}

/** Replaces the site's ranges for the given tests: earlier ones are retired (kept), the new ones inserted. */
export async function replaceSiteLabRanges(
  db: Executor,
  params: { siteId: string; ranges: readonly NewSiteLabRange[]; createdBy: string | null },
): Promise<{ retired: SiteLabRangeRow[]; inserted: SiteLabRangeRow[] }> {
  const tests = [...new Set(params.ranges.map((r) => r.test))];
  const retired =
    tests.length === 0
      ? []
      : await db
          .updateTable('site_lab_range')
          .set({ retired_at: new Date() })
          .where('site_id', '=', params.siteId)
          .where('test', 'in', tests)
          .where('retired_at', 'is', null)
          .returningAll()
          .execute();
  const inserted =
    params.ranges.length === 0
      ? []
      : await db
          .insertInto('site_lab_range')
          .values(
            params.ranges.map((r) => ({
              site_id: params.siteId,
              test: r.test,
              unit: r.unit,
              lln: r.lln,
              uln: r.uln,
              sex: r.sex,
              age_min: r.ageMin,
              age_max: r.ageMax,
              source: r.source,
              created_by: params.createdBy,
            })),
          )
          .returningAll()
          .execute();
  return { retired, inserted };
}

export async function findReferenceTable(
  db: Executor,
  params: { kind: string; sha256: string },
): Promise<ReferenceTableRow | undefined> {
  return db
    .selectFrom('reference_table')
    .selectAll()
    .where('kind', '=', params.kind)
    .where('sha256', '=', params.sha256)
    .executeTakeFirst();
}

/** The most recently loaded table of a kind. */
export async function latestReferenceTable(
  db: Executor,
  kind: string,
): Promise<ReferenceTableRow | undefined> {
  return db
    .selectFrom('reference_table')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('loaded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertReferenceTable(
  db: Executor,
  t: { kind: string; name: string; sha256: string; content: unknown; loadedBy: string | null },
): Promise<ReferenceTableRow> {
  return db
    .insertInto('reference_table')
    .values({
      kind: t.kind,
      name: t.name,
      sha256: t.sha256,
      content: JSON.stringify(t.content),
      loaded_by: t.loadedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
