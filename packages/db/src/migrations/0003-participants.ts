import { sql, type Kysely } from 'kysely';

/**
 * Participants from screening to enrollment: screening records (every revision kept), eligibility
 * assessments with the investigator's confirmation, randomization secrets and allocations (append-only),
 * emergency unblinding events and notifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table participant (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      site_id uuid not null references site (id),
      screening_number text not null,
      subject_number text,
      status text not null default 'screening'
        check (status in ('screening', 'screen-failed', 'enrolled', 'withdrawn', 'completed')),
      protocol_version integer not null,
      screen_failure jsonb,
      cohort text,
      row_version integer not null default 1,
      created_at timestamptz not null default now(),
      enrolled_at timestamptz,
      unique (study_id, screening_number),
      unique (study_id, subject_number)
    )`.execute(db);
  await sql`create index participant_site_idx on participant (study_id, site_id)`.execute(db);

  await sql`
    create table screening_record (
      id uuid primary key default gen_random_uuid(),
      participant_id uuid not null references participant (id),
      revision integer not null check (revision >= 1),
      data jsonb not null,
      reason_for_change text,
      created_at timestamptz not null default now(),
      created_by uuid references app_user (id),
      unique (participant_id, revision)
    )`.execute(db);

  await sql`
    create table eligibility_assessment (
      id uuid primary key default gen_random_uuid(),
      participant_id uuid not null references participant (id),
      protocol_version integer not null,
      record_revision integer not null,
      verdict text not null check (verdict in ('eligible', 'ineligible', 'incomplete')),
      criteria jsonb not null,
      evaluated_at timestamptz not null default now(),
      confirmed_by uuid references app_user (id),
      confirmed_at timestamptz,
      signature_meaning text
    )`.execute(db);
  await sql`create index eligibility_assessment_participant_idx on eligibility_assessment (participant_id, evaluated_at)`.execute(
    db,
  );

  await sql`
    create table study_secret (
      study_id uuid primary key references study (id),
      randomization_seed text not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table allocation (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      participant_id uuid not null unique references participant (id),
      stratum_key text not null,
      stratum_sequence integer not null,
      arm_id text not null,
      kit_code text not null,
      method text not null,
      details jsonb,
      allocated_at timestamptz not null default now(),
      allocated_by uuid references app_user (id),
      unique (study_id, stratum_key, stratum_sequence),
      unique (study_id, kit_code)
    )`.execute(db);

  await sql`
    create function refuse_change() returns trigger
    language plpgsql as $$
    begin
      raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`create trigger allocation_no_change before update or delete on allocation for each row execute function refuse_change()`.execute(
    db,
  );

  await sql`
    create table unblinding_event (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      participant_id uuid not null references participant (id),
      requested_by uuid not null references app_user (id),
      reason text not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table notification (
      id uuid primary key default gen_random_uuid(),
      study_id uuid references study (id),
      recipient_role text,
      recipient_user_id uuid references app_user (id),
      kind text not null,
      message text not null,
      payload jsonb,
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`create index notification_study_idx on notification (study_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notification',
    'unblinding_event',
    'allocation',
    'study_secret',
    'eligibility_assessment',
    'screening_record',
    'participant',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`drop function refuse_change()`.execute(db);
}
