import {
  isRelated,
  type AdverseEventRelatedness,
  type DoseHistory,
  type HistoryMeasure,
} from '@celltrial/core';
import {
  findDltAssessment,
  latestScreeningRecord,
  listAdverseEvents,
  listDoseAdministrations,
  listDosePreparations,
  listFormRecords,
  listVisits,
  type Executor,
  type ParticipantRow,
} from '@celltrial/db';
import { isSigned } from './escalation-cohorts.js';

/** A participant's forms of one kind with the dates of their visits (undated forms left out). */
async function datedForms(
  db: Executor,
  params: { participantId: string; formKey: string },
): Promise<
  { date: string; values: Record<string, unknown>; derived: Record<string, { value: unknown } | undefined> }[]
> {
  const [records, visits] = await Promise.all([
    listFormRecords(db, params.participantId),
    listVisits(db, params.participantId),
  ]);
  const dateOf = new Map(visits.map((v) => [v.id, v.actual_date]));
  return records
    .filter((r) => r.form_key === params.formKey && r.visit_id !== null)
    .flatMap((r) => {
      const date = dateOf.get(r.visit_id ?? '') ?? null;
      return date === null
        ? []
        : [
            {
              date,
              values: r.item_values as Record<string, unknown>,
              derived: r.derived as Record<string, { value: unknown } | undefined>,
            },
          ];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

export interface WeightFound {
  readonly weightKg: number;
  readonly source: 'vital-signs' | 'screening';
  readonly date: string | null;
}

/** The weight for a dose on `onDate`: the latest vital-signs weight on or before it, else the screening record's. */
export async function weightForDose(
  db: Executor,
  params: { participant: ParticipantRow; onDate: string },
): Promise<WeightFound | null> {
  const vitals = (await datedForms(db, { participantId: params.participant.id, formKey: 'vital-signs' }))
    .filter((f) => f.date <= params.onDate && typeof f.values['weightKg'] === 'number')
    .at(-1);
  if (vitals !== undefined) {
    return { weightKg: vitals.values['weightKg'] as number, source: 'vital-signs', date: vitals.date };
  }
  const screening = (await latestScreeningRecord(db, params.participant.id))?.data as
    Record<string, unknown> | undefined;
  const weight = screening?.['weightKg'];
  return typeof weight === 'number' ? { weightKg: weight, source: 'screening', date: null } : null;
}

/** Measures the dose-modification rules may look at, from forms: ALSFRS-R totals by visit date. */
async function measuresOf(db: Executor, participantId: string): Promise<HistoryMeasure[]> {
  const out: HistoryMeasure[] = [];
  for (const f of await datedForms(db, { participantId, formKey: 'alsfrs-r' })) {
    const total = f.derived['total']?.value;
    if (typeof total === 'number') {
      out.push({ measure: 'alsfrs-r', date: f.date, value: total });
    }
  }
  return out;
}

/**
 * What happened to the participant, for `evaluateDoseModification`: administered doses of the intervention (date
 * and prepared level), AEs with causality to the product and to any procedure, the signed DLT assessment and
 * ALSFRS-R totals.
 */
export async function doseHistoryOf(
  db: Executor,
  params: { participant: ParticipantRow; interventionId: string },
): Promise<DoseHistory> {
  const { participant } = params;
  const [preparations, administrations, aes, dlt, measures] = await Promise.all([
    listDosePreparations(db, participant.id),
    listDoseAdministrations(db, [participant.id]),
    listAdverseEvents(db, participant.id),
    findDltAssessment(db, participant.id),
    measuresOf(db, participant.id),
  ]);
  const prepById = new Map(preparations.map((p) => [p.id, p]));
  const doses = administrations.flatMap((a) => {
    const prep = prepById.get(a.preparation_id);
    return prep?.intervention_id === params.interventionId && prep.dose_level !== null
      ? [{ date: a.administered_date, level: prep.dose_level }]
      : [];
  });
  return {
    doses,
    adverseEvents: aes.map((ae) => {
      const r = ae.relatedness as AdverseEventRelatedness;
      return {
        onsetDate: ae.onset_date,
        grade: ae.grade,
        relatedProduct: r.product !== null && isRelated(r.product),
        relatedProcedure: Object.values(r.procedures).some(isRelated),
        term: ae.ctcae_term ?? ae.term,
      };
    }),
    dlts: isSigned(dlt) && dlt.dlt && dlt.dlt_date !== null ? [{ date: dlt.dlt_date, dlt: true }] : [],
    measures,
  };
}
