import type { FormContext, LabReferenceRange, LabUnit, Protocol } from '@celltrial/core';
import {
  latestScreeningRecord,
  listFormRecords,
  listSiteLabRanges,
  listVisits,
  type Executor,
  type ParticipantRow,
} from '@celltrial/db';
import { latestGliTables } from '../reference-table.service.js';

type Values = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Completed years between two ISO dates. */
export function completedYears(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

interface DatedValues {
  readonly date: string | null;
  readonly values: Values;
}

/** The participant's forms of one kind with their visit dates, oldest first. */
async function datedForms(db: Executor, participantId: string, formKey: string): Promise<DatedValues[]> {
  const [records, visits] = await Promise.all([
    listFormRecords(db, participantId),
    listVisits(db, participantId),
  ]);
  const dateOf = new Map(visits.map((v) => [v.id, v.actual_date]));
  return records
    .filter((r) => r.form_key === formKey)
    .map((r) => ({
      date: r.visit_id === null ? null : (dateOf.get(r.visit_id) ?? null),
      values: r.item_values as Values,
    }))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

/**
 * What the form engine needs to know about the participant to derive scores: sex, age and height for
 * spirometry, symptom onset for ΔFRS, the site's laboratory reference ranges, the protocol's CTCAE version and the
 * latest loaded GLI lookup table of each edition (reference-table.service.ts).
 * Demographics come from the demographics form, else from the screening record; height from the latest vital
 * signs on or before the visit.
 */
export async function buildFormContext(
  db: Executor,
  params: { participant: ParticipantRow; protocol: Protocol; visitDate: string | null },
): Promise<FormContext> {
  const { participant, protocol, visitDate } = params;
  const screening = ((await latestScreeningRecord(db, participant.id))?.data ?? {}) as Values;
  const diagnosis = (screening['diagnosis'] ?? {}) as Values;
  const demographics = (await datedForms(db, participant.id, 'demographics'))[0]?.values ?? {};
  const vitals = (await datedForms(db, participant.id, 'vital-signs')).filter(
    (f) => visitDate === null || f.date === null || f.date <= visitDate,
  );
  const latestHeight = vitals
    .map((f) => num(f.values['heightCm']))
    .filter((h) => h !== undefined)
    .at(-1);
  const sex = str(demographics['sex']) ?? str(screening['sex']);
  const birthDate = str(demographics['birthDate']) ?? str(screening['birthDate']);
  const heightCm = latestHeight ?? num(demographics['heightCm']) ?? num(screening['heightCm']);
  const ranges = await listSiteLabRanges(db, participant.site_id);
  const labRanges: LabReferenceRange[] = ranges.map((r) => ({
    test: r.test,
    unit: r.unit as LabUnit,
    ...(r.lln === null ? {} : { lln: r.lln }),
    ...(r.uln === null ? {} : { uln: r.uln }),
    ...(r.sex === null ? {} : { sex: r.sex as 'female' | 'male' }),
    ...(r.age_min === null ? {} : { ageMin: r.age_min }),
    ...(r.age_max === null ? {} : { ageMax: r.age_max }),
    ...(r.source === null ? {} : { source: r.source }),
  }));
  const gliTables = await latestGliTables(db);
  const context: FormContext = {
    ...(sex === 'male' || sex === 'female' ? { sex } : {}),
    ...(birthDate === undefined ? {} : { birthDate }),
    ...(birthDate !== undefined && visitDate !== null
      ? { ageYears: completedYears(birthDate, visitDate) }
      : {}),
    ...(heightCm === undefined ? {} : { heightCm }),
    ...(str(demographics['ethnicity']) === undefined ? {} : { ethnicity: str(demographics['ethnicity']) }),
    ...(() => {
      const onset = str(demographics['symptomOnsetDate']) ?? str(diagnosis['symptomOnsetDate']);
      return onset === undefined ? {} : { symptomOnsetDate: onset };
    })(),
    ...(visitDate === null ? {} : { assessmentDate: visitDate }),
    labRanges,
    ctcaeVersion: protocol.safety.ctcaeVersion,
    ...(gliTables.length === 0 ? {} : { gliTables }),
  };
  return context;
}
