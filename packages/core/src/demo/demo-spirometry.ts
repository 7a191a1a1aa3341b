// Spirometry for synthetic participants: a latent FVC % predicted course (clinical.md §5.1: −2.24 %pred/month in
// PRO-ACT) with visit noise, converted to litres with the Hankinson 1999 NHANES III predicted FVC that the
// platform's scoring uses (scales/spirometry-hankinson.ts, clinical.md §2.1). SVC is expressed against the FVC
// equation, as scoreSpirometry does.
import { daysBetweenIsoDates, PROTOCOL_DAYS_PER_MONTH } from '../protocol/iso-date.js';
import { randomNormal } from '../random/rng.js';
import { hankinsonPredict } from '../scales/spirometry-hankinson.js';
import { DEMO_FVC } from './demo-parameters.js';
import { clamp, demoRng, roundTo } from './demo-random.js';
import type { DemoSubject } from './demo-types.js';

/** Exact age in years at a date (days / 365.25), as spirometry reference equations take it. */
export function ageAt(birthDate: string, date: string): number {
  return daysBetweenIsoDates(birthDate, date) / 365.25;
}

/** One spirometry session: litres as a spirometer reports them (2 decimals) and the % predicted behind them. */
export interface DemoSpirometry {
  readonly fvcL: number;
  readonly fev1L: number;
  readonly svcL: number;
  /** Hankinson predicted FVC at this date (litres). */
  readonly predictedFvcL: number;
}

/** Lowest % predicted generated (a measurable, very weak effort). */
const FLOOR_PERCENT = 8;

export function spirometryAt(participant: DemoSubject, date: string): DemoSpirometry {
  const { trajectory, demographics } = participant;
  const rng = demoRng(participant.seed, 'spirometry', date);
  const months = daysBetweenIsoDates(participant.screeningDate, date) / PROTOCOL_DAYS_PER_MONTH;
  const latent = trajectory.fvcPercentAtScreening + trajectory.fvcSlopePerMonth * months;
  const fvcPercent = Math.max(FLOOR_PERCENT, latent + randomNormal(rng, 0, DEMO_FVC.visitNoiseSd));
  const svcPercent = Math.max(
    FLOOR_PERCENT,
    fvcPercent + trajectory.svcOffsetPercent + randomNormal(rng, 0, 2),
  );
  const ratio = clamp(trajectory.fev1FvcRatio + randomNormal(rng, 0, 0.02), 0.55, 0.98);
  const predictedFvcL = hankinsonPredict(
    {
      sex: demographics.sex,
      ageYears: ageAt(demographics.birthDate, date),
      heightCm: demographics.heightCm,
      ethnicity: demographics.spirometryEthnicity,
    },
    'fvc',
  ).predicted;
  const fvcL = Math.max(0.1, roundTo((fvcPercent / 100) * predictedFvcL, 2));
  return {
    fvcL,
    fev1L: Math.max(0.05, roundTo(fvcL * ratio, 2)),
    svcL: Math.max(0.1, roundTo((svcPercent / 100) * predictedFvcL, 2)),
    predictedFvcL,
  };
}

/** The spirometry form values (`fvcL`, `fev1L`, `svcL`). */
export function spirometryFormValues(session: DemoSpirometry): Record<string, unknown> {
  return { fvcL: session.fvcL, fev1L: session.fev1L, svcL: session.svcL };
}

/** % predicted of a volume against the FVC equation, to one decimal (as the screening record holds it). */
export function percentPredicted(litres: number, predictedFvcL: number): number {
  return roundTo((100 * litres) / predictedFvcL, 1);
}
