import { sql } from 'kysely';
import type { Executor } from '../executor.js';

/** Tables whose every row must have been created by an audited write, with the audit entity type. */
const AUDITED_TABLES = [
  { table: 'app_user', entityType: 'user' },
  { table: 'user_session', entityType: 'session' },
  { table: 'site', entityType: 'site' },
  { table: 'study', entityType: 'study' },
  { table: 'role_assignment', entityType: 'role_assignment' },
  { table: 'protocol_version', entityType: 'protocol_version' },
  { table: 'participant', entityType: 'participant' },
  { table: 'screening_record', entityType: 'screening_record' },
  { table: 'eligibility_assessment', entityType: 'eligibility_assessment' },
  { table: 'allocation', entityType: 'allocation' },
  { table: 'unblinding_event', entityType: 'unblinding_event' },
  { table: 'visit', entityType: 'visit' },
  { table: 'form_record', entityType: 'form_record' },
  { table: 'data_query', entityType: 'data_query' },
  { table: 'source_verification', entityType: 'source_verification' },
  { table: 'signature', entityType: 'signature' },
  { table: 'data_lock', entityType: 'data_lock' },
  { table: 'site_lab_range', entityType: 'site_lab_range' },
  { table: 'reference_table', entityType: 'reference_table' },
  { table: 'adverse_event', entityType: 'adverse_event' },
  { table: 'sae_report', entityType: 'sae_report' },
  { table: 'ae_proposal', entityType: 'ae_proposal' },
  { table: 'dose_preparation', entityType: 'dose_preparation' },
  { table: 'dose_administration', entityType: 'dose_administration' },
  { table: 'dlt_assessment', entityType: 'dlt_assessment' },
  { table: 'escalation_decision', entityType: 'escalation_decision' },
] as const;

/**
 * Lists rows that have no audit event naming them: a write path that skipped the audit trail.
 * Test helpers call it when a test file closes its database.
 */
export async function findUnauditedRows(db: Executor): Promise<string[]> {
  const missing: string[] = [];
  for (const { table, entityType } of AUDITED_TABLES) {
    const { rows } = await sql<{ id: string }>`
      select t.id::text as id from ${sql.table(table)} t
      where not exists (select 1 from audit_event a where a.entity_type = ${entityType} and a.entity_id = t.id::text)`.execute(
      db,
    );
    missing.push(...rows.map((r) => `${table} ${r.id}`));
  }
  return missing;
}
