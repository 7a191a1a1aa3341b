import {
  calculateDose,
  evaluateDoseModification,
  type DoseCalculationResult,
  type DoseModificationResult,
  type Protocol,
  type ProtocolIntervention,
} from '@celltrial/core';
import type { Executor, ParticipantRow } from '@celltrial/db';
import { calendarArm } from '../casebook/casebook-calendar.js';
import { doseHistoryOf, weightForDose, type WeightFound } from './dose-history.js';
import { parseCohortLabel } from './escalation-cohorts.js';
import { ruleViolated } from './safety-support.js';

const AMOUNTLESS_LEVEL = new Set(['level-amount-missing', 'level-unit-missing']);

export type LevelSource = 'protocol' | 'cohort' | 'starting-level' | 'modification' | 'none';

/** One planned dose at a visit, computed in full (masking is the caller's). */
export interface PlannedDose {
  readonly intervention: ProtocolIntervention;
  readonly plannedLevel: string | null;
  readonly levelSource: LevelSource;
  /** The level of the previous dose (modification rules), when there was one. */
  readonly previousLevel: string | null;
  readonly modification: DoseModificationResult | null;
  readonly calculation:
    DoseCalculationResult | { readonly kind: 'volume-only'; readonly explanation: string };
  readonly weight: WeightFound | null;
}

function needsWeight(intervention: ProtocolIntervention, level: string | null): boolean {
  const levelPerKg = intervention.doseLevels?.find((l) => l.id === level)?.perKg === true;
  return intervention.dose?.kind === 'per-kg' || levelPerKg;
}

/** The level before modification: the protocol's planned level, the escalation cohort's, or the starting level. */
function baseLevel(params: {
  protocol: Protocol;
  participant: ParticipantRow;
  intervention: ProtocolIntervention;
  planned: string | undefined;
}): { level: string | null; source: LevelSource } {
  if (params.planned !== undefined) {
    return { level: params.planned, source: 'protocol' };
  }
  const esc = params.protocol.design.escalation;
  const cohort = params.participant.cohort === null ? null : parseCohortLabel(params.participant.cohort);
  if (esc !== undefined && cohort !== null && esc.intervention === params.intervention.id) {
    return { level: cohort.levelId, source: 'cohort' };
  }
  if (params.intervention.startingLevel !== undefined) {
    return { level: params.intervention.startingLevel, source: 'starting-level' };
  }
  return { level: null, source: 'none' };
}

/** Applies the dose-modification rules before a dose after the first (the previous dose's level is the current level). */
async function modify(
  db: Executor,
  params: {
    participant: ParticipantRow;
    intervention: ProtocolIntervention;
    doseDate: string;
    judgements: Readonly<Record<string, boolean>>;
  },
): Promise<{ previousLevel: string | null; result: DoseModificationResult | null }> {
  if (params.intervention.doseModification === undefined) {
    return { previousLevel: null, result: null };
  }
  const history = await doseHistoryOf(db, {
    participant: params.participant,
    interventionId: params.intervention.id,
  });
  const previous = history.doses
    .filter((d) => d.date < params.doseDate)
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  if (previous === undefined) {
    return { previousLevel: null, result: null };
  }
  const result = evaluateDoseModification({
    intervention: params.intervention,
    currentLevel: previous.level,
    history,
    doseDate: params.doseDate,
    judgements: params.judgements,
  });
  return { previousLevel: previous.level, result };
}

/**
 * The doses planned for the participant at a visit: for each intervention the protocol gives the participant's arm
 * there, the level (planned, cohort, starting level, or the dose-modification decision with its reasons) and the
 * calculated amount (per-kg doses from the weight on or before the dose day). Bad setups are 422 naming the rule.
 */
export async function planDosesAtVisit(
  db: Executor,
  params: {
    participant: ParticipantRow;
    protocol: Protocol;
    visitKey: string;
    doseDate: string;
    judgements?: Readonly<Record<string, boolean>>;
    overrideLevel?: { interventionId: string; level: string };
  },
): Promise<PlannedDose[]> {
  const { participant, protocol } = params;
  const arm = await calendarArm(db, { participant, protocol });
  if (arm === null) {
    throw ruleViolated('arm-known', 'the dose plan appears once the participant is allocated to an arm');
  }
  const planned = (protocol.administrations.find((a) => a.arm === arm)?.doses ?? []).filter(
    (d) => d.visit === params.visitKey,
  );
  if (planned.length === 0) {
    throw ruleViolated(
      'dose-visit',
      `no dose is planned at visit '${params.visitKey}' for this participant`,
      {
        doseVisits: [...new Set(protocol.administrations.flatMap((a) => a.doses.map((d) => d.visit)))],
      },
    );
  }
  const out: PlannedDose[] = [];
  for (const dose of planned) {
    const intervention = protocol.interventions.find((i) => i.id === dose.intervention);
    if (intervention === undefined) {
      throw new Error(`protocol administration names unknown intervention '${dose.intervention}'`);
    }
    const base = baseLevel({ protocol, participant, intervention, planned: dose.doseLevel });
    const mod =
      base.source === 'protocol'
        ? { previousLevel: null, result: null }
        : await modify(db, {
            participant,
            intervention,
            doseDate: params.doseDate,
            judgements: params.judgements ?? {},
          });
    let level = base.level;
    let source = base.source;
    if (mod.result !== null) {
      level = mod.result.kind === 'decision' ? mod.result.nextLevel : null;
      source = 'modification';
    }
    if (params.overrideLevel?.interventionId === intervention.id) {
      level = params.overrideLevel.level;
    }
    const weight = needsWeight(intervention, level)
      ? await weightForDose(db, { participant, onDate: params.doseDate })
      : null;
    let calculation: PlannedDose['calculation'];
    if (intervention.dose === undefined && (intervention.doseLevels ?? []).length === 0) {
      calculation = { kind: 'volume-only', explanation: `${intervention.name}: no amount; volume only` };
    } else if (
      mod.result !== null &&
      level === null &&
      params.overrideLevel?.interventionId !== intervention.id
    ) {
      const why =
        mod.result.kind === 'decision'
          ? `the rule '${mod.result.rule.id}' says ${mod.result.action.kind}`
          : 'the dose-modification rules need an investigator judgement';
      calculation = {
        kind: 'invalid',
        problems: [{ path: 'doseLevel', rule: 'no-level', message: `no dose level: ${why}` }],
      };
    } else {
      calculation = calculateDose({
        intervention,
        ...(level === null ? {} : { doseLevel: level }),
        ...(weight === null ? {} : { weightKg: weight.weightKg }),
      });
      if (calculation.kind === 'invalid' && calculation.problems.every((p) => AMOUNTLESS_LEVEL.has(p.rule))) {
        // The registry record names the level but not its amount (NCT06598202): the kit is prepared by volume.
        const explanation = `level '${level ?? ''}' has no amount in the protocol: prepare the level's product by volume`;
        calculation = { kind: 'volume-only', explanation };
      }
    }
    out.push({
      intervention,
      plannedLevel: level,
      levelSource: source,
      previousLevel: mod.previousLevel,
      modification: mod.result,
      calculation,
      weight,
    });
  }
  return out;
}
