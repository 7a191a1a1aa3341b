/// <reference types="node" />
/**
 * Test helpers (never used by production code): the reference file
 * ../shared/reference/design-values/randomization_reference.txt (R 4.2.2, blockrand 1.5, randomizeR 3.0.2,
 * Minirand 0.1.3), read at test time and never copied into the repository, and an independent checker of
 * permuted-block invariants.
 */
import { readFileSync } from 'node:fs';

/** The reference file's text. */
export function readRandomizationReference(): string {
  const repoRoot = new URL('../../../../', import.meta.url);
  return readFileSync(
    new URL('../shared/reference/design-values/randomization_reference.txt', repoRoot),
    'utf8',
  );
}

/** A list written as one letter (or label) per slot with its block lengths; the last block may be cut short. */
export interface ListWithBlocks {
  readonly arms: readonly string[];
  readonly blockLengths: readonly number[];
}

/** Per-arm counts of a slice of a list. */
export function countArms(arms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const arm of arms) {
    counts.set(arm, (counts.get(arm) ?? 0) + 1);
  }
  return counts;
}

/**
 * Violations of the permuted-block invariants (design.md §3.1): every block length is allowed, and every complete
 * block holds exactly length/Σr × r_i slots of arm i. Written without the generator's code.
 */
export function blockViolations(
  list: ListWithBlocks,
  spec: { readonly ratio: Readonly<Record<string, number>>; readonly allowed: readonly number[] },
): string[] {
  const sum = Object.values(spec.ratio).reduce((a, b) => a + b, 0);
  const out: string[] = [];
  let start = 0;
  list.blockLengths.forEach((length, b) => {
    if (!spec.allowed.includes(length)) {
      out.push(`block ${b + 1}: length ${length} not allowed`);
    }
    const slice = list.arms.slice(start, start + length);
    start += length;
    if (slice.length < length) {
      return; // the last block of a truncated list
    }
    const counts = countArms(slice);
    for (const [arm, r] of Object.entries(spec.ratio)) {
      if ((counts.get(arm) ?? 0) !== (length / sum) * r) {
        out.push(`block ${b + 1}: ${arm} ${counts.get(arm) ?? 0} times, expected ${(length / sum) * r}`);
      }
    }
    if ([...counts.keys()].some((arm) => !(arm in spec.ratio))) {
      out.push(`block ${b + 1}: unknown arm`);
    }
  });
  if (start < list.arms.length) {
    out.push(`the blocks cover ${start} slots, the list has ${list.arms.length}`);
  }
  return out;
}
