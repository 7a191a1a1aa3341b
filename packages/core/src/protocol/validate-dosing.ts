// Rules about interventions, dose levels, dose-modification rules and the per-arm administration plans.
import type { ProblemList } from './protocol-rules.js';
import type { ProtocolIntervention, Protocol } from './protocol-types.js';

function checkVolume(intervention: ProtocolIntervention, index: number, problems: ProblemList): void {
  const volume = intervention.volume;
  if (volume === undefined) {
    return;
  }
  const path = ['interventions', index, 'volume'];
  const hasSingle = volume.ml !== undefined;
  const hasRange = volume.minMl !== undefined || volume.maxMl !== undefined;
  if (hasSingle === hasRange) {
    problems.add(path, 'volume-range', 'give either `ml` or both `minMl` and `maxMl`');
    return;
  }
  if (hasRange) {
    if (volume.minMl === undefined || volume.maxMl === undefined) {
      problems.add(path, 'volume-range', 'a volume range needs both `minMl` and `maxMl`');
    } else if (volume.minMl > volume.maxMl) {
      problems.add([...path, 'minMl'], 'volume-range', `minMl ${volume.minMl} > maxMl ${volume.maxMl}`);
    }
  }
}

function checkLevels(protocol: Protocol, index: number, problems: ProblemList): void {
  const intervention = protocol.interventions[index];
  if (intervention === undefined) {
    return;
  }
  const path = ['interventions', index];
  const levels = new Set((intervention.doseLevels ?? []).map((level) => level.id));
  const escalated = protocol.design.escalation?.intervention === intervention.id;
  const byLevel = intervention.dose?.kind === 'by-level';
  const modified = intervention.doseModification !== undefined;
  if ((byLevel || modified) && levels.size === 0) {
    problems.add(
      [...path, 'doseLevels'],
      'missing-dose-levels',
      `'${intervention.id}' is dosed by level but defines no doseLevels`,
    );
  }
  if (modified && levels.size === 1) {
    problems.add(
      [...path, 'doseLevels'],
      'missing-dose-levels',
      'dose modification needs at least two dose levels',
    );
  }
  if (intervention.startingLevel === undefined) {
    if ((byLevel && !escalated) || modified) {
      problems.add(
        path,
        'missing-starting-level',
        `'${intervention.id}' needs a startingLevel among its doseLevels`,
      );
    }
  } else if (!levels.has(intervention.startingLevel)) {
    problems.add(
      [...path, 'startingLevel'],
      'unknown-dose-level',
      `starting level '${intervention.startingLevel}' is not defined in doseLevels`,
    );
  }
  (intervention.doseModification?.rules ?? []).forEach((rule, ruleIndex) => {
    if (rule.then.kind === 'set' && !levels.has(rule.then.level)) {
      problems.add(
        [...path, 'doseModification', 'rules', ruleIndex, 'then', 'level'],
        'unknown-dose-level',
        `dose level '${rule.then.level}' is not defined in doseLevels`,
      );
    }
  });
}

function checkAdministrations(protocol: Protocol, problems: ProblemList): void {
  const arms = new Set(protocol.design.arms.map((arm) => arm.id));
  protocol.administrations.forEach((plan, planIndex) => {
    const path = ['administrations', planIndex];
    if (!arms.has(plan.arm)) {
      problems.add([...path, 'arm'], 'unknown-arm', `arm '${plan.arm}' is not defined in design.arms`);
    }
    plan.doses.forEach((dose, doseIndex) => {
      const dosePath = [...path, 'doses', doseIndex];
      const visit = protocol.visits.find((candidate) => candidate.id === dose.visit);
      if (visit === undefined) {
        problems.add(
          [...dosePath, 'visit'],
          'unknown-visit',
          `visit '${dose.visit}' is not defined in visits`,
        );
      } else if (visit.unscheduled === true) {
        problems.add([...dosePath, 'visit'], 'unscheduled-dose', `visit '${dose.visit}' is unscheduled`);
      } else if (visit.arms !== undefined && !visit.arms.includes(plan.arm)) {
        problems.add(
          [...dosePath, 'visit'],
          'dose-visit-not-in-arm',
          `visit '${dose.visit}' is only for arm(s) ${visit.arms.join(', ')}`,
        );
      }
      const intervention = protocol.interventions.find((candidate) => candidate.id === dose.intervention);
      if (intervention === undefined) {
        problems.add(
          [...dosePath, 'intervention'],
          'unknown-intervention',
          `intervention '${dose.intervention}' is not defined in interventions`,
        );
      } else if (
        dose.doseLevel !== undefined &&
        !(intervention.doseLevels ?? []).some((level) => level.id === dose.doseLevel)
      ) {
        problems.add(
          [...dosePath, 'doseLevel'],
          'unknown-dose-level',
          `dose level '${dose.doseLevel}' is not defined for intervention '${intervention.id}'`,
        );
      }
    });
  });
  protocol.design.arms.forEach((arm, index) => {
    const planned = protocol.administrations.some((plan) => plan.arm === arm.id && plan.doses.length > 0);
    if (arm.type !== 'no-intervention' && !planned) {
      problems.add(
        ['design', 'arms', index],
        'arm-without-doses',
        `arm '${arm.id}' has no doses in administrations`,
      );
    }
  });
}

/** Dose levels, starting levels, modification rules, volumes and administration plans. */
export function checkDosing(protocol: Protocol, problems: ProblemList): void {
  protocol.interventions.forEach((intervention, index) => {
    checkVolume(intervention, index, problems);
    checkLevels(protocol, index, problems);
  });
  checkAdministrations(protocol, problems);
}
