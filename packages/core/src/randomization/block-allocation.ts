/**
 * Stratified permuted-block allocation computed on demand: the n-th slot of a stratum's list is recomputed from the
 * secret seed and the stratum key, so the server stores no list — only how many slots of the stratum are used
 * (read and incremented inside the randomization transaction). Method: docs/methods/randomization.md.
 */
import { blockEntries, type BlockListEntry, type BlockScheme } from './block-list.js';
import { kitCode } from './kit-code.js';

/** One allocation: the list slot plus its stratum and neutral kit code. */
export interface BlockAllocation extends BlockListEntry {
  readonly stratumKey: string;
  readonly kitCode: string;
}

/** Which slot: the stratum and the 1-based sequence number inside it. */
export interface BlockSlot {
  readonly stratumKey: string;
  readonly sequence: number;
}

/** The next allocation of a stratum, given how many of its slots are already used. */
export interface NextBlockSlot {
  readonly stratumKey: string;
  /** Allocations already made in this stratum (0 for its first participant). */
  readonly allocatedInStratum: number;
}

function checkSlot(stratumKey: string, sequence: number): void {
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  }
  if (stratumKey === '') {
    throw new RangeError('stratumKey must not be empty');
  }
}

/** The first `length` slots of a stratum's list (complete blocks, so possibly a few more). */
export function stratumList(
  scheme: BlockScheme,
  slot: { stratumKey: string; length: number },
): BlockListEntry[] {
  checkSlot(slot.stratumKey, slot.length);
  return blockEntries(scheme, slot.stratumKey, (n) => n >= slot.length);
}

/** The allocation in slot `sequence` of a stratum (scheme from `createBlockScheme`; throws on a bad slot). */
export function allocationAt(scheme: BlockScheme, slot: BlockSlot): BlockAllocation {
  const entries = stratumList(scheme, { stratumKey: slot.stratumKey, length: slot.sequence });
  const entry = entries[slot.sequence - 1];
  if (entry === undefined) {
    throw new Error(`stratum list shorter than ${slot.sequence}`);
  }
  return {
    ...entry,
    stratumKey: slot.stratumKey,
    kitCode: kitCode({ seed: scheme.seed, scope: slot.stratumKey, sequence: entry.sequence }),
  };
}

/** The next allocation of a stratum: slot `allocatedInStratum + 1`. */
export function allocateNext(scheme: BlockScheme, next: NextBlockSlot): BlockAllocation {
  if (!Number.isInteger(next.allocatedInStratum) || next.allocatedInStratum < 0) {
    throw new RangeError(`allocatedInStratum must be a non-negative integer, got ${next.allocatedInStratum}`);
  }
  return allocationAt(scheme, { stratumKey: next.stratumKey, sequence: next.allocatedInStratum + 1 });
}
