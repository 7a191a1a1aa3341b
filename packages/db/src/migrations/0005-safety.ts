import { sql, type Kysely } from 'kysely';

/**
 * Safety and dosing (issue #6): adverse events with an append-only revision per saved version, sponsor reports of
 * serious AEs, AE proposals from graded lab values, prepared and administered doses, DLT assessments (signed by an
 * investigator) and confirmed dose-escalation decisions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table adverse_event (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      site_id uuid not null references site (id),
      participant_id uuid not null references participant (id),
      ae_number integer not null check (ae_number >= 1),
      version integer not null check (version >= 1),
      term text not null,
      ctcae_term text,
      soc text,
      onset_date date not null,
      resolution_date date,
      ongoing boolean not null,
      grade integer not null check (grade between 1 and 5),
      serious boolean not null,
      seriousness jsonb not null,
      relatedness jsonb not null,
      expected boolean,
      action_taken text not null,
      outcome text not null,
      awareness_date date,
      awareness_at timestamptz,
      narrative text,
      source text not null check (source in ('manual', 'lab-proposal')),
      created_at timestamptz not null default now(),
      created_by uuid references app_user (id),
      updated_at timestamptz not null default now(),
      updated_by uuid references app_user (id),
      unique (participant_id, ae_number)
    )`.execute(db);
  await sql`create index adverse_event_study_idx on adverse_event (study_id, serious)`.execute(db);

  await sql`
    create table adverse_event_revision (
      id bigint generated always as identity primary key,
      adverse_event_id uuid not null references adverse_event (id),
      version integer not null,
      data jsonb not null,
      reason text,
      changed_by uuid references app_user (id),
      changed_at timestamptz not null default now(),
      unique (adverse_event_id, version)
    )`.execute(db);
  await sql`create trigger adverse_event_revision_no_change before update or delete on adverse_event_revision
    for each row execute function refuse_change()`.execute(db);

  await sql`
    create table sae_report (
      id uuid primary key default gen_random_uuid(),
      adverse_event_id uuid not null references adverse_event (id),
      kind text not null check (kind in ('initial', 'follow-up', 'susar')),
      sent_at timestamptz not null,
      recipient text,
      reference text,
      note text,
      recorded_by uuid references app_user (id),
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sae_report_event_idx on sae_report (adverse_event_id)`.execute(db);
  await sql`create trigger sae_report_no_change before update or delete on sae_report
    for each row execute function refuse_change()`.execute(db);

  await sql`
    create table ae_proposal (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      site_id uuid not null references site (id),
      participant_id uuid not null references participant (id),
      form_record_id uuid not null references form_record (id),
      form_version integer not null,
      test text not null,
      value double precision not null,
      unit text not null,
      grade integer not null check (grade between 1 and 5),
      ctcae_term text not null,
      ctcae_version text not null,
      reason text not null,
      status text not null check (status in ('proposed', 'confirmed', 'dismissed')),
      decision_reason text,
      decided_by uuid references app_user (id),
      decided_at timestamptz,
      adverse_event_id uuid references adverse_event (id),
      created_at timestamptz not null default now(),
      unique (form_record_id, form_version, test),
      check ((status = 'confirmed') = (adverse_event_id is not null))
    )`.execute(db);
  await sql`create index ae_proposal_participant_idx on ae_proposal (participant_id, status)`.execute(db);

  await sql`
    create table dose_preparation (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      site_id uuid not null references site (id),
      participant_id uuid not null references participant (id),
      visit_key text not null,
      occurrence integer not null default 1 check (occurrence >= 1),
      dose_date date not null,
      intervention_id text not null,
      dose_level text,
      calculated_amount double precision,
      prepared_amount double precision,
      unit text,
      tolerance_percent double precision,
      deviation_percent double precision,
      within_tolerance boolean,
      deviation_reason text,
      lot text not null,
      volume_ml double precision not null check (volume_ml > 0),
      weight_kg double precision,
      calculation jsonb not null,
      modification jsonb,
      prepared_by uuid references app_user (id),
      prepared_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index dose_preparation_participant_idx on dose_preparation (participant_id)`.execute(db);

  await sql`
    create table dose_administration (
      id uuid primary key default gen_random_uuid(),
      preparation_id uuid not null unique references dose_preparation (id),
      participant_id uuid not null references participant (id),
      administered_at timestamptz not null,
      administered_date date not null,
      volume_ml double precision not null check (volume_ml >= 0),
      complete boolean not null,
      note text,
      recorded_by uuid references app_user (id),
      recorded_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table dlt_assessment (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      site_id uuid not null references site (id),
      participant_id uuid not null unique references participant (id),
      cohort text,
      version integer not null check (version >= 1),
      dlt boolean not null,
      dlt_date date,
      adverse_event_ids jsonb not null,
      comment text,
      evaluable boolean,
      first_dose_date date,
      window_end date,
      explanation text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by uuid references app_user (id),
      signed_by uuid references app_user (id),
      signed_at timestamptz,
      signed_version integer,
      check (dlt = (dlt_date is not null)),
      check ((signed_by is null) = (signed_at is null))
    )`.execute(db);

  await sql`
    create table escalation_decision (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      cohort integer not null check (cohort >= 1),
      level_id text not null,
      decision text not null,
      summary text not null,
      dlts integer not null check (dlts >= 0),
      evaluable integer not null check (evaluable >= dlts),
      next_level text,
      note text,
      confirmed_by uuid references app_user (id),
      confirmed_at timestamptz not null default now(),
      unique (study_id, cohort)
    )`.execute(db);
  await sql`create trigger escalation_decision_no_change before update or delete on escalation_decision
    for each row execute function refuse_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'escalation_decision',
    'dlt_assessment',
    'dose_administration',
    'dose_preparation',
    'ae_proposal',
    'sae_report',
    'adverse_event_revision',
    'adverse_event',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
