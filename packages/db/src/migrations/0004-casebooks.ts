import { sql, type Kysely } from 'kysely';

/**
 * Casebooks: recorded visits, form records with their current values and an append-only history of every item
 * value, data queries with their threads, source data verification, e-signatures, locks and site laboratory
 * reference ranges and user-supplied reference tables (GLI spirometry). Participants gain a `synthetic` flag for generated demo data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table participant add column synthetic boolean not null default false`.execute(db);

  await sql`
    create table visit (
      id uuid primary key default gen_random_uuid(),
      participant_id uuid not null references participant (id),
      visit_key text not null,
      occurrence integer not null default 1 check (occurrence >= 1),
      unscheduled boolean not null default false,
      status text not null check (status in ('done', 'missed')),
      actual_date date,
      reason text,
      out_of_window_reason text,
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid references app_user (id),
      updated_at timestamptz not null default now(),
      check ((status = 'done') = (actual_date is not null)),
      unique (participant_id, visit_key, occurrence)
    )`.execute(db);

  await sql`
    create table form_record (
      id uuid primary key default gen_random_uuid(),
      participant_id uuid not null references participant (id),
      visit_id uuid references visit (id),
      form_key text not null,
      entry_number integer not null default 1 check (entry_number >= 1),
      definition_version text not null,
      status text not null check (status in ('incomplete', 'complete')),
      version integer not null check (version >= 1),
      item_values jsonb not null,
      derived jsonb not null,
      warnings jsonb not null,
      missing jsonb not null,
      created_at timestamptz not null default now(),
      created_by uuid references app_user (id),
      updated_at timestamptz not null default now(),
      updated_by uuid references app_user (id)
    )`.execute(db);
  await sql`create unique index form_record_slot_idx on form_record
    (participant_id, coalesce(visit_id, '00000000-0000-0000-0000-000000000000'::uuid), form_key, entry_number)`.execute(
    db,
  );

  await sql`
    create table item_revision (
      id bigint generated always as identity primary key,
      form_record_id uuid not null references form_record (id),
      item_id text not null,
      form_version integer not null,
      value jsonb,
      reason text,
      changed_by uuid references app_user (id),
      changed_at timestamptz not null default now(),
      unique (form_record_id, item_id, form_version)
    )`.execute(db);
  await sql`create trigger item_revision_no_change before update or delete on item_revision
    for each row execute function refuse_change()`.execute(db);

  await sql`
    create table data_query (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      site_id uuid not null references site (id),
      participant_id uuid not null references participant (id),
      form_record_id uuid not null references form_record (id),
      item_id text not null,
      status text not null check (status in ('open', 'answered', 'closed', 'cancelled')),
      origin text not null check (origin in ('edit-check', 'manual')),
      check_id text,
      item_value jsonb,
      opened_by uuid references app_user (id),
      opened_at timestamptz not null default now(),
      resolved_at timestamptz,
      row_version integer not null default 1
    )`.execute(db);
  await sql`create index data_query_study_idx on data_query (study_id, status, site_id)`.execute(db);
  await sql`create index data_query_form_idx on data_query (form_record_id)`.execute(db);

  await sql`
    create table query_message (
      id uuid primary key default gen_random_uuid(),
      query_id uuid not null references data_query (id),
      action text not null check (action in ('open', 'answer', 'close', 'cancel', 'reopen', 'auto-close')),
      body text not null,
      author_id uuid references app_user (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create trigger query_message_no_change before update or delete on query_message
    for each row execute function refuse_change()`.execute(db);

  await sql`
    create table source_verification (
      id uuid primary key default gen_random_uuid(),
      form_record_id uuid not null references form_record (id),
      item_id text not null,
      form_version integer not null,
      verified_by uuid not null references app_user (id),
      verified_at timestamptz not null default now(),
      invalidated_at timestamptz,
      invalidated_reason text
    )`.execute(db);
  await sql`create index source_verification_form_idx on source_verification (form_record_id)`.execute(db);

  await sql`
    create table signature (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      participant_id uuid not null references participant (id),
      scope text not null check (scope in ('form', 'casebook')),
      form_record_id uuid references form_record (id),
      form_version integer,
      meaning text not null,
      signed_by uuid not null references app_user (id),
      signed_at timestamptz not null default now(),
      invalidated_at timestamptz,
      invalidated_reason text,
      check ((scope = 'form') = (form_record_id is not null))
    )`.execute(db);
  await sql`create index signature_participant_idx on signature (participant_id)`.execute(db);

  await sql`
    create table data_lock (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      scope text not null check (scope in ('form', 'visit', 'casebook', 'study')),
      participant_id uuid references participant (id),
      visit_id uuid references visit (id),
      form_record_id uuid references form_record (id),
      reason text,
      locked_by uuid not null references app_user (id),
      locked_at timestamptz not null default now(),
      unlocked_by uuid references app_user (id),
      unlocked_at timestamptz,
      unlock_reason text
    )`.execute(db);
  await sql`create index data_lock_study_idx on data_lock (study_id) where unlocked_at is null`.execute(db);

  await sql`
    create table site_lab_range (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references site (id),
      test text not null,
      unit text not null,
      lln double precision,
      uln double precision,
      sex text check (sex in ('female', 'male')),
      age_min double precision,
      age_max double precision,
      source text,
      created_at timestamptz not null default now(),
      created_by uuid references app_user (id),
      retired_at timestamptz
    )`.execute(db);
  await sql`create index site_lab_range_site_idx on site_lab_range (site_id) where retired_at is null`.execute(
    db,
  );

  await sql`
    create table reference_table (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      name text not null,
      sha256 text not null,
      content jsonb not null,
      loaded_at timestamptz not null default now(),
      loaded_by uuid references app_user (id),
      unique (kind, sha256)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'reference_table',
    'site_lab_range',
    'data_lock',
    'signature',
    'source_verification',
    'query_message',
    'data_query',
    'item_revision',
    'form_record',
    'visit',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`alter table participant drop column synthetic`.execute(db);
}
