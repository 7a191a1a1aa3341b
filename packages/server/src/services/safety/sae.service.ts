import type { AdverseEventView, SaeListEntryView } from '@celltrial/contracts';
import {
  insertSaeReport,
  listParticipants,
  listSaeReports,
  listSites,
  listStudyAdverseEvents,
  lockAdverseEvent,
} from '@celltrial/db';
import { notFound } from '../../errors/app-error.js';
import { auditedWrite } from '../audited-write.js';
import { participantNumberOf } from '../casebook/form-view.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { loadAdverseEvent, viewOf } from './adverse-event.service.js';
import { susarOf, toAdverseEventViews } from './ae-view.js';
import { recordInvalid, ruleViolated, siteScope } from './safety-support.js';

export interface SaeReportInput {
  readonly studyId: string;
  readonly participantId: string;
  readonly aeId: string;
  readonly kind: 'initial' | 'follow-up' | 'susar';
  readonly sentAt: string;
  readonly recipient?: string | undefined;
  readonly reference?: string | undefined;
  readonly note?: string | undefined;
}

/**
 * Records that a report of a serious AE was sent (initial, follow-up, or the SUSAR expedited report). The first
 * initial and SUSAR reports stop their clocks. Refused: a non-serious AE, a SUSAR report for an event that is not
 * a SUSAR, a follow-up before the initial report, a time in the future or before awareness.
 */
export async function recordSaeReport(
  deps: ServiceDeps,
  actor: Actor,
  input: SaeReportInput,
): Promise<AdverseEventView> {
  const { participant, row: loaded } = await loadAdverseEvent(deps, actor, {
    ...input,
    permission: 'safety:write',
  });
  const now = deps.clock.now();
  return auditedWrite(deps, actor, async (tx) => {
    const row = await lockAdverseEvent(tx.trx, loaded.id);
    if (row === undefined) {
      throw notFound('adverse event');
    }
    if (!row.serious) {
      throw ruleViolated(
        'serious-only',
        'only a serious adverse event is reported to the sponsor (mark it serious first)',
      );
    }
    if (input.kind === 'susar' && susarOf(row) !== 'susar') {
      throw ruleViolated(
        'susar-only',
        `a SUSAR report needs a serious, product-related, unexpected event; this one is ${susarOf(row)}`,
      );
    }
    const existing = await listSaeReports(tx.trx, [row.id]);
    if (input.kind === 'follow-up' && !existing.some((r) => r.kind === 'initial')) {
      throw ruleViolated('initial-first', 'record the initial report before a follow-up');
    }
    const sent = new Date(input.sentAt);
    const problems = [];
    if (sent.getTime() > now.getTime()) {
      problems.push({
        path: 'sentAt',
        rule: 'not-in-future',
        message: `sentAt ${input.sentAt} is in the future`,
      });
    }
    if (row.awareness_at !== null && sent.getTime() < row.awareness_at.getTime()) {
      problems.push({
        path: 'sentAt',
        rule: 'not-before-awareness',
        message: `sentAt ${input.sentAt} is before the site became aware (${row.awareness_at.toISOString()})`,
      });
    }
    if (problems.length > 0) {
      throw recordInvalid('SAE report', problems);
    }
    const report = await insertSaeReport(tx.trx, {
      adverseEventId: row.id,
      kind: input.kind,
      sentAt: sent.toISOString(),
      recipient: input.recipient ?? null,
      reference: input.reference ?? null,
      note: input.note ?? null,
      userId: actor.userId,
    });
    await tx.audit({
      action: 'sae-report.record',
      entityType: 'sae_report',
      entityId: report.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: {
        adverseEventId: row.id,
        kind: input.kind,
        sentAt: report.sent_at.toISOString(),
        recipient: report.recipient,
        reference: report.reference,
      },
    });
    return viewOf(tx.trx, { row, participant, now });
  });
}

/** Every SAE of the study in the sites the actor can see, with its deadlines; overdue first, then nearest due. */
export async function listStudySaes(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; siteId?: string | undefined; overdueOnly?: 'true' | 'false' | undefined },
) {
  const siteIds = siteScope(actor, params);
  const [rows, participants, sites] = await Promise.all([
    listStudyAdverseEvents(deps.db, { studyId: params.studyId, seriousOnly: true, siteIds }),
    listParticipants(deps.db, { studyId: params.studyId, siteIds }),
    listSites(deps.db, params.studyId),
  ]);
  const numbers = new Map(participants.map((p) => [p.id, participantNumberOf(p)]));
  const siteCodes = new Map(sites.map((s) => [s.id, s.code]));
  const now = deps.clock.now();
  const views = await toAdverseEventViews(deps.db, {
    rows,
    participantNumber: (id) => numbers.get(id) ?? '',
    now,
  });
  const entries: SaeListEntryView[] = views.flatMap((v) =>
    v.clock === null
      ? []
      : [
          {
            adverseEventId: v.id,
            participantId: v.participantId,
            participantNumber: v.participantNumber,
            siteId: v.siteId,
            siteCode: siteCodes.get(v.siteId) ?? '',
            aeNumber: v.aeNumber,
            term: v.term,
            ctcaeTerm: v.ctcaeTerm,
            grade: v.grade,
            onsetDate: v.onsetDate,
            seriousness: v.seriousness,
            susar: v.susar,
            outcome: v.outcome,
            clock: v.clock,
            reportCount: v.reports.length,
          },
        ],
  );
  const nextDue = (e: SaeListEntryView): string =>
    [e.clock.initial, e.clock.susar]
      .filter((d) => d !== null && (d.status === 'pending' || d.status === 'overdue'))
      .map((d) => d?.due ?? '')
      .sort()[0] ?? '9999';
  entries.sort(
    (a, b) =>
      Number(b.clock.overdue) - Number(a.clock.overdue) ||
      nextDue(a).localeCompare(nextDue(b)) ||
      a.participantNumber.localeCompare(b.participantNumber) ||
      a.aeNumber - b.aeNumber,
  );
  const shown = params.overdueOnly === 'true' ? entries.filter((e) => e.clock.overdue) : entries;
  return { asOf: now.toISOString(), events: shown, overdue: entries.filter((e) => e.clock.overdue).length };
}
