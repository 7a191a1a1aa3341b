// Display text for protocol vocabulary and quantities, in the words a ClinicalTrials.gov record uses.
// Pure functions: numbers are formatted, never rounded.
import { isoDateToDayNumber } from '@celltrial/core';
import type {
  Protocol,
  ProtocolAllocation,
  ProtocolAnchor,
  ProtocolDose,
  ProtocolEligibility,
  ProtocolInterventionModel,
  ProtocolMasking,
  ProtocolMeasure,
  ProtocolRandomization,
  ProtocolVolume,
} from '@celltrial/core';

/** "not-applicable" → "Not applicable"; "care-provider" → "Care provider". */
export function humanize(value: string): string {
  const words = value.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ALLOCATION_LABELS: Record<ProtocolAllocation, string> = {
  randomized: 'Randomized',
  'non-randomized': 'Non-randomized',
  'not-applicable': 'N/A',
};

/** Registry wording of the allocation. */
export function allocationLabel(allocation: ProtocolAllocation): string {
  return ALLOCATION_LABELS[allocation];
}

/** Registry wording of the intervention model ("Single group assignment"). */
export function modelLabel(model: ProtocolInterventionModel): string {
  return `${humanize(model)} assignment`;
}

/** "Quadruple (Participant, Care provider, Investigator, Outcomes assessor)"; "None (open label)". */
export function maskingLabel(masking: ProtocolMasking): string {
  if (masking.level === 'none') {
    return 'None (open label)';
  }
  const roles = masking.masked.map(humanize).join(', ');
  return roles === '' ? humanize(masking.level) : `${humanize(masking.level)} (${roles})`;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '\u207b',
  '0': '\u2070',
  '1': '\u00b9',
  '2': '\u00b2',
  '3': '\u00b3',
  '4': '\u2074',
  '5': '\u2075',
  '6': '\u2076',
  '7': '\u2077',
  '8': '\u2078',
  '9': '\u2079',
};

/** A quantity as written in protocols: 1000000 → "1×10⁶", 25000000 → "2.5×10⁷", 3 → "3" (never rounded). */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) < 10_000) {
    return String(value);
  }
  const [mantissa = '', exponent = ''] = value.toExponential().split('e');
  const power = [...exponent.replace('+', '')].map((char) => SUPERSCRIPT[char] ?? char).join('');
  return `${mantissa}\u00d710${power}`;
}

const WEIGHT_SOURCES: Record<string, string> = {
  'dosing-visit': 'weight at the dosing visit',
  screening: 'weight at screening',
  baseline: 'weight at baseline',
};

/** "1×10⁶ cells/kg body weight (weight at the dosing visit)", "5×10⁷ cells", "By dose level". */
export function formatDose(dose: ProtocolDose): string {
  const tolerance = dose.tolerancePercent === undefined ? '' : ` \u00b1${dose.tolerancePercent} %`;
  switch (dose.kind) {
    case 'fixed':
      return `${formatAmount(dose.amount)} ${dose.unit}${tolerance}`;
    case 'per-kg': {
      const limits = [
        WEIGHT_SOURCES[dose.weight] ?? humanize(dose.weight),
        dose.maxWeightKg === undefined ? null : `weight capped at ${dose.maxWeightKg} kg`,
        dose.maxAmount === undefined ? null : `at most ${formatAmount(dose.maxAmount)} ${dose.unit}`,
      ].filter((part): part is string => part !== null);
      return `${formatAmount(dose.amountPerKg)} ${dose.unit}/kg body weight${tolerance} (${limits.join('; ')})`;
    }
    case 'by-level':
      return `By dose level${tolerance}`;
  }
}

/** "3 ml in normal saline", "5–10 ml in Lactated Ringer's", "1 ml per nostril". */
export function formatVolume(volume: ProtocolVolume): string {
  let amount = '';
  if (volume.ml !== undefined) {
    amount = `${volume.ml} ml`;
  } else if (volume.minMl !== undefined || volume.maxMl !== undefined) {
    amount = `${volume.minMl ?? '?'}\u2013${volume.maxMl ?? '?'} ml`;
  }
  const per = volume.per === 'nostril' ? ' per nostril' : '';
  const vehicle = volume.vehicle === undefined ? '' : ` in ${volume.vehicle}`;
  return `${amount}${per}${vehicle}`.trim();
}

const MEASURE_LABELS: Record<string, string> = {
  'alsfrs-r': 'ALSFRS-R',
  fvc: 'FVC',
  svc: 'SVC',
  edss: 'EDSS',
  cafs: 'CAFS',
  mri: 'MRI',
};

/** "alsfrs-r" → "ALSFRS-R", "other:cytokines" → "Cytokines". */
export function measureLabel(measure: ProtocolMeasure): string {
  const known = MEASURE_LABELS[measure];
  if (known !== undefined) {
    return known;
  }
  return humanize(measure.startsWith('other:') ? measure.slice('other:'.length) : measure);
}

/** "18 to 65 years", "18 years and older", "up to 45 years", "Any age". */
export function ageRange(eligibility: Pick<ProtocolEligibility, 'minAgeYears' | 'maxAgeYears'>): string {
  const { minAgeYears: min, maxAgeYears: max } = eligibility;
  if (min !== undefined && max !== undefined) {
    return `${min} to ${max} years`;
  }
  if (min !== undefined) {
    return `${min} years and older`;
  }
  return max === undefined ? 'Any age' : `Up to ${max} years`;
}

/** "1:2:2 (Single cycle administration group : Multiple … : Control group)". */
export function ratioLabel(protocol: Protocol, randomization: ProtocolRandomization): string {
  const entries = Object.entries(randomization.ratio);
  const names = entries.map(([arm]) => protocol.design.arms.find((a) => a.id === arm)?.name ?? arm);
  return `${entries.map(([, weight]) => weight).join(':')} (${names.join(' : ')})`;
}

/** "Permuted blocks of 5 and 10" or "Minimization on site, sex (best arm with probability 0.8)". */
export function randomizationMethodLabel(randomization: ProtocolRandomization): string {
  const { method } = randomization;
  if (method.kind === 'permuted-blocks') {
    const sizes = method.blockSizes.map(String);
    const last = sizes.pop();
    const list = sizes.length === 0 ? (last ?? '') : `${sizes.join(', ')} and ${last ?? ''}`;
    return `Permuted blocks of ${list}`;
  }
  const factors = method.factors.map((factor) => factor.stratum).join(', ');
  return `Minimization on ${factors} (best arm with probability ${method.bestArmProbability})`;
}

/** Display text of one calendar activity: a dose, a procedure or a form of the protocol. */
export function activityLabel(protocol: Protocol, activity: string): string {
  if (activity === 'dose:per-arm') {
    return 'Dose (product depends on the arm)';
  }
  if (activity.startsWith('dose:')) {
    const [interventionId = '', levelId] = activity.slice('dose:'.length).split('@');
    const intervention = protocol.interventions.find((candidate) => candidate.id === interventionId);
    const level = intervention?.doseLevels?.find((candidate) => candidate.id === levelId);
    const name = intervention?.name ?? interventionId;
    const levelName = level?.name ?? levelId;
    return levelName === undefined ? `Dose: ${name}` : `Dose: ${name} (${levelName})`;
  }
  const procedure = protocol.procedures.find((candidate) => candidate.id === activity);
  if (procedure !== undefined) {
    return procedure.name;
  }
  return protocol.forms.find((candidate) => candidate.id === activity)?.name ?? activity;
}

/** The kind of a calendar activity, for styling. */
export function activityKind(protocol: Protocol, activity: string): 'dose' | 'procedure' | 'form' {
  if (activity.startsWith('dose:')) {
    return 'dose';
  }
  return protocol.procedures.some((candidate) => candidate.id === activity) ? 'procedure' : 'form';
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "Mon 2026-07-06": a calendar date with its weekday (pure calendar arithmetic, no time zone). */
export function formatCalendarDate(isoDate: string): string {
  const weekday = WEEKDAYS[(((isoDateToDayNumber(isoDate) + 4) % 7) + 7) % 7] ?? '';
  return `${weekday} ${isoDate}`;
}

/** "2026-03-02 09:15 UTC" for an ISO timestamp (any offset), unambiguous across sites. */
export function formatTimestamp(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) {
    return isoDateTime;
  }
  const utc = date.toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
}

/**
 * What a visit is timed from, in words: an event ("first-dose" → "First dose"), `visit:<id>` or
 * `{ visit }` → the visit's name, `procedure:<id>` or `{ procedure }` → the procedure's name.
 */
export function anchorLabel(protocol: Protocol, anchor: string | Exclude<ProtocolAnchor, string>): string {
  let kind: 'visit' | 'procedure' | 'event' = 'event';
  let id = '';
  if (typeof anchor === 'string') {
    const [prefix = '', rest = ''] = anchor.split(':');
    if (rest !== '' && (prefix === 'visit' || prefix === 'procedure')) {
      kind = prefix;
      id = rest;
    } else {
      id = anchor;
    }
  } else if ('visit' in anchor) {
    kind = 'visit';
    id = anchor.visit;
  } else {
    kind = 'procedure';
    id = anchor.procedure;
  }
  if (kind === 'visit') {
    return protocol.visits.find((visit) => visit.id === id)?.name ?? id;
  }
  if (kind === 'procedure') {
    return protocol.procedures.find((procedure) => procedure.id === id)?.name ?? id;
  }
  return humanize(id);
}

/** "Day 0 = first dose" (or "Day 1 = …, no day 0") for the protocol's study-day convention. */
export function studyDayConvention(protocol: Protocol): string {
  const anchor = anchorLabel(protocol, protocol.studyDay.anchor).toLowerCase();
  return protocol.studyDay.numbering === 'day-1' ? `Day 1 = ${anchor} (no day 0)` : `Day 0 = ${anchor}`;
}
