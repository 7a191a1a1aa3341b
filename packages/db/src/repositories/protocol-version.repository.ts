import type { Selectable } from 'kysely';
import type { ProtocolVersionTable } from '../database-types.js';
import type { Executor } from '../executor.js';

export type ProtocolVersionRow = Selectable<ProtocolVersionTable>;

export async function findCurrentProtocolVersion(
  db: Executor,
  studyId: string,
): Promise<ProtocolVersionRow | undefined> {
  return db
    .selectFrom('protocol_version')
    .selectAll()
    .where('study_id', '=', studyId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findProtocolVersion(
  db: Executor,
  params: { studyId: string; version: number },
): Promise<ProtocolVersionRow | undefined> {
  return db
    .selectFrom('protocol_version')
    .selectAll()
    .where('study_id', '=', params.studyId)
    .where('version', '=', params.version)
    .executeTakeFirst();
}

/** Versions of a study's protocol, newest first, without the bulky source text. */
export async function listProtocolVersions(
  db: Executor,
  studyId: string,
): Promise<Omit<ProtocolVersionRow, 'source_text' | 'content'>[]> {
  return db
    .selectFrom('protocol_version')
    .select(['id', 'study_id', 'version', 'content_sha256', 'source_name', 'amendment_reason', 'created_at'])
    .where('study_id', '=', studyId)
    .orderBy('version', 'desc')
    .execute();
}

export interface NewProtocolVersion {
  readonly studyId: string;
  readonly version: number;
  readonly content: unknown;
  readonly contentSha256: string;
  readonly sourceName: string;
  readonly sourceText: string;
  readonly amendmentReason: string | null;
}

/** Inserts a version and makes it the study's current one. */
export async function insertProtocolVersion(
  db: Executor,
  v: NewProtocolVersion,
): Promise<ProtocolVersionRow> {
  const row = await db
    .insertInto('protocol_version')
    .values({
      study_id: v.studyId,
      version: v.version,
      content: JSON.stringify(v.content),
      content_sha256: v.contentSha256,
      source_name: v.sourceName,
      source_text: v.sourceText,
      amendment_reason: v.amendmentReason,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .updateTable('study')
    .set({ current_protocol_version: v.version })
    .where('id', '=', v.studyId)
    .execute();
  return row;
}

export async function updateStudyFacts(
  db: Executor,
  params: {
    studyId: string;
    title: string;
    phase: string | null;
    registryIds: readonly string[];
    conditions: readonly string[];
  },
): Promise<void> {
  await db
    .updateTable('study')
    .set({
      title: params.title,
      phase: params.phase,
      registry_ids: JSON.stringify(params.registryIds),
      conditions: JSON.stringify(params.conditions),
    })
    .where('id', '=', params.studyId)
    .execute();
}
