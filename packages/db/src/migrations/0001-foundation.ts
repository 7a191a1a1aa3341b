import { sql, type Kysely } from 'kysely';

/**
 * Users, sessions, studies, sites, role assignments and the append-only, hash-chained audit trail.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_user (
      id uuid primary key default gen_random_uuid(),
      username text not null unique,
      display_name text not null,
      email text,
      password_hash text not null,
      is_system_admin boolean not null default false,
      disabled_at timestamptz,
      failed_login_count integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table user_session (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      user_id uuid not null references app_user (id),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      reauthenticated_at timestamptz,
      revoked_at timestamptz,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index user_session_user_idx on user_session (user_id)`.execute(db);

  await sql`
    create table study (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      title text not null,
      phase text,
      status text not null default 'draft',
      registry_ids jsonb not null default '[]',
      conditions jsonb not null default '[]',
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table site (
      id uuid primary key default gen_random_uuid(),
      study_id uuid not null references study (id),
      code text not null,
      name text not null,
      country text,
      created_at timestamptz not null default now(),
      unique (study_id, code)
    )`.execute(db);

  await sql`
    create table role_assignment (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user (id),
      study_id uuid not null references study (id),
      site_id uuid references site (id),
      role text not null,
      created_at timestamptz not null default now(),
      unique nulls not distinct (user_id, study_id, site_id, role)
    )`.execute(db);

  await sql`
    create table audit_event (
      seq bigint primary key,
      occurred_at timestamptz not null,
      actor_id uuid,
      actor_name text not null,
      action text not null,
      entity_type text not null,
      entity_id text,
      study_id uuid,
      site_id uuid,
      before jsonb,
      after jsonb,
      reason text,
      request_id text,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_event_entity_idx on audit_event (entity_type, entity_id)`.execute(db);
  await sql`create index audit_event_study_idx on audit_event (study_id, seq)`.execute(db);

  // The canonical text that is hashed: a JSON array of every column (jsonb output is deterministic),
  // with the time as integer microseconds since the epoch so the session time zone cannot change it.
  await sql`
    create function audit_event_canonical(e audit_event) returns text
    language sql immutable as $$
      select jsonb_build_array(
        e.seq, (extract(epoch from e.occurred_at) * 1000000)::bigint, e.actor_id, e.actor_name, e.action,
        e.entity_type, e.entity_id, e.study_id, e.site_id, e.before, e.after, e.reason, e.request_id
      )::text
    $$`.execute(db);

  // Chaining: serialise audit writers with a transaction-scoped advisory lock, then link to the last row.
  await sql`
    create function audit_event_chain() returns trigger
    language plpgsql as $$
    declare
      last_seq bigint;
      last_hash text;
    begin
      perform pg_advisory_xact_lock(742195001);
      select seq, hash into last_seq, last_hash from audit_event order by seq desc limit 1;
      new.seq := coalesce(last_seq, 0) + 1;
      new.prev_hash := coalesce(last_hash, repeat('0', 64));
      new.occurred_at := clock_timestamp();
      new.hash := encode(sha256(convert_to(new.prev_hash || audit_event_canonical(new), 'UTF8')), 'hex');
      return new;
    end
    $$`.execute(db);
  await sql`create trigger audit_event_chain before insert on audit_event for each row execute function audit_event_chain()`.execute(
    db,
  );

  await sql`
    create function audit_event_refuse_change() returns trigger
    language plpgsql as $$
    begin
      raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`create trigger audit_event_no_update before update or delete on audit_event for each row execute function audit_event_refuse_change()`.execute(
    db,
  );
  await sql`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_refuse_change()`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_event cascade`.execute(db);
  await sql`drop function if exists audit_event_canonical(audit_event)`.execute(db);
  await sql`drop function audit_event_refuse_change()`.execute(db);
  await sql`drop function audit_event_chain()`.execute(db);
  await sql`drop table role_assignment`.execute(db);
  await sql`drop table site`.execute(db);
  await sql`drop table study`.execute(db);
  await sql`drop table user_session`.execute(db);
  await sql`drop table app_user`.execute(db);
}
