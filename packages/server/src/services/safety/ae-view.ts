import type { AdverseEventView, SaeReportView } from '@celltrial/contracts';
import {
  isRelatedToAnything,
  susarStatus,
  type AdverseEventRelatedness,
  type AeActionTaken,
  type AeOutcome,
  type SeriousnessCriterion,
} from '@celltrial/core';
import {
  listSaeReports,
  proposalsOfAdverseEvents,
  userDisplayNames,
  type AdverseEventRow,
  type AdverseEventState,
  type Executor,
  type SaeReportRow,
} from '@celltrial/db';
import { saeClockOf } from './sae-clock-view.js';

/** The stored state of an AE row (what a revision snapshot holds). */
export function stateOf(row: AdverseEventRow): AdverseEventState {
  return {
    term: row.term,
    ctcaeTerm: row.ctcae_term,
    soc: row.soc,
    onsetDate: row.onset_date,
    resolutionDate: row.resolution_date,
    ongoing: row.ongoing,
    grade: row.grade,
    serious: row.serious,
    seriousness: row.seriousness as string[],
    relatedness: row.relatedness as AdverseEventState['relatedness'],
    expected: row.expected,
    actionTaken: row.action_taken,
    outcome: row.outcome,
    awarenessDate: row.awareness_date,
    awarenessAt: row.awareness_at === null ? null : row.awareness_at.toISOString(),
    narrative: row.narrative,
  };
}

export function relatednessOf(row: AdverseEventRow): AdverseEventRelatedness {
  return row.relatedness as AdverseEventRelatedness;
}

export function susarOf(row: AdverseEventRow) {
  return susarStatus({ serious: row.serious, relatedness: relatednessOf(row), expected: row.expected });
}

function reportView(r: SaeReportRow, names: Map<string, string>): SaeReportView {
  return {
    id: r.id,
    kind: r.kind as SaeReportView['kind'],
    sentAt: r.sent_at.toISOString(),
    recipient: r.recipient,
    reference: r.reference,
    note: r.note,
    recordedBy: r.recorded_by === null ? null : (names.get(r.recorded_by) ?? null),
    recordedAt: r.recorded_at.toISOString(),
  };
}

/** AE rows as the API shows them (no arm: the same for blinded and unblinded users), with clocks as of `now`. */
export async function toAdverseEventViews(
  db: Executor,
  params: {
    rows: readonly AdverseEventRow[];
    participantNumber: (participantId: string) => string;
    now: Date;
  },
): Promise<AdverseEventView[]> {
  const ids = params.rows.map((r) => r.id);
  const [reports, proposals] = await Promise.all([
    listSaeReports(db, ids),
    proposalsOfAdverseEvents(db, ids),
  ]);
  const names = await userDisplayNames(db, [
    ...params.rows.flatMap((r) => [r.created_by, r.updated_by]),
    ...reports.map((r) => r.recorded_by),
  ]);
  const nameOf = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? null));
  return params.rows.map((row) => {
    const own = reports.filter((r) => r.adverse_event_id === row.id);
    const relatedness = relatednessOf(row);
    const susar = susarOf(row);
    return {
      id: row.id,
      studyId: row.study_id,
      siteId: row.site_id,
      participantId: row.participant_id,
      participantNumber: params.participantNumber(row.participant_id),
      aeNumber: row.ae_number,
      version: row.version,
      term: row.term,
      ctcaeTerm: row.ctcae_term,
      soc: row.soc,
      onsetDate: row.onset_date,
      resolutionDate: row.resolution_date,
      ongoing: row.ongoing,
      grade: row.grade,
      serious: row.serious,
      seriousness: row.seriousness as SeriousnessCriterion[],
      relatedness: { product: relatedness.product, procedures: { ...relatedness.procedures } },
      expected: row.expected,
      actionTaken: row.action_taken as AeActionTaken,
      outcome: row.outcome as AeOutcome,
      awarenessDate: row.awareness_date,
      awarenessAt: row.awareness_at === null ? null : row.awareness_at.toISOString(),
      narrative: row.narrative,
      related: isRelatedToAnything({ relatedness }),
      susar,
      source: row.source as AdverseEventView['source'],
      proposalId: proposals.get(row.id) ?? null,
      clock: saeClockOf({ row, susar, reports: own, now: params.now }),
      reports: own.map((r) => reportView(r, names)),
      createdAt: row.created_at.toISOString(),
      createdBy: nameOf(row.created_by),
      updatedAt: row.updated_at.toISOString(),
      updatedBy: nameOf(row.updated_by),
    };
  });
}
