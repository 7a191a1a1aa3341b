// Random draws for the synthetic-data generator, all from the seeded SFC32 generator (random/rng.ts).
// Every later draw for a participant comes from a generator keyed by the participant's seed and what is drawn
// (`demoRng(seed, 'alsfrs-r', '2025-03-01')`), so a value never depends on the order in which the caller asks.
import { createSeededRng, randomNormal, type Rng } from '../random/rng.js';

/** A generator keyed by a participant seed and the parts that name the draw. */
export function demoRng(seed: string, ...parts: readonly string[]): Rng {
  return createSeededRng([seed, ...parts].join('|'));
}

/** A closed interval; either end may be open-ended. */
export interface DemoInterval {
  readonly min?: number;
  readonly max?: number;
}

export function inInterval(value: number, interval: DemoInterval): boolean {
  return (
    (interval.min === undefined || value >= interval.min) &&
    (interval.max === undefined || value <= interval.max)
  );
}

/** The intersection of two intervals (may be empty: min > max). */
export function intersect(a: DemoInterval, b: DemoInterval): DemoInterval {
  const mins = [a.min, b.min].filter((value): value is number => value !== undefined);
  const maxes = [a.max, b.max].filter((value): value is number => value !== undefined);
  const min = mins.length === 0 ? undefined : Math.max(...mins);
  const max = maxes.length === 0 ? undefined : Math.min(...maxes);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function uniform(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng.next();
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/**
 * A normal draw restricted to `interval` (and to the plausible `bounds`): redrawn up to 50 times, then uniform over
 * the allowed range when the interval sits far in a tail.
 */
export function normalWithin(
  rng: Rng,
  spec: { readonly mean: number; readonly sd: number; readonly bounds: Required<DemoInterval> },
  interval: DemoInterval = {},
): number {
  const allowed = intersect(spec.bounds, interval);
  const low = allowed.min ?? spec.bounds.min;
  const high = allowed.max ?? spec.bounds.max;
  if (low > high) {
    return clamp(spec.mean, spec.bounds.min, spec.bounds.max);
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const value = randomNormal(rng, spec.mean, spec.sd);
    if (value >= low && value <= high) {
      return value;
    }
  }
  return uniform(rng, low, high);
}

/** A log-normal draw given its median and the SD of its logarithm. */
export function logNormal(rng: Rng, median: number, sdLog: number): number {
  return median * Math.exp(randomNormal(rng, 0, sdLog));
}

/** An exponential waiting time with the given rate (events per unit time); Infinity for rate 0. */
export function exponential(rng: Rng, rate: number): number {
  if (rate <= 0) {
    return Number.POSITIVE_INFINITY;
  }
  let u = 0;
  while (u === 0) {
    u = rng.next();
  }
  return -Math.log(u) / rate;
}

/** A Poisson count (Knuth's product method; fine for the small means used here). */
export function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = rng.next();
  while (product > limit) {
    count++;
    product *= rng.next();
  }
  return count;
}

/** One of the options, with probability proportional to its weight (weights > 0). */
export function weightedChoice<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let target = rng.next() * total;
  for (const [value, weight] of options) {
    target -= weight;
    if (target < 0) {
      return value;
    }
  }
  const last = options[options.length - 1];
  if (last === undefined) {
    throw new RangeError('weightedChoice needs at least one option');
  }
  return last[0];
}

/** A value rounded to `decimals` places (for generated values, which carry the precision a device reports). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A short hexadecimal key drawn from a generator (used to seed a participant). */
export function drawKey(rng: Rng): string {
  const word = (): string =>
    Math.floor(rng.next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return `${word()}${word()}`;
}
