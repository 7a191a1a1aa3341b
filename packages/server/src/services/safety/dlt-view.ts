import type { DltAssessmentView } from '@celltrial/contracts';
import type { DltAssessmentRow, ParticipantRow } from '@celltrial/db';
import { participantNumberOf } from '../casebook/form-view.js';
import { isSigned } from './escalation-cohorts.js';

/** A DLT assessment as the API shows it; `signedBy`/`signedAt` only while the signature is of the current version. */
export function toDltAssessmentView(
  row: DltAssessmentRow,
  params: { participant: ParticipantRow; names: Map<string, string> },
): DltAssessmentView {
  const name = (id: string | null): string | null => (id === null ? null : (params.names.get(id) ?? null));
  const signed = isSigned(row);
  return {
    id: row.id,
    participantId: row.participant_id,
    participantNumber: participantNumberOf(params.participant),
    cohort: row.cohort,
    version: row.version,
    dlt: row.dlt,
    dltDate: row.dlt_date,
    adverseEventIds: row.adverse_event_ids as string[],
    comment: row.comment,
    evaluable: row.evaluable,
    firstDoseDate: row.first_dose_date,
    windowEnd: row.window_end,
    explanation: row.explanation,
    decidedBy: signed ? name(row.signed_by) : null,
    updatedAt: row.updated_at.toISOString(),
    signedBy: signed ? name(row.signed_by) : null,
    signedAt: signed && row.signed_at !== null ? row.signed_at.toISOString() : null,
  };
}
