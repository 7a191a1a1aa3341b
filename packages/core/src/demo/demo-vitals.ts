// Vital signs for synthetic participants: participant means with visit-to-visit noise, body weight drifting by a
// participant-specific percentage per month (weight loss is common in ALS), and the respiratory rate rising as the
// FVC falls. Ranges are ordinary adult values. ASSUMED throughout (docs/demo-data.md).
import { daysBetweenIsoDates, PROTOCOL_DAYS_PER_MONTH } from '../protocol/iso-date.js';
import { randomNormal, type Rng } from '../random/rng.js';
import { clamp, demoRng, normalWithin, roundTo } from './demo-random.js';
import type { DemoSubject, DemoTrajectory } from './demo-types.js';

/** Participant means of the vital signs (before visit noise). */
export function drawVitalMeans(rng: Rng): DemoTrajectory['vitals'] {
  const systolicBp = normalWithin(rng, { mean: 128, sd: 14, bounds: { min: 98, max: 165 } });
  return {
    heartRate: normalWithin(rng, { mean: 74, sd: 9, bounds: { min: 52, max: 100 } }),
    systolicBp,
    diastolicBp: Math.min(
      systolicBp - 30,
      normalWithin(rng, { mean: 78, sd: 8, bounds: { min: 58, max: 98 } }),
    ),
    respiratoryRate: normalWithin(rng, { mean: 15, sd: 1.8, bounds: { min: 11, max: 20 } }),
    temperatureC: normalWithin(rng, { mean: 36.7, sd: 0.25, bounds: { min: 36.1, max: 37.2 } }),
  };
}

/** Body weight at a date (one decimal), from the screening weight and the monthly drift. */
export function weightAt(participant: DemoSubject, date: string): number {
  if (date === participant.screeningDate) {
    return participant.demographics.weightKg;
  }
  const months = daysBetweenIsoDates(participant.screeningDate, date) / PROTOCOL_DAYS_PER_MONTH;
  const drift = 1 + (participant.trajectory.weightChangePercentPerMonth / 100) * months;
  const noise = randomNormal(demoRng(participant.seed, 'weight', date), 0, 0.4);
  return roundTo(Math.max(30, participant.demographics.weightKg * drift + noise), 1);
}

/** The vital-signs form values. */
export function vitalSignsAt(participant: DemoSubject, date: string): Record<string, unknown> {
  const rng = demoRng(participant.seed, 'vital-signs', date);
  const means = participant.trajectory.vitals;
  const months = daysBetweenIsoDates(participant.screeningDate, date) / PROTOCOL_DAYS_PER_MONTH;
  const fvc = participant.trajectory.fvcPercentAtScreening + participant.trajectory.fvcSlopePerMonth * months;
  const breathless = Math.max(0, (60 - fvc) / 10);
  const systolic = Math.round(clamp(means.systolicBp + randomNormal(rng, 0, 8), 85, 200));
  const diastolic = Math.round(clamp(means.diastolicBp + randomNormal(rng, 0, 6), 45, systolic - 20));
  return {
    heartRate: Math.round(clamp(means.heartRate + randomNormal(rng, 0, 6), 45, 130)),
    systolicBp: systolic,
    diastolicBp: diastolic,
    respiratoryRate: Math.round(clamp(means.respiratoryRate + breathless + randomNormal(rng, 0, 1.5), 9, 32)),
    temperatureC: roundTo(clamp(means.temperatureC + randomNormal(rng, 0, 0.2), 35.8, 38.5), 1),
    weightKg: weightAt(participant, date),
    heightCm: participant.demographics.heightCm,
  };
}
