import {
  insertDataQuery,
  insertQueryMessage,
  listFormQueries,
  setDataQueryStatus,
  type FormRecordRow,
  type ParticipantRow,
} from '@celltrial/db';
import type { AuditedTransaction } from '../audited-write.js';
import { sameValue } from './casebook-support.js';

/** A soft edit check that fired on save. */
export interface FiredCheck {
  readonly item: string;
  readonly check?: string | undefined;
  readonly rule: string;
  readonly message: string;
}

const checkKey = (c: { item: string; check?: string | undefined; rule: string }): string =>
  `${c.item}|${c.check ?? c.rule}`;

/**
 * Keeps the automatic queries of a form in step with its soft edit checks, inside the save's transaction:
 * - a check that fires with no open query on its item raises one (unless the same value was already queried
 *   and the query closed: a confirmed value is not queried again);
 * - an open or answered automatic query whose check no longer fires is closed by the system, with a message.
 */
export async function syncEditCheckQueries(
  tx: AuditedTransaction,
  params: {
    participant: ParticipantRow;
    form: FormRecordRow;
    fired: readonly FiredCheck[];
    values: Readonly<Record<string, unknown>>;
  },
): Promise<{ raised: number; closed: number }> {
  const { participant, form, fired, values } = params;
  const existing = (await listFormQueries(tx.trx, form.id)).filter((q) => q.origin === 'edit-check');
  const firing = new Map(fired.map((c) => [checkKey(c), c]));
  let raised = 0;
  let closed = 0;
  for (const check of firing.values()) {
    const same = existing.filter(
      (q) => q.item_id === check.item && q.check_id === (check.check ?? check.rule),
    );
    const active = same.some((q) => q.status === 'open' || q.status === 'answered');
    const confirmed = same.some(
      (q) => q.status === 'closed' && sameValue(q.item_value ?? undefined, values[check.item]),
    );
    if (active || confirmed) {
      continue;
    }
    const query = await insertDataQuery(tx.trx, {
      studyId: participant.study_id,
      siteId: participant.site_id,
      participantId: participant.id,
      formRecordId: form.id,
      itemId: check.item,
      origin: 'edit-check',
      checkId: check.check ?? check.rule,
      itemValue: values[check.item],
      openedBy: null,
    });
    await insertQueryMessage(tx.trx, {
      queryId: query.id,
      action: 'open',
      body: check.message,
      authorId: null,
    });
    await tx.audit({
      action: 'query.open',
      entityType: 'data_query',
      entityId: query.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: { origin: 'edit-check', check: query.check_id, item: check.item, message: check.message },
    });
    raised++;
  }
  for (const q of existing) {
    const stillFiring = [...firing.values()].some(
      (c) => c.item === q.item_id && (c.check ?? c.rule) === q.check_id,
    );
    if (stillFiring || (q.status !== 'open' && q.status !== 'answered')) {
      continue;
    }
    await setDataQueryStatus(tx.trx, { id: q.id, status: 'closed', resolved: true });
    const body = 'Closed by the system: the edit check no longer fires after the data were corrected.';
    await insertQueryMessage(tx.trx, { queryId: q.id, action: 'auto-close', body, authorId: null });
    await tx.audit({
      action: 'query.auto-close',
      entityType: 'data_query',
      entityId: q.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      before: { status: q.status },
      after: { status: 'closed' },
      reason: body,
    });
    closed++;
  }
  return { raised, closed };
}
