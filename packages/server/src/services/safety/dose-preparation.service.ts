import { createHash } from 'node:crypto';
import type { DoseRecordView } from '@celltrial/contracts';
import { checkPreparedDose } from '@celltrial/core';
import {
  findAdministrationOfPreparation,
  findDosePreparation,
  insertDoseAdministration,
  insertDosePreparation,
  listDoseAdministrations,
  type DosePreparationRow,
  type ParticipantRow,
} from '@celltrial/db';
import { AppError, notFound } from '../../errors/app-error.js';
import { auditedWrite } from '../audited-write.js';
import { protocolOfParticipant } from '../casebook/casebook-support.js';
import { loadParticipantInScope } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { localDateOf } from './ae-input.js';
import { planDosesAtVisit, type PlannedDose } from './dose-plan.js';
import { isMaskedFor, toDoseRecordViews } from './dose-record-view.js';
import { doseDateOf, planItemView } from './dosing.service.js';
import { recordInvalid, ruleViolated } from './safety-support.js';

export interface PrepareDoseInput {
  readonly studyId: string;
  readonly participantId: string;
  readonly visitKey: string;
  readonly occurrence: number;
  readonly interventionId: string;
  readonly doseLevel?: string | undefined;
  readonly preparedAmount?: number | undefined;
  readonly lot: string;
  readonly volumeMl: number;
  readonly deviationReason?: string | undefined;
  readonly judgements?: Record<string, boolean> | undefined;
  readonly doseDate?: string | undefined;
}

type Problem = { path: string; rule: string; message: string };

function refuseUnlessTreatable(participant: ParticipantRow): void {
  if (participant.status !== 'enrolled') {
    throw ruleViolated(
      'enrolled',
      `doses are prepared for enrolled participants; the participant is ${participant.status}`,
    );
  }
}

/** The planned dose of the intervention at the visit, with the requested level (a known one) if given. */
async function plannedDose(
  deps: ServiceDeps,
  params: { input: PrepareDoseInput; participant: ParticipantRow; doseDate: string },
) {
  const { input, participant, doseDate } = params;
  const protocol = await protocolOfParticipant(deps.db, participant);
  const intervention = protocol.interventions.find((i) => i.id === input.interventionId);
  const levels = intervention?.doseLevels ?? [];
  if (input.doseLevel !== undefined && !levels.some((l) => l.id === input.doseLevel)) {
    const known = levels.map((l) => l.id).join(', ');
    throw recordInvalid('dose preparation', [
      {
        path: 'doseLevel',
        rule: 'unknown-dose-level',
        message: `'${input.doseLevel}' is not a dose level of ${input.interventionId}${known === '' ? ' (it has none)' : ` (levels: ${known})`}`,
      },
    ]);
  }
  const base = {
    participant,
    protocol,
    visitKey: input.visitKey,
    doseDate,
    judgements: input.judgements ?? {},
  };
  const asPlanned = (await planDosesAtVisit(deps.db, base)).find(
    (p) => p.intervention.id === input.interventionId,
  );
  if (asPlanned === undefined) {
    throw ruleViolated(
      'intervention-at-visit',
      `${input.interventionId} is not planned for this participant at '${input.visitKey}'`,
    );
  }
  if (input.doseLevel === undefined || input.doseLevel === asPlanned.plannedLevel) {
    return { protocol, plan: asPlanned, levelChanged: false };
  }
  const overrideLevel = { interventionId: input.interventionId, level: input.doseLevel };
  const plan = (await planDosesAtVisit(deps.db, { ...base, overrideLevel })).find(
    (p) => p.intervention.id === input.interventionId,
  );
  return { protocol, plan: plan ?? asPlanned, levelChanged: true, plannedLevel: asPlanned.plannedLevel };
}

interface Checked {
  readonly calculatedAmount: number | null;
  readonly unit: string | null;
  readonly tolerancePercent: number | null;
  readonly deviationPercent: number | null;
  readonly withinTolerance: boolean | null;
}

/** The prepared amount against the calculated dose (tolerance from the protocol; none given = exact). */
function checkAmount(plan: PlannedDose, input: PrepareDoseInput, problems: Problem[]): Checked {
  const c = plan.calculation;
  const none = {
    calculatedAmount: null,
    unit: null,
    tolerancePercent: null,
    deviationPercent: null,
    withinTolerance: null,
  };
  if (c.kind === 'invalid') {
    problems.push(...c.problems.map((p) => ({ ...p })));
    return none;
  }
  if (c.kind === 'volume-only') {
    if (input.preparedAmount !== undefined) {
      problems.push({
        path: 'preparedAmount',
        rule: 'volume-only',
        message: `${c.explanation}: give no amount`,
      });
    }
    return none;
  }
  if (input.preparedAmount === undefined) {
    problems.push({
      path: 'preparedAmount',
      rule: 'required',
      message: `the prepared amount in ${c.unit} is required`,
    });
    return none;
  }
  const tolerance = c.tolerancePercent ?? 0;
  const check = checkPreparedDose({
    calculated: { amount: c.amount, unit: c.unit },
    preparedAmount: input.preparedAmount,
    tolerancePercent: tolerance,
  });
  if (check.kind === 'invalid') {
    problems.push(...check.problems.map((p) => ({ ...p })));
    return none;
  }
  if (check.kind === 'deviation' && input.deviationReason === undefined) {
    problems.push({
      path: 'deviationReason',
      rule: 'required-when-deviation',
      message: `the prepared amount deviates ${check.percent.toFixed(2)} % from the calculated ${c.amount} ${c.unit} (tolerance ±${tolerance} %): give the reason`,
    });
  }
  return {
    calculatedAmount: c.amount,
    unit: c.unit,
    tolerancePercent: tolerance,
    deviationPercent: check.percent,
    withinTolerance: check.kind === 'within-tolerance',
  };
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * The pharmacist records a prepared dose: recalculated by the server (weight, level, modification rules), the
 * prepared amount checked against the protocol's tolerance; a deviation or a level other than the plan's needs a
 * reason. Bad input (no weight for a per-kg dose, an unknown level) changes nothing.
 */
export async function prepareDose(
  deps: ServiceDeps,
  actor: Actor,
  input: PrepareDoseInput,
): Promise<DoseRecordView> {
  const { participant } = await loadParticipantInScope(deps, actor, { ...input, permission: 'dose:prepare' });
  refuseUnlessTreatable(participant);
  const doseDate = await doseDateOf(deps, {
    participant,
    visitKey: input.visitKey,
    occurrence: input.occurrence,
    date: input.doseDate,
  });
  const planned = await plannedDose(deps, { input, participant, doseDate });
  const { plan } = planned;
  const problems: Problem[] = [];
  if (planned.levelChanged && input.deviationReason === undefined) {
    problems.push({
      path: 'deviationReason',
      rule: 'required-when-level-differs',
      message: `the plan is level '${planned.plannedLevel ?? 'none'}'; preparing '${input.doseLevel ?? ''}' needs a reason`,
    });
  }
  const checked = checkAmount(plan, input, problems);
  if (problems.length > 0) {
    throw recordInvalid('dose preparation', problems);
  }
  const view = planItemView(plan, false);
  const modification = view.masked ? null : view.modification;
  const mask = await isMaskedFor(deps.db, { actor, participant, protocol: planned.protocol });
  const blindedStudy = mask.armId !== null && planned.protocol.design.masking.level !== 'none';
  return auditedWrite(deps, actor, async (tx) => {
    const row = await insertDosePreparation(tx.trx, {
      studyId: participant.study_id,
      siteId: participant.site_id,
      participantId: participant.id,
      visitKey: input.visitKey,
      occurrence: input.occurrence,
      doseDate,
      interventionId: plan.intervention.id,
      doseLevel: plan.plannedLevel,
      ...checked,
      preparedAmount: input.preparedAmount ?? null,
      deviationReason: input.deviationReason ?? null,
      lot: input.lot,
      volumeMl: input.volumeMl,
      weightKg: plan.weight?.weightKg ?? null,
      calculation: view.masked ? null : view.calculation,
      modification,
      userId: actor.userId,
    });
    const details = {
      interventionId: row.intervention_id,
      doseLevel: row.dose_level,
      calculatedAmount: row.calculated_amount,
      preparedAmount: row.prepared_amount,
      unit: row.unit,
      deviationPercent: row.deviation_percent,
      lot: row.lot,
      weightKg: row.weight_kg,
      rule: modification?.kind === 'decision' ? modification.rule.id : null,
    };
    // A masked participant's treatment stays out of the audit trail (blinded roles read it): a hash of the
    // details lets an unblinded reviewer verify the stored row.
    await tx.audit({
      action: 'dose.prepare',
      entityType: 'dose_preparation',
      entityId: row.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: {
        participantId: participant.id,
        visitKey: row.visit_key,
        occurrence: row.occurrence,
        doseDate: row.dose_date,
        volumeMl: row.volume_ml,
        withinTolerance: row.within_tolerance,
        ...(blindedStudy ? { kitCode: mask.kitCode, detailsSha256: sha256(details) } : details),
      },
      reason: row.deviation_reason,
    });
    return (
      await toDoseRecordViews(tx.trx, { preparations: [row], administrations: [], ...mask })
    )[0] as DoseRecordView;
  });
}

export interface AdministerDoseInput {
  readonly studyId: string;
  readonly participantId: string;
  readonly preparationId: string;
  readonly administeredAt: string;
  readonly volumeMl: number;
  readonly complete: boolean;
  readonly note?: string | undefined;
}

function administrationProblems(prep: DosePreparationRow, input: AdministerDoseInput, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (new Date(input.administeredAt).getTime() > now.getTime()) {
    problems.push({
      path: 'administeredAt',
      rule: 'not-in-future',
      message: `administeredAt ${input.administeredAt} is in the future`,
    });
  }
  if (localDateOf(input.administeredAt) < prep.dose_date) {
    problems.push({
      path: 'administeredAt',
      rule: 'not-before-dose-date',
      message: `the dose was prepared for ${prep.dose_date}`,
    });
  }
  if (input.volumeMl > prep.volume_ml) {
    problems.push({
      path: 'volumeMl',
      rule: 'within-prepared',
      message: `${input.volumeMl} mL is more than the ${prep.volume_ml} mL prepared`,
    });
  }
  if (!input.complete && (input.note ?? '').trim().length < 3) {
    problems.push({
      path: 'note',
      rule: 'required-when-incomplete',
      message: 'say why the dose was not given in full',
    });
  }
  return problems;
}

/** Records that a prepared dose was given (once per preparation). Blinded staff record it; nothing here unmasks. */
export async function administerDose(
  deps: ServiceDeps,
  actor: Actor,
  input: AdministerDoseInput,
): Promise<DoseRecordView> {
  const { participant } = await loadParticipantInScope(deps, actor, { ...input, permission: 'form:write' });
  refuseUnlessTreatable(participant);
  const prep = await findDosePreparation(deps.db, input.preparationId);
  if (prep?.participant_id !== participant.id) {
    throw notFound('dose preparation');
  }
  const problems = administrationProblems(prep, input, deps.clock.now());
  if (problems.length > 0) {
    throw recordInvalid('dose administration', problems);
  }
  const protocol = await protocolOfParticipant(deps.db, participant);
  const mask = await isMaskedFor(deps.db, { actor, participant, protocol });
  return auditedWrite(deps, actor, async (tx) => {
    if ((await findAdministrationOfPreparation(tx.trx, prep.id)) !== undefined) {
      throw new AppError('CONFLICT', 'this prepared dose is already recorded as administered', {
        rule: 'administered-once',
      });
    }
    const row = await insertDoseAdministration(tx.trx, {
      preparationId: prep.id,
      participantId: participant.id,
      administeredAt: new Date(input.administeredAt).toISOString(),
      administeredDate: localDateOf(input.administeredAt),
      volumeMl: input.volumeMl,
      complete: input.complete,
      note: input.note ?? null,
      userId: actor.userId,
    });
    await tx.audit({
      action: 'dose.administer',
      entityType: 'dose_administration',
      entityId: row.id,
      studyId: participant.study_id,
      siteId: participant.site_id,
      after: {
        preparationId: prep.id,
        visitKey: prep.visit_key,
        administeredAt: row.administered_at.toISOString(),
        volumeMl: row.volume_ml,
        complete: row.complete,
      },
      reason: row.note,
    });
    const administrations = await listDoseAdministrations(tx.trx, [participant.id]);
    return (
      await toDoseRecordViews(tx.trx, { preparations: [prep], administrations, ...mask })
    )[0] as DoseRecordView;
  });
}
