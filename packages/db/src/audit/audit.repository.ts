import type { Executor } from '../executor.js';

/** What a caller supplies for one audit row; sequence, time and hashes are set by the database. */
export interface AuditEventInput {
  readonly actorId: string | null;
  readonly actorName: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly studyId?: string | null;
  readonly siteId?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly reason?: string | null;
  readonly requestId?: string | null;
}

export interface AuditEventRow {
  readonly seq: number;
  readonly occurredAt: Date;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly studyId: string | null;
  readonly siteId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
  readonly requestId: string | null;
  readonly hash: string;
}

const toJson = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

export async function appendAuditEvent(
  db: Executor,
  event: AuditEventInput,
): Promise<{ seq: number; hash: string }> {
  const row = await db
    .insertInto('audit_event')
    .values({
      actor_id: event.actorId,
      actor_name: event.actorName,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      study_id: event.studyId ?? null,
      site_id: event.siteId ?? null,
      before: toJson(event.before),
      after: toJson(event.after),
      reason: event.reason ?? null,
      request_id: event.requestId ?? null,
    })
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash };
}

export interface AuditFilter {
  readonly studyId?: string | undefined;
  readonly entityType?: string | undefined;
  readonly entityId?: string | undefined;
  readonly afterSeq?: number | undefined;
  readonly limit: number;
}

export async function listAuditEvents(db: Executor, filter: AuditFilter): Promise<AuditEventRow[]> {
  let q = db.selectFrom('audit_event').selectAll();
  if (filter.studyId !== undefined) {
    q = q.where('study_id', '=', filter.studyId);
  }
  if (filter.entityType !== undefined) {
    q = q.where('entity_type', '=', filter.entityType);
  }
  if (filter.entityId !== undefined) {
    q = q.where('entity_id', '=', filter.entityId);
  }
  if (filter.afterSeq !== undefined) {
    q = q.where('seq', '>', String(filter.afterSeq));
  }
  const rows = await q.orderBy('seq').limit(filter.limit).execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    studyId: r.study_id,
    siteId: r.site_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
    requestId: r.request_id,
    hash: r.hash,
  }));
}
