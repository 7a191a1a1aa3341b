// What the generator needs to know about a study: the disease, the nominal calendar (screening → enrolment → last
// visit) and the sites' countries.
import { computeSchedule } from '../protocol/compute-schedule.js';
import { daysBetweenIsoDates } from '../protocol/iso-date.js';
import type { Protocol } from '../protocol/protocol-types.js';
import type { Rng } from '../random/rng.js';
import type { DemoEligibilityHints } from './demo-eligibility-hints.js';
import { weightedChoice } from './demo-random.js';
import type { DemoDisease, DemoEthnicity } from './demo-types.js';

/** The disease the protocol studies: from a `condition = …` rule, else from the condition names. */
export function studyDisease(protocol: Protocol, hints: DemoEligibilityHints): DemoDisease | undefined {
  const allowed = hints.allowed.condition;
  if (allowed?.length === 1 && (allowed[0] === 'ALS' || allowed[0] === 'MS')) {
    return allowed[0];
  }
  const text = protocol.conditions.join(' ');
  if (/amyotrophic|motor neu?ron disease|\bALS\b/i.test(text)) {
    return 'ALS';
  }
  if (/multiple sclerosis/i.test(text) || /\bMS\b/.test(text)) {
    return 'MS';
  }
  return undefined;
}

/** Nominal days from the screening visit to the enrolment visit and to the last scheduled visit. */
export interface DemoStudyCalendar {
  readonly enrollmentDays: number;
  readonly endDays: number;
}

/** Used when the protocol's calendar cannot be computed: enrolment 4 weeks after screening, one year of follow-up. */
export const DEMO_FALLBACK_CALENDAR: DemoStudyCalendar = { enrollmentDays: 28, endDays: 393 };

const REFERENCE_DATE = '2000-01-03';

export function studyCalendar(protocol: Protocol): DemoStudyCalendar {
  const arm = protocol.design.arms[0]?.id;
  const schedule = computeSchedule(protocol, {
    anchorDate: REFERENCE_DATE,
    ...(arm === undefined ? {} : { arm }),
  });
  if (schedule.kind !== 'ok' || schedule.entries.length === 0) {
    return DEMO_FALLBACK_CALENDAR;
  }
  const eventsOf = (visitId: string): readonly string[] =>
    protocol.visits.find((visit) => visit.id === visitId)?.events ?? [];
  const entries = schedule.entries;
  const screening = entries.find((entry) => eventsOf(entry.visit).includes('screening')) ?? entries[0];
  const enrollment = entries.find((entry) => eventsOf(entry.visit).includes('enrollment')) ?? screening;
  if (screening === undefined || enrollment === undefined) {
    return DEMO_FALLBACK_CALENDAR;
  }
  const last = entries.reduce((latest, entry) => (entry.date > latest ? entry.date : latest), screening.date);
  return {
    enrollmentDays: Math.max(0, daysBetweenIsoDates(screening.date, enrollment.date)),
    endDays: Math.max(1, daysBetweenIsoDates(screening.date, last)),
  };
}

/** Countries whose trial populations we draw as mostly Caucasian (Europe, Israel and similar). ASSUMED. */
const MOSTLY_CAUCASIAN = new Set([
  'Australia',
  'Austria',
  'Belgium',
  'Canada',
  'Denmark',
  'Finland',
  'France',
  'Germany',
  'Ireland',
  'Israel',
  'Italy',
  'Netherlands',
  'New Zealand',
  'Norway',
  'Poland',
  'Portugal',
  'Spain',
  'Sweden',
  'Switzerland',
  'United Kingdom',
]);

/** An ethnicity for a participant at a site in `country` (unknown country: mostly `other`). ASSUMED mixes. */
export function drawEthnicity(rng: Rng, country: string | undefined): DemoEthnicity {
  if (country === 'United States') {
    return weightedChoice<DemoEthnicity>(rng, [
      ['caucasian', 0.8],
      ['african-american', 0.08],
      ['mexican-american', 0.07],
      ['other', 0.05],
    ]);
  }
  if (country !== undefined && MOSTLY_CAUCASIAN.has(country)) {
    return weightedChoice<DemoEthnicity>(rng, [
      ['caucasian', 0.92],
      ['other', 0.08],
    ]);
  }
  return weightedChoice<DemoEthnicity>(rng, [
    ['other', 0.9],
    ['caucasian', 0.1],
  ]);
}
