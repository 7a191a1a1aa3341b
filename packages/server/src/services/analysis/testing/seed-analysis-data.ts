import { insertFormRecord, insertVisit } from '@celltrial/db';
import { auditedWrite } from '../../audited-write.js';
import type { Actor, ServiceDeps } from '../../service-context.js';

/** One dated visit of a test participant with the values the analysis reads. */
export interface SeedVisit {
  readonly visitKey: string;
  readonly date: string;
  /** ALSFRS-R total (stored as the form's derived `total`, as the casebook engine stores it). */
  readonly alsfrs?: number;
  /** FVC % predicted (spirometry derived `fvcPercentPredicted`). */
  readonly fvc?: number;
  /** Item values of a survival-status form. */
  readonly survival?: Record<string, unknown>;
  /** Item values of a demographics form. */
  readonly demographics?: Record<string, unknown>;
}

const derivedValue = (value: number) => ({ value, algorithm: 'test-seed' });

function formsOf(v: SeedVisit): { formKey: string; values: Record<string, unknown>; derived: unknown }[] {
  return [
    ...(v.alsfrs === undefined
      ? []
      : [{ formKey: 'alsfrs-r', values: {}, derived: { total: derivedValue(v.alsfrs) } }]),
    ...(v.fvc === undefined
      ? []
      : [{ formKey: 'spirometry', values: {}, derived: { fvcPercentPredicted: derivedValue(v.fvc) } }]),
    ...(v.survival === undefined ? [] : [{ formKey: 'survival-status', values: v.survival, derived: {} }]),
    ...(v.demographics === undefined
      ? []
      : [{ formKey: 'demographics', values: v.demographics, derived: {} }]),
  ];
}

/**
 * Test-only: writes visits and analysis form records straight through the repositories (audited), so analysis
 * tests control exact dates and values without the casebook's window rules. The real save path is exercised
 * separately in the route test.
 */
export async function seedVisitData(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string; visits: readonly SeedVisit[] },
): Promise<void> {
  await auditedWrite(deps, actor, async (tx) => {
    const occurrences = new Map<string, number>();
    for (const v of params.visits) {
      const occurrence = (occurrences.get(v.visitKey) ?? 0) + 1;
      occurrences.set(v.visitKey, occurrence);
      const visit = await insertVisit(tx.trx, {
        participantId: params.participantId,
        visitKey: v.visitKey,
        occurrence,
        unscheduled: false,
        status: 'done',
        actualDate: v.date,
        reason: null,
        outOfWindowReason: null,
        createdBy: actor.userId,
      });
      await tx.audit({
        action: 'visit.record',
        entityType: 'visit',
        entityId: visit.id,
        studyId: params.studyId,
      });
      for (const f of formsOf(v)) {
        const row = await insertFormRecord(tx.trx, {
          participantId: params.participantId,
          visitId: visit.id,
          formKey: f.formKey,
          entryNumber: 1,
          definitionVersion: `${f.formKey}@1`,
          status: 'complete',
          values: f.values,
          derived: f.derived,
          warnings: [],
          missing: [],
          userId: actor.userId,
        });
        await tx.audit({
          action: 'form.save',
          entityType: 'form_record',
          entityId: row.id,
          studyId: params.studyId,
        });
      }
    }
  });
}

/** Test-only: marks a participant as synthetic (demo data), audited. */
export async function markSynthetic(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string },
): Promise<void> {
  await auditedWrite(deps, actor, async (tx) => {
    await tx.trx
      .updateTable('participant')
      .set({ synthetic: true })
      .where('id', '=', params.participantId)
      .execute();
    await tx.audit({
      action: 'participant.mark-synthetic',
      entityType: 'participant',
      entityId: params.participantId,
      studyId: params.studyId,
    });
  });
}
