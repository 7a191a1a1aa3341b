import type { AuditEventView } from '@celltrial/contracts';
import { listAuditEvents, verifyAuditChain, type AuditChainVerdict, type AuditFilter } from '@celltrial/db';
import type { ServiceDeps } from './service-context.js';

export async function listAudit(deps: ServiceDeps, filter: AuditFilter): Promise<AuditEventView[]> {
  const rows = await listAuditEvents(deps.db, filter);
  return rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() }));
}

export function verifyAudit(deps: ServiceDeps): Promise<AuditChainVerdict> {
  return verifyAuditChain(deps.db);
}
