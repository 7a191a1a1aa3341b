import type { CasebookView, CasebookVisitView, FormSummaryView } from '@celltrial/contracts';
import { findFormDefinition, type Protocol } from '@celltrial/core';
import {
  listActiveLocks,
  listActiveSignatures,
  listActiveVerifications,
  listDataQueries,
  listFormRecords,
  listVisits,
  userDisplayNames,
  type DataLockRow,
  type FormRecordRow,
  type ParticipantRow,
} from '@celltrial/db';
import { loadParticipantInScope } from '../participant-access.js';
import { viewsFor } from '../participant.service.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { casebookCalendar } from './casebook-calendar.js';
import { formNameOf, lockCovering, protocolOfParticipant, todayOf } from './casebook-support.js';
import { toLockView, toSignatureView } from './form-view.js';

const SUMMARY_KEYS: readonly [string, string][] = [
  ['total', 'total'],
  ['fvcPercentPredicted', 'FVC % predicted'],
  ['edss', 'EDSS'],
  ['bmi', 'BMI'],
];

/** A short line for lists: the headline derived score, when the form has one. */
function summaryOf(row: FormRecordRow): string | null {
  const derived = row.derived as Record<string, { value: unknown } | undefined>;
  for (const [key, label] of SUMMARY_KEYS) {
    const value = derived[key]?.value;
    if (typeof value === 'number') {
      // Display only: the stored value is never rounded.
      return `${label} ${Number.isInteger(value) ? value : value.toFixed(1)}`;
    }
  }
  return null;
}

interface SummaryContext {
  readonly protocol: Protocol;
  readonly participant: ParticipantRow;
  readonly locks: readonly DataLockRow[];
  readonly openQueries: ReadonlyMap<string, number>;
  readonly verified: ReadonlyMap<string, ReadonlySet<string>>;
  readonly signed: ReadonlySet<string>;
}

function verificationLevel(verified: number, values: number): FormSummaryView['verification'] {
  if (verified === 0) {
    return 'none';
  }
  return verified >= values ? 'full' : 'partial';
}

function formSummary(ctx: SummaryContext, formKey: string, row: FormRecordRow | undefined): FormSummaryView {
  const verifiedItems = row === undefined ? undefined : ctx.verified.get(row.id);
  const valueCount = row === undefined ? 0 : Object.keys(row.item_values as object).length;
  return {
    formKey,
    name: formNameOf(ctx.protocol, formKey),
    formRecordId: row?.id ?? null,
    entryNumber: row?.entry_number ?? 1,
    status: row === undefined ? 'not-started' : (row.status as 'incomplete' | 'complete'),
    version: row?.version ?? 0,
    openQueries: row === undefined ? 0 : (ctx.openQueries.get(row.id) ?? 0),
    verification: verificationLevel(verifiedItems?.size ?? 0, valueCount),
    signed: row !== undefined && ctx.signed.has(row.id),
    locked:
      lockCovering(ctx.locks, {
        participantId: ctx.participant.id,
        visitId: row?.visit_id ?? null,
        formRecordId: row?.id ?? null,
      }) !== undefined,
    updatedAt: row?.updated_at.toISOString() ?? null,
    summary: row === undefined ? null : summaryOf(row),
  };
}

const isLog = (formKey: string): boolean => findFormDefinition(formKey)?.kind === 'log';

/** A participant's casebook: the calendar with each visit's forms, the logs, locks, signature and queries. */
export async function getCasebook(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string },
): Promise<CasebookView> {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:read',
  });
  const protocol = await protocolOfParticipant(deps.db, participant);
  const today = todayOf(deps);
  const [visits, forms, locks, signatures, queries] = await Promise.all([
    listVisits(deps.db, participant.id),
    listFormRecords(deps.db, participant.id),
    listActiveLocks(deps.db, participant.study_id),
    listActiveSignatures(deps.db, participant.id),
    listDataQueries(deps.db, {
      studyId: participant.study_id,
      siteIds: 'all',
      participantId: participant.id,
    }),
  ]);
  const verifications = await listActiveVerifications(
    deps.db,
    forms.map((f) => f.id),
  );
  const openQueries = new Map<string, number>();
  for (const q of queries.filter((q) => q.status === 'open' || q.status === 'answered')) {
    openQueries.set(q.form_record_id, (openQueries.get(q.form_record_id) ?? 0) + 1);
  }
  const verified = new Map<string, Set<string>>();
  for (const v of verifications) {
    verified.set(v.form_record_id, (verified.get(v.form_record_id) ?? new Set()).add(v.item_id));
  }
  const ctx: SummaryContext = {
    protocol,
    participant,
    locks,
    openQueries,
    verified,
    signed: new Set(signatures.filter((s) => s.scope === 'form').map((s) => s.form_record_id ?? '')),
  };
  const calendar = await casebookCalendar(deps.db, { participant, protocol, visits, today });
  const visitViews: CasebookVisitView[] = [];
  const visitRowFor = (key: string, occurrence: number | null) =>
    visits.find((v) => !v.unscheduled && v.visit_key === key && v.occurrence === (occurrence ?? 1));
  if (calendar.kind === 'ok') {
    for (const entry of calendar.visits) {
      const unscheduledRow = visits.find((v) => v.unscheduled && v.id === entry.unscheduled?.id);
      const row = unscheduledRow ?? visitRowFor(entry.visit, entry.occurrence ?? null);
      const atVisit = forms.filter((f) => row !== undefined && f.visit_id === row.id);
      const keys = [...new Set([...entry.forms.filter((k) => !isLog(k)), ...atVisit.map((f) => f.form_key)])];
      visitViews.push({
        visitKey: row?.visit_key ?? entry.visit,
        occurrence: entry.occurrence ?? null,
        name: entry.name,
        epoch: entry.epoch,
        unscheduled: row?.unscheduled ?? false,
        plannedDate: row?.unscheduled === true ? null : entry.plannedDate,
        windowStart: row?.unscheduled === true ? null : entry.windowStart,
        windowEnd: row?.unscheduled === true ? null : entry.windowEnd,
        anchorSource: row?.unscheduled === true ? null : entry.anchorSource,
        actualDate: row?.actual_date ?? entry.actualDate ?? null,
        status: entry.status,
        days: entry.days,
        visitId: row?.id ?? null,
        rowVersion: row?.row_version ?? 0,
        reason: row?.reason ?? null,
        outOfWindowReason: row?.out_of_window_reason ?? null,
        locked:
          row !== undefined &&
          lockCovering(locks, { participantId: participant.id, visitId: row.id, formRecordId: null }) !==
            undefined,
        forms: keys.map((k) =>
          formSummary(
            ctx,
            k,
            atVisit.find((f) => f.form_key === k),
          ),
        ),
      });
    }
  }
  const logKeys = protocol.forms.map((f) => f.id).filter(isLog);
  const names = await userDisplayNames(deps.db, [
    ...locks.map((l) => l.locked_by),
    ...signatures.map((s) => s.signed_by),
  ]);
  const casebookSignature = signatures.find((s) => s.scope === 'casebook');
  const [participantView] = await viewsFor(deps, actor, [participant]);
  return {
    participant: participantView as CasebookView['participant'],
    synthetic: participant.synthetic,
    asOf: today,
    visits: visitViews,
    logs: logKeys.map((k) => ({
      formKey: k,
      name: formNameOf(protocol, k),
      entries: forms
        .filter((f) => f.form_key === k && f.visit_id === null)
        .sort((a, b) => a.entry_number - b.entry_number)
        .map((f) => formSummary(ctx, k, f)),
    })),
    locks: locks
      .filter((l) => l.scope === 'study' || l.participant_id === participant.id)
      .map((l) => toLockView(l, names)),
    signature: casebookSignature === undefined ? null : toSignatureView(casebookSignature, names),
    openQueries: [...openQueries.values()].reduce((a, b) => a + b, 0),
    calendarNote: calendar.kind === 'ok' ? null : calendar.note,
  };
}
