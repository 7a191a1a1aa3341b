import { appendAuditEvent, type AuditEventInput, type Executor } from '@celltrial/db';
import type { Actor, ServiceDeps } from './service-context.js';

/** An audit entry as a service describes it; actor and request id are filled in from the Actor. */
export type AuditEntry = Omit<AuditEventInput, 'actorId' | 'actorName' | 'requestId'>;

export interface AuditedTransaction {
  readonly trx: Executor;
  /** Records one audit row inside the same transaction as the change. */
  audit(entry: AuditEntry): Promise<void>;
}

/**
 * Runs a change and its audit rows as one transaction: both commit or neither does. A write that
 * records no audit row is a programming error and is rolled back.
 */
export async function auditedWrite<T>(
  deps: ServiceDeps,
  actor: Actor,
  work: (tx: AuditedTransaction) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    let recorded = 0;
    const result = await work({
      trx,
      audit: async (entry) => {
        await appendAuditEvent(trx, {
          ...entry,
          actorId: actor.userId,
          actorName: actor.name,
          requestId: actor.requestId,
        });
        recorded++;
      },
    });
    if (recorded === 0) {
      throw new Error('auditedWrite: the change recorded no audit entry');
    }
    return result;
  });
}

/** Records a security event (failed login, refused access) in its own transaction. */
export async function recordSecurityEvent(deps: ServiceDeps, actor: Actor, entry: AuditEntry): Promise<void> {
  await appendAuditEvent(deps.db, {
    ...entry,
    actorId: actor.userId,
    actorName: actor.name,
    requestId: actor.requestId,
  });
}
