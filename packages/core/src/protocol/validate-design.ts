// Rules about the design section (masking, model, allocation, randomization, 3+3 escalation) and eligibility.
import type { ProblemList } from './protocol-rules.js';
import type { ProtocolDesign, Protocol, ProtocolRandomization } from './protocol-types.js';
import { PROTOCOL_MASKED_ROLE_COUNT } from './protocol-vocabulary.js';

function checkMaskingAndModel(design: ProtocolDesign, problems: ProblemList): void {
  const expected = PROTOCOL_MASKED_ROLE_COUNT[design.masking.level];
  const masked = new Set(design.masking.masked);
  if (masked.size !== design.masking.masked.length) {
    problems.add(['design', 'masking', 'masked'], 'masking-count', 'a masked role is listed twice');
  } else if (masked.size !== expected) {
    problems.add(
      ['design', 'masking', 'masked'],
      'masking-count',
      `masking '${design.masking.level}' means ${expected} masked role(s), but ${masked.size} are listed`,
    );
  }
  const armCount = design.arms.length;
  if (design.model === 'single-group' && armCount !== 1) {
    problems.add(
      ['design', 'arms'],
      'model-arms',
      `a single-group study has exactly one arm, not ${armCount}`,
    );
  }
  if (['parallel', 'crossover', 'factorial'].includes(design.model) && armCount < 2) {
    problems.add(['design', 'arms'], 'model-arms', `a ${design.model} study needs at least two arms`);
  }
}

function checkRatio(
  design: ProtocolDesign,
  randomization: ProtocolRandomization,
  problems: ProblemList,
): void {
  const path = ['design', 'randomization', 'ratio'];
  const armIds = design.arms.map((arm) => arm.id);
  for (const key of Object.keys(randomization.ratio)) {
    if (!armIds.includes(key)) {
      problems.add(
        [...path, key],
        'ratio-arms-mismatch',
        `the ratio names arm '${key}', which is not in design.arms`,
      );
    }
  }
  for (const arm of armIds) {
    if (!(arm in randomization.ratio)) {
      problems.add(path, 'ratio-arms-mismatch', `arm '${arm}' is missing from the randomization ratio`);
    }
  }
  const sized = design.arms.filter((arm) => arm.plannedSize !== undefined && arm.id in randomization.ratio);
  if (sized.length === armIds.length && sized.length > 1) {
    // plannedSize_i / ratio_i must be the same for every arm: compare cross-products in integers.
    const [first, ...rest] = sized;
    for (const arm of rest) {
      if (first === undefined) {
        break;
      }
      const left = (arm.plannedSize ?? 0) * (randomization.ratio[first.id] ?? 0);
      const right = (first.plannedSize ?? 0) * (randomization.ratio[arm.id] ?? 0);
      if (left !== right) {
        problems.add(
          ['design', 'arms', design.arms.indexOf(arm), 'plannedSize'],
          'ratio-size-mismatch',
          `planned sizes ${first.id}=${first.plannedSize} and ${arm.id}=${arm.plannedSize} are not in the ratio ${randomization.ratio[first.id]}:${randomization.ratio[arm.id]}`,
        );
      }
    }
  }
}

function checkMethod(randomization: ProtocolRandomization, problems: ProblemList): void {
  const method = randomization.method;
  const path = ['design', 'randomization', 'method'];
  if (method.kind === 'permuted-blocks') {
    const total = Object.values(randomization.ratio).reduce((sum, value) => sum + value, 0);
    method.blockSizes.forEach((size, index) => {
      if (total > 0 && size % total !== 0) {
        problems.add(
          [...path, 'blockSizes', index],
          'block-size-ratio',
          `block size ${size} is not a multiple of the ratio total ${total}`,
        );
      }
    });
    return;
  }
  const strata = new Set((randomization.strata ?? []).map((stratum) => stratum.id));
  method.factors.forEach((factor, index) => {
    if (!strata.has(factor.stratum)) {
      problems.add(
        [...path, 'factors', index, 'stratum'],
        'unknown-stratum',
        `stratum '${factor.stratum}' is not defined in randomization.strata`,
      );
    }
  });
}

function checkRandomization(design: ProtocolDesign, problems: ProblemList): void {
  const randomization = design.randomization;
  if (design.allocation === 'randomized' && randomization === undefined) {
    problems.add(
      ['design', 'allocation'],
      'allocation-randomization',
      'a randomized study needs design.randomization',
    );
    return;
  }
  if (randomization === undefined) {
    return;
  }
  if (design.allocation !== 'randomized') {
    problems.add(
      ['design', 'randomization'],
      'allocation-randomization',
      `allocation is '${design.allocation}' but a randomization section is given`,
    );
  }
  checkRatio(design, randomization, problems);
  checkMethod(randomization, problems);
}

function checkEnrollment(design: ProtocolDesign, problems: ProblemList): void {
  const planned = design.plannedEnrollment;
  const sum = (values: (number | undefined)[]): number =>
    values.reduce<number>((total, v) => total + (v ?? 0), 0);
  const armTotal = sum(design.arms.map((arm) => arm.plannedSize));
  if (armTotal > planned) {
    problems.add(
      ['design', 'arms'],
      'enrollment-exceeded',
      `arm sizes add up to ${armTotal} > planned ${planned}`,
    );
  }
  const partTotal = sum((design.parts ?? []).map((part) => part.plannedEnrollment));
  if (partTotal > planned) {
    problems.add(
      ['design', 'parts'],
      'enrollment-exceeded',
      `part sizes add up to ${partTotal} > planned ${planned}`,
    );
  }
  const randomized = design.randomization?.plannedSize ?? 0;
  if (randomized > planned) {
    problems.add(
      ['design', 'randomization', 'plannedSize'],
      'enrollment-exceeded',
      `${randomized} randomized > planned enrollment ${planned}`,
    );
  }
}

function checkEscalation(protocol: Protocol, problems: ProblemList): void {
  const escalation = protocol.design.escalation;
  if (escalation === undefined) {
    return;
  }
  const path = ['design', 'escalation'];
  if (!protocol.design.arms.some((arm) => arm.id === escalation.arm)) {
    problems.add([...path, 'arm'], 'unknown-arm', `arm '${escalation.arm}' is not defined in design.arms`);
  }
  const intervention = protocol.interventions.find((candidate) => candidate.id === escalation.intervention);
  if (intervention === undefined) {
    problems.add(
      [...path, 'intervention'],
      'unknown-intervention',
      `intervention '${escalation.intervention}' is not defined in interventions`,
    );
  } else if (intervention.dose?.kind !== 'by-level') {
    problems.add(
      [...path, 'intervention'],
      'escalation-dose',
      `'${intervention.id}' must have dose.kind by-level`,
    );
  }
  const defined = new Set((intervention?.doseLevels ?? []).map((level) => level.id));
  escalation.levels.forEach((level, index) => {
    if (intervention !== undefined && !defined.has(level)) {
      problems.add([...path, 'levels', index], 'unknown-dose-level', `dose level '${level}' is not defined`);
    }
  });
  if (!escalation.levels.includes(escalation.startLevel)) {
    problems.add(
      [...path, 'startLevel'],
      'unknown-dose-level',
      `start level '${escalation.startLevel}' is not a level`,
    );
  }
  (escalation.cohorts ?? []).forEach((cohort, index) => {
    if (!escalation.levels.includes(cohort.doseLevel)) {
      problems.add(
        [...path, 'cohorts', index, 'doseLevel'],
        'unknown-dose-level',
        `dose level '${cohort.doseLevel}' is not one of the escalation levels`,
      );
    }
  });
  const maxTreated = escalation.cohortSize + escalation.expansionSize;
  if (escalation.escalateIfDltsAtMost >= escalation.stopIfDltsAtLeast) {
    problems.add([...path, 'escalateIfDltsAtMost'], 'escalation-counts', 'must be below stopIfDltsAtLeast');
  }
  if (escalation.stopIfDltsAtLeast > maxTreated) {
    problems.add(
      [...path, 'stopIfDltsAtLeast'],
      'escalation-counts',
      `${escalation.stopIfDltsAtLeast} DLTs cannot occur among ${maxTreated} participants`,
    );
  }
}

function checkEligibility(protocol: Protocol, problems: ProblemList): void {
  const { minAgeYears, maxAgeYears, criteria } = protocol.eligibility;
  if (minAgeYears !== undefined && maxAgeYears !== undefined && minAgeYears > maxAgeYears) {
    problems.add(
      ['eligibility', 'minAgeYears'],
      'age-range',
      `minimum age ${minAgeYears} > maximum ${maxAgeYears}`,
    );
  }
  criteria.forEach((criterion, index) => {
    if (criterion.rule !== undefined && criterion.manual === true) {
      problems.add(
        ['eligibility', 'criteria', index, 'manual'],
        'criterion-rule-and-manual',
        `criterion '${criterion.id}' is either evaluated by its rule or answered manually, not both`,
      );
    }
  });
}

/** Masking, model, allocation and randomization, enrollment totals, 3+3 escalation and eligibility rules. */
export function checkDesign(protocol: Protocol, problems: ProblemList): void {
  checkMaskingAndModel(protocol.design, problems);
  checkRandomization(protocol.design, problems);
  checkEnrollment(protocol.design, problems);
  checkEscalation(protocol, problems);
  checkEligibility(protocol, problems);
}
