import { sql, type Kysely } from 'kysely';

/**
 * Versioned protocols: every load or amendment of a study's protocol file is a new row holding the
 * validated protocol (JSON), the source text exactly as loaded, its SHA-256 and the amendment reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table protocol_version (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      version integer not null check (version >= 1),
      content jsonb not null,
      content_sha256 text not null,
      source_name text not null,
      source_text text not null,
      amendment_reason text,
      created_at timestamptz not null default now(),
      unique (study_id, version)
    )`.execute(db);
  await sql`alter table study add column current_protocol_version integer`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table study drop column current_protocol_version`.execute(db);
  await sql`drop table protocol_version`.execute(db);
}
