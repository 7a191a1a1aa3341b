/**
 * Kaplan–Meier survival estimate with Greenwood standard errors and log-transformed confidence intervals
 * (R `survival::survfit` defaults: conf.type = "log", conf.int = 0.95), median and survival at given times.
 */
import { normalQuantile } from './distributions.js';

/** Right-censored survival data: event = true for the event (death/tracheostomy/PAV), false for censoring. */
export interface SurvivalData {
  readonly time: readonly number[];
  readonly event: readonly boolean[];
}

/** One row of the Kaplan–Meier table, at a distinct observed time (event or censoring). */
export interface KmStep {
  readonly time: number;
  readonly nRisk: number;
  readonly nEvent: number;
  readonly nCensor: number;
  readonly survival: number;
  /** Greenwood standard error of −log S (R's `std.err`); NaN once S reaches 0. */
  readonly stdErr: number;
  readonly lower: number;
  readonly upper: number;
}

/** A median or other quantile with its confidence limits (NaN = not reached). */
export interface SurvivalQuantile {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** Kaplan–Meier fit of one group. */
export interface KaplanMeier {
  readonly n: number;
  readonly events: number;
  readonly steps: readonly KmStep[];
  readonly median: SurvivalQuantile;
  readonly confLevel: number;
}

/** Fits the Kaplan–Meier curve; confLevel defaults to 0.95. */
export function kaplanMeier(data: SurvivalData, confLevel = 0.95): KaplanMeier {
  const n = data.time.length;
  const order = data.time.map((_, i) => i).sort((a, b) => (data.time[a] ?? 0) - (data.time[b] ?? 0));
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const steps: KmStep[] = [];
  let atRisk = n;
  let survival = 1;
  let varSum = 0;
  let events = 0;
  let i = 0;
  while (i < order.length) {
    const time = data.time[order[i] ?? 0] ?? 0;
    let nEvent = 0;
    let nCensor = 0;
    while (i < order.length && data.time[order[i] ?? 0] === time) {
      if (data.event[order[i] ?? 0]) {
        nEvent++;
      } else {
        nCensor++;
      }
      i++;
    }
    if (nEvent > 0) {
      survival *= 1 - nEvent / atRisk;
      varSum += atRisk > nEvent ? nEvent / (atRisk * (atRisk - nEvent)) : Number.NaN;
    }
    events += nEvent;
    const stdErr = Math.sqrt(varSum);
    const ok = survival > 0 && Number.isFinite(stdErr);
    steps.push({
      time,
      nRisk: atRisk,
      nEvent,
      nCensor,
      survival,
      stdErr: ok ? stdErr : Number.NaN,
      lower: ok ? Math.exp(Math.log(survival) - z * stdErr) : Number.NaN,
      upper: ok ? Math.min(1, Math.exp(Math.log(survival) + z * stdErr)) : Number.NaN,
    });
    atRisk -= nEvent + nCensor;
  }
  const median = {
    estimate: stepQuantile(steps, (s) => s.survival, 0.5),
    // The lower confidence curve reaches 0.5 first: it gives the lower limit of the median.
    lower: stepQuantile(steps, (s) => s.lower, 0.5),
    upper: stepQuantile(steps, (s) => s.upper, 0.5),
  };
  return { n, events, steps, median, confLevel };
}

const QUANTILE_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * First time the curve is ≤ p; when the curve equals p (within √ε) over an interval, the midpoint of
 * that interval (to the next time the curve changes), as `quantile.survfit` does. NaN when not reached.
 */
function stepQuantile(steps: readonly KmStep[], curve: (s: KmStep) => number, p: number): number {
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k];
    if (step === undefined) {
      break;
    }
    const value = curve(step);
    if (Number.isNaN(value) || value > p + QUANTILE_TOLERANCE) {
      continue;
    }
    if (Math.abs(value - p) <= QUANTILE_TOLERANCE) {
      for (let m = k + 1; m < steps.length; m++) {
        const next = steps[m];
        if (next !== undefined && curve(next) < value - QUANTILE_TOLERANCE) {
          return (step.time + next.time) / 2;
        }
      }
      return step.time;
    }
    return step.time;
  }
  return Number.NaN;
}

/** Survival (and CI) at time t: the step value at the last time ≤ t; null when t is beyond the last observed time. */
export function survivalAt(
  fit: KaplanMeier,
  t: number,
): { survival: number; lower: number; upper: number } | null {
  const last = fit.steps[fit.steps.length - 1];
  if (last === undefined || t > last.time) {
    return null;
  }
  let current = { survival: 1, lower: 1, upper: 1 };
  for (const step of fit.steps) {
    if (step.time > t) {
      break;
    }
    current = { survival: step.survival, lower: step.lower, upper: step.upper };
  }
  return current;
}
