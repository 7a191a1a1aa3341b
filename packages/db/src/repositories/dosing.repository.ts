import type { Selectable } from 'kysely';
import type { DoseAdministrationTable, DosePreparationTable } from '../safety-database-types.js';
import type { Executor } from '../executor.js';

export type DosePreparationRow = Selectable<DosePreparationTable>;
export type DoseAdministrationRow = Selectable<DoseAdministrationTable>;

export async function listDosePreparations(
  db: Executor,
  participantId: string,
): Promise<DosePreparationRow[]> {
  return db
    .selectFrom('dose_preparation')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('dose_date')
    .orderBy('prepared_at')
    .execute();
}

export async function findDosePreparation(db: Executor, id: string): Promise<DosePreparationRow | undefined> {
  return db.selectFrom('dose_preparation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDosePreparation(
  db: Executor,
  r: {
    studyId: string;
    siteId: string;
    participantId: string;
    visitKey: string;
    occurrence: number;
    doseDate: string;
    interventionId: string;
    doseLevel: string | null;
    calculatedAmount: number | null;
    preparedAmount: number | null;
    unit: string | null;
    tolerancePercent: number | null;
    deviationPercent: number | null;
    withinTolerance: boolean | null;
    deviationReason: string | null;
    lot: string;
    volumeMl: number;
    weightKg: number | null;
    calculation: unknown;
    modification: unknown;
    userId: string | null;
  },
): Promise<DosePreparationRow> {
  return db
    .insertInto('dose_preparation')
    .values({
      study_id: r.studyId,
      site_id: r.siteId,
      participant_id: r.participantId,
      visit_key: r.visitKey,
      occurrence: r.occurrence,
      dose_date: r.doseDate,
      intervention_id: r.interventionId,
      dose_level: r.doseLevel,
      calculated_amount: r.calculatedAmount,
      prepared_amount: r.preparedAmount,
      unit: r.unit,
      tolerance_percent: r.tolerancePercent,
      deviation_percent: r.deviationPercent,
      within_tolerance: r.withinTolerance,
      deviation_reason: r.deviationReason,
      lot: r.lot,
      volume_ml: r.volumeMl,
      weight_kg: r.weightKg,
      calculation: JSON.stringify(r.calculation),
      modification: r.modification === null ? null : JSON.stringify(r.modification),
      prepared_by: r.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listDoseAdministrations(
  db: Executor,
  participantIds: readonly string[],
): Promise<DoseAdministrationRow[]> {
  if (participantIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('dose_administration')
    .selectAll()
    .where('participant_id', 'in', [...participantIds])
    .orderBy('administered_at')
    .execute();
}

export async function findAdministrationOfPreparation(
  db: Executor,
  preparationId: string,
): Promise<DoseAdministrationRow | undefined> {
  return db
    .selectFrom('dose_administration')
    .selectAll()
    .where('preparation_id', '=', preparationId)
    .executeTakeFirst();
}

export async function insertDoseAdministration(
  db: Executor,
  r: {
    preparationId: string;
    participantId: string;
    administeredAt: string;
    administeredDate: string;
    volumeMl: number;
    complete: boolean;
    note: string | null;
    userId: string | null;
  },
): Promise<DoseAdministrationRow> {
  return db
    .insertInto('dose_administration')
    .values({
      preparation_id: r.preparationId,
      participant_id: r.participantId,
      administered_at: r.administeredAt,
      administered_date: r.administeredDate,
      volume_ml: r.volumeMl,
      complete: r.complete,
      note: r.note,
      recorded_by: r.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
