/**
 * Seeded pseudo-random numbers for reproducible domain computations (randomization lists,
 * simulations, synthetic data). Core never calls Math.random.
 *
 * Generator: SFC32 (Chris Doty-Humphrey's Small Fast Counter, public domain), seeded by a
 * 128-bit string hash (four interleaved 32-bit FNV-1a/murmur-style mixes of the seed text).
 */
export interface Rng {
  /** A uniform number in [0, 1). */
  next(): number;
}

function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let h3 = 0x9e3779b9;
  let h4 = 0x85ebca6b;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h3 = Math.imul(h3 ^ c, 0xcc9e2d51);
    h4 = Math.imul(h4 ^ c, 0x1b873593);
  }
  const mix = (h: number): number => {
    let x = h ^ (h >>> 16);
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    return (x ^ (x >>> 16)) >>> 0;
  };
  return [mix(h1 ^ seed.length), mix(h2), mix(h3), mix(h4)];
}

/** Creates a reproducible generator: the same seed always yields the same sequence. */
export function createSeededRng(seed: string | number): Rng {
  let [a, b, c, d] = hashSeed(String(seed));
  const step = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs so that similar seeds diverge.
  for (let i = 0; i < 15; i++) {
    step();
  }
  return { next: step };
}

/** A uniform integer in [min, max] (both inclusive). */
export function randomInt(rng: Rng, min: number, max: number): number {
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
    throw new RangeError(`randomInt needs integers min <= max, got ${min}..${max}`);
  }
  return min + Math.floor(rng.next() * (max - min + 1));
}

/** Fisher–Yates shuffle into a new array. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, 0, i);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** A standard normal deviate (Box–Muller; one of the pair is used). */
export function randomNormal(rng: Rng, mean = 0, sd = 1): number {
  let u = 0;
  while (u === 0) {
    u = rng.next();
  }
  const v = rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
