// Follow-up events of a synthetic participant: death, tracheostomy (ALS) and withdrawal as competing constant
// hazards from the planned enrolment date; in ALS death and tracheostomy are more likely the faster the ALSFRS-R
// declines, and respiratory failure (death or tracheostomy) comes when the latent FVC reaches 25 % predicted. The
// first event before the planned end of study and before `asOfDate` is the outcome.
import { addDaysToIsoDate, daysBetweenIsoDates, PROTOCOL_DAYS_PER_MONTH } from '../protocol/iso-date.js';
import { DEMO_ALSFRS, DEMO_EVENTS } from './demo-parameters.js';
import { chance, demoRng, exponential } from './demo-random.js';
import type { DemoOutcome, DemoSubject } from './demo-types.js';

export interface DemoOutcomeDates {
  readonly enrollmentDate: string;
  readonly endDate: string;
  readonly asOfDate: string;
}

/** Monthly hazards of the three events for a participant. */
export function eventHazards(subject: DemoSubject): { died: number; tracheostomy: number; withdrew: number } {
  const withdrew = -Math.log(1 - DEMO_EVENTS.withdrawalPerYear) / 12;
  const slope = subject.trajectory.alsfrsSlopePerMonth;
  if (subject.disease !== 'ALS' || slope === undefined) {
    return { died: DEMO_EVENTS.msDeathPerMonth, tracheostomy: 0, withdrew };
  }
  const fasterBySd = (DEMO_ALSFRS.slopeMean - slope) / DEMO_ALSFRS.slopeSd;
  const ratio = Math.exp(DEMO_EVENTS.alsSlopeLogHazardPerSd * fasterBySd);
  return {
    died: DEMO_EVENTS.alsDeathPerMonth * ratio,
    tracheostomy: DEMO_EVENTS.alsTracheostomyPerMonth * ratio,
    withdrew,
  };
}

/**
 * Months from enrolment until the latent FVC falls to the respiratory-failure level (ALS only): death or a
 * tracheostomy then, unless something else happened first. Infinity when it never does.
 */
export function respiratoryFailureMonths(subject: DemoSubject, enrollmentDate: string): number {
  const { fvcPercentAtScreening: fvc0, fvcSlopePerMonth: slope } = subject.trajectory;
  if (subject.disease !== 'ALS' || slope >= 0) {
    return Number.POSITIVE_INFINITY;
  }
  const fromScreening = (DEMO_EVENTS.respiratoryFailureFvcPercent - fvc0) / slope;
  const toEnrollment = daysBetweenIsoDates(subject.screeningDate, enrollmentDate) / PROTOCOL_DAYS_PER_MONTH;
  return Math.max(0, fromScreening - toEnrollment);
}

export function drawOutcome(subject: DemoSubject, dates: DemoOutcomeDates): DemoOutcome {
  const rng = demoRng(subject.seed, 'outcome');
  const hazards = eventHazards(subject);
  const failureKind = chance(rng, DEMO_EVENTS.respiratoryFailureDeathShare) ? 'died' : 'tracheostomy';
  const times = [
    ['died', exponential(rng, hazards.died)],
    ['tracheostomy', exponential(rng, hazards.tracheostomy)],
    ['withdrew', exponential(rng, hazards.withdrew)],
    [failureKind, respiratoryFailureMonths(subject, dates.enrollmentDate)],
  ] as const;
  const [kind, months] = times.reduce<readonly [DemoOutcome['kind'], number]>(
    (first, next) => (next[1] < first[1] ? next : first),
    ['ongoing', Number.POSITIVE_INFINITY],
  );
  if (kind === 'ongoing') {
    return { kind: 'ongoing' };
  }
  const date = addDaysToIsoDate(dates.enrollmentDate, 1 + Math.floor(months * PROTOCOL_DAYS_PER_MONTH));
  const cutoff = dates.endDate < dates.asOfDate ? dates.endDate : dates.asOfDate;
  return date <= cutoff ? { kind, date } : { kind: 'ongoing' };
}
