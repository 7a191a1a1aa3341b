import type { DoseRecordView } from '@celltrial/contracts';
import type { Protocol } from '@celltrial/core';
import {
  findAllocationByParticipant,
  userDisplayNames,
  type DoseAdministrationRow,
  type DosePreparationRow,
  type Executor,
  type ParticipantRow,
} from '@celltrial/db';
import { actorIsUnblinded } from '../participant-access.js';
import type { Actor } from '../service-context.js';

/**
 * Whether this actor sees the treatment of this participant masked: a blinded actor, a randomized participant and
 * a masked study. Escalation cohorts and open-label studies are never masked.
 */
export async function isMaskedFor(
  db: Executor,
  params: { actor: Actor; participant: ParticipantRow; protocol: Protocol },
): Promise<{ masked: boolean; kitCode: string | null; armId: string | null }> {
  const allocation = await findAllocationByParticipant(db, params.participant.id);
  const masked =
    allocation !== undefined &&
    params.protocol.design.masking.level !== 'none' &&
    !actorIsUnblinded(params.actor, params.participant.study_id);
  return { masked, kitCode: allocation?.kit_code ?? null, armId: allocation?.arm_id ?? null };
}

/** Dose records as the actor may see them (masked: visit, kit code, volume and administration only). */
export async function toDoseRecordViews(
  db: Executor,
  params: {
    preparations: readonly DosePreparationRow[];
    administrations: readonly DoseAdministrationRow[];
    masked: boolean;
    kitCode: string | null;
  },
): Promise<DoseRecordView[]> {
  const names = await userDisplayNames(db, [
    ...params.preparations.map((p) => p.prepared_by),
    ...params.administrations.map((a) => a.recorded_by),
  ]);
  const name = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? null));
  const hide = <T>(value: T): T | null => (params.masked ? null : value);
  return params.preparations.map((p) => {
    const a = params.administrations.find((x) => x.preparation_id === p.id);
    const modification = p.modification as { reasons?: string[] } | null;
    return {
      id: p.id,
      participantId: p.participant_id,
      visitKey: p.visit_key,
      occurrence: p.occurrence,
      doseDate: p.dose_date,
      masked: params.masked,
      kitCode: params.kitCode,
      interventionId: hide(p.intervention_id),
      doseLevel: hide(p.dose_level),
      calculatedAmount: hide(p.calculated_amount),
      preparedAmount: hide(p.prepared_amount),
      unit: hide(p.unit),
      deviationPercent: hide(p.deviation_percent),
      withinTolerance: hide(p.within_tolerance),
      deviationReason: hide(p.deviation_reason),
      lot: hide(p.lot),
      weightKg: hide(p.weight_kg),
      modificationReasons: params.masked ? null : (modification?.reasons ?? null),
      volumeMl: p.volume_ml,
      preparedBy: name(p.prepared_by),
      preparedAt: p.prepared_at.toISOString(),
      administration:
        a === undefined
          ? null
          : {
              id: a.id,
              administeredAt: a.administered_at.toISOString(),
              volumeMl: a.volume_ml,
              complete: a.complete,
              note: a.note,
              recordedBy: name(a.recorded_by),
            },
    };
  });
}
