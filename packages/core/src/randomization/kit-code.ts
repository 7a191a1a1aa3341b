/**
 * Neutral kit / allocation codes: 10 Crockford base-32 characters (`7F3QZ-9M2XA`, 50 bits) mixed from the secret
 * seed, a scope (the stratum key or `minimization`) and the sequence number — never from the arm, so a code says
 * nothing about the treatment. Not cryptographic: concealment is enforced by access control, and the seed is
 * secret (docs/methods/randomization.md §Kit codes).
 */
import { streamRng, type RandomizationSeed } from './randomization-arms.js';

/** Crockford's base-32 alphabet (no I, L, O, U: nothing to misread on a label). */
export const KIT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** What a kit code is derived from. */
export interface KitCodeInput {
  readonly seed: RandomizationSeed;
  /** Which list the slot belongs to: the stratum key for permuted blocks, `minimization` for minimization. */
  readonly scope: string;
  /** 1-based sequence number of the slot in that list. */
  readonly sequence: number;
  /** 0 unless the server found the code already taken (probability ≈ n²/2⁵¹) and asks for the next candidate. */
  readonly attempt?: number;
}

/** Shape of a kit code: two groups of five Crockford base-32 characters. */
export const KIT_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/** The neutral code of one allocation slot (same inputs → same code; the arm is not an input). */
export function kitCode(input: KitCodeInput): string {
  if (!Number.isInteger(input.sequence) || input.sequence < 1) {
    throw new RangeError(`kit code sequence must be a positive integer, got ${input.sequence}`);
  }
  const rng = streamRng('kit-code', input.seed, `${input.scope}#${input.sequence}#${input.attempt ?? 0}`);
  // Two 32-bit outputs of the seeded generator; 25 bits of each make the 10 characters.
  const high = Math.floor(rng.next() * 2 ** 25);
  const low = Math.floor(rng.next() * 2 ** 25);
  return `${toBase32(high)}-${toBase32(low)}`;
}

function toBase32(value: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < 5; i++) {
    out = (KIT_CODE_ALPHABET[rest % 32] ?? '0') + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}
