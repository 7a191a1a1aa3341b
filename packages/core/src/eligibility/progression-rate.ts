// ALSFRS-R progression rate over a lead-in (docs/eligibility-rules.md, "progressionRate"):
//   rate = (total at the lead-in start − total at the assessment date) / months between them, month = 30.4375 d.
// The end point is the ALSFRS-R total at the assessment date. The start point is the `alsfrsRHistory` entry
// whose elapsed time to the assessment is closest to the lead-in length W, within W ± W/2 (ties: the earlier);
// the rate is computed over the actual span. Positive = points lost per month (ΔFRS sign convention,
// clinical.md §1.2); the ALSUMMIT window "1.03 ± 50 %/month" is 0.515–1.545.
import { daysBetweenIsoDates } from '../protocol/iso-date.js';
import { elapsedTime } from './elapsed-time.js';
import { ELIGIBILITY_DAYS_PER_MONTH, type DurationUnit } from './rule-vocabulary.js';
import type { ScreeningAlsfrsRPoint, ScreeningRecord } from './screening-record.js';
import { alsfrsRTotal } from './variable-catalogue.js';

export type ProgressionRateResult =
  | {
      readonly kind: 'ok';
      /** Points lost per month (negative = improvement). */
      readonly rate: number;
      readonly start: ScreeningAlsfrsRPoint;
      readonly end: ScreeningAlsfrsRPoint;
      readonly days: number;
    }
  | { readonly kind: 'unknown'; readonly reason: string };

/** The lead-in length as words ("17 weeks", "1 year"). */
export function describeDuration(amount: number, unit: DurationUnit): string {
  return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
}

function endPoint(record: ScreeningRecord): ScreeningAlsfrsRPoint | undefined {
  const total = alsfrsRTotal(record);
  if (total !== undefined) {
    return { date: record.assessmentDate, total };
  }
  return record.alsfrsRHistory?.find((point) => point.date === record.assessmentDate);
}

/** The ALSFRS-R decline per month over a lead-in of `amount` `unit` ending at the assessment date. */
export function alsfrsRProgressionRate(
  record: ScreeningRecord,
  leadIn: { readonly amount: number; readonly unit: DurationUnit },
): ProgressionRateResult {
  const end = endPoint(record);
  if (end === undefined) {
    return { kind: 'unknown', reason: 'no ALSFRS-R total at the assessment date (alsfrsR)' };
  }
  const { amount, unit } = leadIn;
  const lead = describeDuration(amount, unit);
  if (record.alsfrsRHistory === undefined) {
    return { kind: 'unknown', reason: `no alsfrsRHistory to measure the ${lead} lead-in` };
  }
  let best: { point: ScreeningAlsfrsRPoint; distance: number; elapsed: number } | undefined;
  for (const point of record.alsfrsRHistory) {
    const elapsed = elapsedTime(point.date, record.assessmentDate, unit);
    const distance = Math.abs(elapsed - amount);
    if (elapsed <= 0 || distance > amount / 2) {
      continue;
    }
    if (
      best === undefined ||
      distance < best.distance ||
      (distance === best.distance && elapsed > best.elapsed)
    ) {
      best = { point, distance, elapsed };
    }
  }
  if (best === undefined) {
    const earliest = describeDuration(amount * 1.5, unit);
    const latest = describeDuration(amount / 2, unit);
    return {
      kind: 'unknown',
      reason: `no ALSFRS-R total in alsfrsRHistory between ${earliest} and ${latest} before the assessment (lead-in ${lead})`,
    };
  }
  const days = daysBetweenIsoDates(best.point.date, record.assessmentDate);
  const rate = (best.point.total - end.total) / (days / ELIGIBILITY_DAYS_PER_MONTH);
  return { kind: 'ok', rate, start: best.point, end, days };
}
