// ALSFRS-R for synthetic ALS participants: a latent linear course of the total (clinical.md §5.1–5.2) with visit
// noise, split into the 12 items by a participant-specific order in which points are lost (so the items are a
// monotone function of the total), and a gastrostomy once the latent swallowing item reaches 1 ("needs
// supplemental tube feeding", clinical.md §1.1).
import { daysBetweenIsoDates, addDaysToIsoDate, PROTOCOL_DAYS_PER_MONTH } from '../protocol/iso-date.js';
import { randomNormal, type Rng } from '../random/rng.js';
import { DEMO_ALSFRS, DEMO_ALSFRS_ITEM_WEIGHTS } from './demo-parameters.js';
import { clamp, demoRng } from './demo-random.js';
import type { DemoOnsetRegion, DemoSubject, DemoTrajectory } from './demo-types.js';

export const ALSFRS_ITEM_COUNT = 12;
const SWALLOWING_ITEM = 3;
/** Latent swallowing score at which the gastrostomy is placed (1 = needs supplemental tube feeding). */
const GASTROSTOMY_AT_SWALLOWING = 1;

/**
 * The order in which a participant loses the 48 item points: each draw picks an item with points left, with
 * probability proportional to its weight (onset-region weights times a per-item log-normal jitter).
 */
export function drawItemLossOrder(rng: Rng, region: DemoOnsetRegion): number[] {
  const weights = DEMO_ALSFRS_ITEM_WEIGHTS[region].map(
    (weight) => weight * Math.exp(randomNormal(rng, 0, 0.3)),
  );
  const left = new Array<number>(ALSFRS_ITEM_COUNT).fill(4);
  const order: number[] = [];
  for (let step = 0; step < ALSFRS_ITEM_COUNT * 4; step++) {
    const total = weights.reduce((sum, weight, index) => sum + ((left[index] ?? 0) > 0 ? weight : 0), 0);
    let target = rng.next() * total;
    let chosen = left.findIndex((points) => points > 0);
    for (let index = 0; index < ALSFRS_ITEM_COUNT; index++) {
      if ((left[index] ?? 0) === 0) {
        continue;
      }
      target -= weights[index] ?? 0;
      if (target < 0) {
        chosen = index;
        break;
      }
    }
    left[chosen] = (left[chosen] ?? 0) - 1;
    order.push(chosen + 1);
  }
  return order;
}

/** Item scores (index 0 = item 1) for a total: the first 48 − total points of the loss order are lost. */
export function itemsForTotal(order: readonly number[], total: number): number[] {
  const items = new Array<number>(ALSFRS_ITEM_COUNT).fill(4);
  for (const item of order.slice(0, 48 - total)) {
    items[item - 1] = (items[item - 1] ?? 0) - 1;
  }
  return items;
}

function monthsFrom(from: string, to: string): number {
  return daysBetweenIsoDates(from, to) / PROTOCOL_DAYS_PER_MONTH;
}

/** The latent (noise-free) total at a date; 48 up to symptom onset. */
export function latentAlsfrsTotal(participant: DemoSubject, date: string): number {
  const { alsfrsAtScreening, alsfrsSlopePerMonth } = participant.trajectory;
  if (alsfrsAtScreening === undefined || alsfrsSlopePerMonth === undefined) {
    return 48;
  }
  if (date <= participant.demographics.symptomOnsetDate) {
    return 48;
  }
  const months = monthsFrom(participant.screeningDate, date);
  return clamp(alsfrsAtScreening + alsfrsSlopePerMonth * months, 0, 48);
}

/**
 * The gastrostomy date: when the latent total has lost as many points as it takes the loss order to bring the
 * swallowing item down to 1. Before screening it is dated back along the latent course (never before diagnosis);
 * with a stable or improving course it is either already in place (60 days before screening) or never.
 */
export function gastrostomyDateFor(
  trajectory: Pick<DemoTrajectory, 'alsfrsAtScreening' | 'alsfrsSlopePerMonth' | 'alsfrsItemLossOrder'>,
  dates: { readonly screeningDate: string; readonly diagnosisDate: string },
): string | undefined {
  const { alsfrsAtScreening: total0, alsfrsSlopePerMonth: slope, alsfrsItemLossOrder: order } = trajectory;
  if (total0 === undefined || slope === undefined || order === undefined) {
    return undefined;
  }
  let lost = 0;
  let pointsNeeded = 0;
  for (const [position, item] of order.entries()) {
    if (item === SWALLOWING_ITEM) {
      lost++;
      if (lost === 4 - GASTROSTOMY_AT_SWALLOWING) {
        pointsNeeded = position + 1;
        break;
      }
    }
  }
  const threshold = 48 - pointsNeeded;
  let days: number;
  if (slope < 0) {
    days = Math.round(((threshold - total0) / slope) * PROTOCOL_DAYS_PER_MONTH);
  } else if (total0 <= threshold) {
    days = -60;
  } else {
    return undefined;
  }
  if (days > 3650) {
    return undefined;
  }
  const earliest = daysBetweenIsoDates(dates.screeningDate, dates.diagnosisDate);
  return addDaysToIsoDate(dates.screeningDate, Math.max(days, earliest));
}

/**
 * Highest respiratory item scores (items 10 dyspnoea, 11 orthopnoea, 12 respiratory insufficiency) at a latent FVC
 * % predicted, so that breathing items fall as the lungs weaken (non-invasive ventilation is usually offered below
 * ~50 %). ASSUMED thresholds, for plausible demo data only.
 */
export function respiratoryItemCaps(fvcPercent: number): readonly [number, number, number] {
  const cap = (limits: readonly number[]): number => limits.filter((limit) => fvcPercent >= limit).length;
  return [cap([25, 40, 55, 70]), cap([25, 35, 45, 60]), cap([25, 30, 40, 50])];
}

/**
 * Lowers respiratory items to their caps, keeping the total: each point taken from a respiratory item is given back
 * to the non-respiratory item that lost its point most recently in the loss order.
 */
export function applyRespiratoryCaps(
  items: readonly number[],
  input: { readonly order: readonly number[]; readonly caps: readonly [number, number, number] },
): number[] {
  const result = [...items];
  const total = result.reduce((sum, score) => sum + score, 0);
  const lost = input.order.slice(0, 48 - total);
  input.caps.forEach((cap, offset) => {
    const respiratory = 9 + offset;
    while ((result[respiratory] ?? 0) > cap) {
      const donor = [...lost].reverse().find((item) => item <= 9 && (result[item - 1] ?? 4) < 4);
      if (donor === undefined) {
        return;
      }
      lost.splice(lost.lastIndexOf(donor), 1);
      result[donor - 1] = (result[donor - 1] ?? 0) + 1;
      result[respiratory] = (result[respiratory] ?? 0) - 1;
    }
  });
  return result;
}

/** One ALSFRS-R assessment: the total, the 12 item scores (index 0 = item 1) and the gastrostomy status. */
export interface DemoAlsfrsAssessment {
  readonly total: number;
  readonly items: readonly number[];
  readonly gastrostomy: boolean;
}

/** The observed ALSFRS-R at a date: latent total plus visit noise, rounded and kept within 0–48. */
export function alsfrsAssessmentAt(participant: DemoSubject, date: string): DemoAlsfrsAssessment | undefined {
  const order = participant.trajectory.alsfrsItemLossOrder;
  if (order === undefined) {
    return undefined;
  }
  const latent = latentAlsfrsTotal(participant, date);
  const noise =
    date <= participant.demographics.symptomOnsetDate
      ? 0
      : randomNormal(demoRng(participant.seed, 'alsfrs-r', date), 0, DEMO_ALSFRS.visitNoiseSd);
  const total = clamp(Math.round(latent + noise), 0, 48);
  const { gastrostomyDate, fvcPercentAtScreening, fvcSlopePerMonth } = participant.trajectory;
  const latentFvc = fvcPercentAtScreening + fvcSlopePerMonth * monthsFrom(participant.screeningDate, date);
  return {
    total,
    items: applyRespiratoryCaps(itemsForTotal(order, total), { order, caps: respiratoryItemCaps(latentFvc) }),
    gastrostomy: gastrostomyDate !== undefined && date >= gastrostomyDate,
  };
}

/** Item 5 is 5a without and 5b with a gastrostomy (clinical.md §1.1); every other item is its number. */
function itemKey(item: number, gastrostomy: boolean): string {
  if (item !== 5) {
    return String(item);
  }
  return gastrostomy ? '5b' : '5a';
}

/** The alsfrs-r form values: `gastrostomy`, `q1`…`q12` with `q5a` (no gastrostomy) or `q5b` (gastrostomy). */
export function alsfrsFormValues(assessment: DemoAlsfrsAssessment): Record<string, unknown> {
  const values: Record<string, unknown> = { gastrostomy: assessment.gastrostomy };
  assessment.items.forEach((score, index) => {
    values[`q${itemKey(index + 1, assessment.gastrostomy)}`] = score;
  });
  return values;
}

/** The screening record's ALSFRS-R items (`"1"`…`"12"`, `"5a"` or `"5b"`). */
export function screeningAlsfrsItems(assessment: DemoAlsfrsAssessment): Record<string, number> {
  const items: Record<string, number> = {};
  assessment.items.forEach((score, index) => {
    items[itemKey(index + 1, assessment.gastrostomy)] = score;
  });
  return items;
}
