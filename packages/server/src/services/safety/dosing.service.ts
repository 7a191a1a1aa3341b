import type { DosePlanView, DoseRecordView } from '@celltrial/contracts';
import type { DoseModificationResult, Protocol } from '@celltrial/core';
import {
  findVisitSlot,
  listDoseAdministrations,
  listDosePreparations,
  type Executor,
  type ParticipantRow,
} from '@celltrial/db';
import { calendarArm } from '../casebook/casebook-calendar.js';
import { protocolOfParticipant, todayOf } from '../casebook/casebook-support.js';
import { participantNumberOf } from '../casebook/form-view.js';
import { loadParticipantInScope } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { planDosesAtVisit, type PlannedDose } from './dose-plan.js';
import { isMaskedFor, toDoseRecordViews } from './dose-record-view.js';

type PlanItem = DosePlanView['items'][number];

/** The dose day: given, else the visit's recorded date, else today. */
export async function doseDateOf(
  deps: ServiceDeps,
  params: { participant: ParticipantRow; visitKey: string; occurrence: number; date?: string | undefined },
): Promise<string> {
  if (params.date !== undefined) {
    return params.date;
  }
  const visit = await findVisitSlot(deps.db, {
    participantId: params.participant.id,
    visitKey: params.visitKey,
    occurrence: params.occurrence,
  });
  return visit?.actual_date ?? todayOf(deps);
}

function modificationView(plan: PlannedDose): Extract<PlanItem, { masked: false }>['modification'] {
  const m: DoseModificationResult | null = plan.modification;
  if (m === null) {
    if (plan.levelSource === 'protocol') {
      return { kind: 'not-applicable', reason: 'the protocol plans this dose at a fixed level' };
    }
    const reason =
      plan.intervention.doseModification === undefined
        ? 'the intervention has no dose-modification rules'
        : 'first dose: the rules apply from the second dose on';
    return { kind: 'not-applicable', reason };
  }
  const previousLevel = plan.previousLevel ?? '';
  switch (m.kind) {
    case 'decision':
      return {
        kind: 'decision',
        action: m.action.kind,
        previousLevel,
        nextLevel: m.nextLevel,
        rule: { ...m.rule },
        reasons: [...m.reasons],
        notMet: m.notMet.map((n) => ({ rule: { ...n.rule }, reasons: [...n.reasons] })),
      };
    case 'needs-judgement':
      return {
        kind: 'needs-judgement',
        previousLevel,
        rule: m.rule === null ? null : { ...m.rule },
        reasons: [...m.reasons],
        unresolved: [...m.unresolved],
      };
    case 'invalid':
      return { kind: 'invalid', problems: m.problems.map((p) => ({ ...p })) };
  }
}

function volumeOf(plan: PlannedDose): PlanItem['volume'] {
  const v = plan.intervention.volume;
  return {
    volumeMl: v?.ml ?? null,
    volumeRangeMl: v?.minMl === undefined || v.maxMl === undefined ? null : { min: v.minMl, max: v.maxMl },
    per: v === undefined ? null : (v.per ?? 'administration'),
  };
}

function calculationView(plan: PlannedDose): Extract<PlanItem, { masked: false }>['calculation'] {
  const c = plan.calculation;
  if (c.kind !== 'ok') {
    return c.kind === 'volume-only' ? c : { kind: 'invalid', problems: c.problems.map((p) => ({ ...p })) };
  }
  const levelName = plan.intervention.doseLevels?.find((l) => l.id === c.doseLevel)?.name ?? null;
  return {
    kind: 'ok',
    amount: c.amount,
    unit: c.unit,
    perKg: c.perKg ?? null,
    weight: c.weightKgUsed === undefined || plan.weight === null ? null : { ...plan.weight },
    capped: c.capped,
    doseLevel: c.doseLevel ?? null,
    doseLevelName: levelName,
    tolerancePercent: c.tolerancePercent ?? null,
    explanation: c.explanation,
  };
}

export function planItemView(plan: PlannedDose, masked: boolean): PlanItem {
  if (masked) {
    return { masked: true, route: plan.intervention.route, volume: volumeOf(plan) };
  }
  return {
    masked: false,
    interventionId: plan.intervention.id,
    interventionName: plan.intervention.name,
    route: plan.intervention.route,
    plannedLevel: plan.plannedLevel,
    levelSource: plan.levelSource,
    calculation: calculationView(plan),
    modification: modificationView(plan),
    volume: volumeOf(plan),
  };
}

async function armView(db: Executor, params: { participant: ParticipantRow; protocol: Protocol }) {
  const armId = await calendarArm(db, params);
  const arm = params.protocol.design.arms.find((a) => a.id === armId);
  return arm === undefined ? null : { id: arm.id, name: arm.name };
}

/**
 * The dose plan of a participant at a dosing visit. A blinded viewer of a masked participant sees kit code, route
 * and volume only; the pharmacist (unblinded) sees the product, level, amount and the dose-modification reasons.
 */
export async function getDosePlan(
  deps: ServiceDeps,
  actor: Actor,
  params: {
    studyId: string;
    participantId: string;
    visit: string;
    occurrence: number;
    date?: string | undefined;
  },
): Promise<DosePlanView> {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:read',
  });
  const protocol = await protocolOfParticipant(deps.db, participant);
  const doseDate = await doseDateOf(deps, {
    participant,
    visitKey: params.visit,
    occurrence: params.occurrence,
    date: params.date,
  });
  const plans = await planDosesAtVisit(deps.db, { participant, protocol, visitKey: params.visit, doseDate });
  const mask = await isMaskedFor(deps.db, { actor, participant, protocol });
  const preparations = (await listDosePreparations(deps.db, participant.id)).filter(
    (p) => p.visit_key === params.visit && p.occurrence === params.occurrence,
  );
  return {
    participantId: participant.id,
    participantNumber: participantNumberOf(participant),
    visitKey: params.visit,
    occurrence: params.occurrence,
    doseDate,
    kitCode: mask.kitCode,
    masked: mask.masked,
    arm: mask.masked ? null : await armView(deps.db, { participant, protocol }),
    items: plans.map((p) => planItemView(p, mask.masked)),
    preparations: preparations.length,
  };
}

/** The participant's prepared and administered doses (masked for blinded viewers of masked participants). */
export async function listParticipantDoses(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; participantId: string },
): Promise<{ doses: DoseRecordView[] }> {
  const { participant } = await loadParticipantInScope(deps, actor, {
    ...params,
    permission: 'subject:read',
  });
  const protocol = await protocolOfParticipant(deps.db, participant);
  const mask = await isMaskedFor(deps.db, { actor, participant, protocol });
  const [preparations, administrations] = await Promise.all([
    listDosePreparations(deps.db, participant.id),
    listDoseAdministrations(deps.db, [participant.id]),
  ]);
  return { doses: await toDoseRecordViews(deps.db, { preparations, administrations, ...mask }) };
}
