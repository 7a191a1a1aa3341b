import type { DataQueryView } from '@celltrial/contracts';
import { findFormDefinition, visibleSiteIds, type Permission } from '@celltrial/core';
import {
  findFormRecord,
  findParticipant,
  findDataQuery,
  findVisit,
  insertDataQuery,
  insertQueryMessage,
  listDataQueries,
  listParticipants,
  listSites,
  listStudyFormRecords,
  lockDataQuery,
  setDataQueryStatus,
  type DataQueryRow,
  type Executor,
  type ParticipantRow,
} from '@celltrial/db';
import { AppError, notFound } from '../../errors/app-error.js';
import { auditedWrite } from '../audited-write.js';
import { loadParticipantInScope, requireSiteAccess } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { participantNumberOf, toQueryViews } from './form-view.js';

export type QueryAction = 'answer' | 'close' | 'cancel' | 'reopen';

/** Who may do what to a query, and from which states (docs/casebook.md#queries). */
const ACTIONS: Record<
  QueryAction,
  { permission: Permission; from: readonly string[]; to: DataQueryRow['status'] }
> = {
  answer: { permission: 'query:answer', from: ['open'], to: 'answered' },
  close: { permission: 'query:raise', from: ['open', 'answered'], to: 'closed' },
  cancel: { permission: 'query:raise', from: ['open', 'answered'], to: 'cancelled' },
  reopen: { permission: 'query:raise', from: ['answered', 'closed'], to: 'open' },
};

async function viewOne(db: Executor, row: DataQueryRow, participant: ParticipantRow): Promise<DataQueryView> {
  const form = await findFormRecord(db, row.form_record_id);
  const visit =
    form?.visit_id === undefined || form.visit_id === null ? undefined : await findVisit(db, form.visit_id);
  const [view] = await toQueryViews(db, {
    rows: [row],
    participantNumber: () => participantNumberOf(participant),
    formOf: () => ({ formKey: form?.form_key ?? '', visitKey: visit?.visit_key ?? null }),
  });
  return view as DataQueryView;
}

/** A monitor or data manager raises a query on one item of a saved form. */
export async function raiseQuery(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string; formRecordId: string; itemId: string; text: string },
): Promise<DataQueryView> {
  const { participant } = await loadParticipantInScope(deps, actor, { ...params, permission: 'query:raise' });
  const form = await findFormRecord(deps.db, params.formRecordId);
  if (form?.participant_id !== participant.id) {
    throw notFound('form record');
  }
  const definition = findFormDefinition(form.form_key);
  const known = definition?.sections.some((s) => s.items.some((i) => i.id === params.itemId)) ?? false;
  if (!known) {
    throw new AppError('VALIDATION_FAILED', `the form '${form.form_key}' has no item '${params.itemId}'`, {
      issues: [
        { path: 'body.itemId', rule: 'known-item', message: `no item '${params.itemId}' on this form` },
      ],
    });
  }
  return auditedWrite(deps, actor, async (tx) => {
    const row = await insertDataQuery(tx.trx, {
      studyId: participant.study_id,
      siteId: participant.site_id,
      participantId: participant.id,
      formRecordId: form.id,
      itemId: params.itemId,
      origin: 'manual',
      checkId: null,
      itemValue: (form.item_values as Record<string, unknown>)[params.itemId],
      openedBy: actor.userId,
    });
    await insertQueryMessage(tx.trx, {
      queryId: row.id,
      action: 'open',
      body: params.text,
      authorId: actor.userId,
    });
    await tx.audit({
      action: 'query.open',
      entityType: 'data_query',
      entityId: row.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: { origin: 'manual', item: params.itemId, form: form.form_key, text: params.text },
    });
    return viewOne(tx.trx, row, participant);
  });
}

/** Answer (site), close, cancel or reopen (monitor / data manager) a query, with a message in its thread. */
export async function actOnQuery(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; queryId: string; action: QueryAction; text: string },
): Promise<DataQueryView> {
  const rule = ACTIONS[params.action];
  const found = await findDataQuery(deps.db, params.queryId);
  if (found?.study_id !== params.studyId) {
    throw notFound('query');
  }
  await loadParticipantInScope(deps, actor, {
    studyId: params.studyId,
    participantId: found.participant_id,
    permission: 'subject:read',
  });
  requireSiteAccess(actor, { studyId: params.studyId, siteId: found.site_id, permission: rule.permission });
  return auditedWrite(deps, actor, async (tx) => {
    const current = await lockDataQuery(tx.trx, params.queryId);
    if (current === undefined) {
      throw notFound('query');
    }
    if (!rule.from.includes(current.status)) {
      throw new AppError(
        'BUSINESS_RULE_VIOLATED',
        `a query that is ${current.status} cannot be ${params.action === 'answer' ? 'answered' : `${params.action}d`}`,
        { rule: 'query-workflow', status: current.status, allowedFrom: rule.from },
      );
    }
    const row = await setDataQueryStatus(tx.trx, {
      id: current.id,
      status: rule.to as 'open',
      resolved: rule.to === 'closed' || rule.to === 'cancelled',
    });
    await insertQueryMessage(tx.trx, {
      queryId: row.id,
      action: params.action,
      body: params.text,
      authorId: actor.userId,
    });
    await tx.audit({
      action: `query.${params.action}`,
      entityType: 'data_query',
      entityId: row.id,
      studyId: row.study_id,
      siteId: row.site_id,
      before: { status: current.status },
      after: { status: row.status, text: params.text },
    });
    const participant = (await findParticipant(tx.trx, row.participant_id)) as ParticipantRow;
    return viewOne(tx.trx, row, participant);
  });
}

/** The query dashboard: queries at the sites the actor may see, with counts per site and status. */
export async function listQueries(
  deps: ServiceDeps,
  actor: Actor,
  params: {
    studyId: string;
    status?: string | undefined;
    siteId?: string | undefined;
    participantId?: string | undefined;
  },
) {
  const visible =
    actor.principal === null ? [] : visibleSiteIds(actor.principal, 'subject:read', params.studyId);
  let siteIds: readonly string[] | 'all' = visible;
  if (params.siteId !== undefined) {
    siteIds = visible === 'all' || visible.includes(params.siteId) ? [params.siteId] : [];
  }
  const all = await listDataQueries(deps.db, {
    studyId: params.studyId,
    siteIds,
    participantId: params.participantId,
  });
  const rows = params.status === undefined ? all : all.filter((q) => q.status === params.status);
  const participants = new Map(
    (await listParticipants(deps.db, { studyId: params.studyId, siteIds })).map((p) => [p.id, p]),
  );
  const forms = new Map(
    (await listStudyFormRecords(deps.db, { studyId: params.studyId })).map((f) => [f.id, f]),
  );
  const queries = await toQueryViews(deps.db, {
    rows,
    participantNumber: (id) => {
      const p = participants.get(id);
      return p === undefined ? id : participantNumberOf(p);
    },
    formOf: (id) => ({ formKey: forms.get(id)?.form_key ?? '', visitKey: forms.get(id)?.visit_key ?? null }),
  });
  const sites = await listSites(deps.db, params.studyId);
  const bySite = sites
    .filter((s) => siteIds === 'all' || siteIds.includes(s.id))
    .map((s) => {
      const at = all.filter((q) => q.site_id === s.id);
      const count = (status: string) => at.filter((q) => q.status === status).length;
      return {
        siteId: s.id,
        siteCode: s.code,
        open: count('open'),
        answered: count('answered'),
        closed: count('closed'),
        cancelled: count('cancelled'),
      };
    });
  return { queries, bySite };
}
