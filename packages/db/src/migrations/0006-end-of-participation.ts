import { sql, type Kysely } from 'kysely';

/**
 * The end of a participant's time in the study: the date, why (completed, withdrawn, died, lost to follow-up) and
 * a note. Visits after it are no longer expected in the casebook calendar.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table participant add column ended_on date`.execute(db);
  await sql`alter table participant add column end_reason text
    check (end_reason in ('completed', 'withdrawn', 'died', 'lost-to-follow-up'))`.execute(db);
  await sql`alter table participant add column end_note text`.execute(db);
  await sql`alter table participant add constraint participant_end_complete
    check ((ended_on is null) = (end_reason is null))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table participant drop constraint participant_end_complete`.execute(db);
  for (const column of ['end_note', 'end_reason', 'ended_on']) {
    await sql`alter table participant drop column ${sql.ref(column)}`.execute(db);
  }
}
