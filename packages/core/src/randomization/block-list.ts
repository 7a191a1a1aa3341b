/**
 * Permuted blocks with randomly varying block lengths (design.md §3.1): each block's length is drawn uniformly
 * from the allowed lengths, and the block holds every arm `length / Σratio × ratio_i` times in a Fisher–Yates
 * shuffled order. Deterministic from the seed (and the stratum key). Method: docs/methods/randomization.md.
 */
import { designProblem, type DesignProblem, type DesignResult } from '../dose-escalation/design-result.js';
import { randomInt, shuffle, type Rng } from '../random/rng.js';
import {
  armProblems,
  canonicalArms,
  ratioSum,
  seedProblems,
  streamRng,
  type RandomizationArm,
  type RandomizationSeed,
} from './randomization-arms.js';

/** Longest list (entries) or number of blocks one call may generate. */
export const MAX_BLOCK_LIST_LENGTH = 100_000;

/** The allocation scheme of permuted blocks: arms, allowed block lengths and the secret seed. */
export interface BlockSchemeInput {
  readonly arms: readonly RandomizationArm[];
  /** Allowed block lengths (each a multiple of the ratio sum), e.g. [2, 4, 6] for 1:1 or [3, 6] for 2:1. */
  readonly blockSizes: readonly number[];
  readonly seed: RandomizationSeed;
}

/** A validated scheme: arms in canonical order, block lengths ascending and distinct. */
export interface BlockScheme {
  readonly arms: readonly RandomizationArm[];
  readonly blockSizes: readonly number[];
  readonly seed: RandomizationSeed;
}

/** What `generateBlockList` needs: the scheme plus how long, and optionally which stratum. */
export interface BlockListInput extends BlockSchemeInput {
  /** At least this many entries; the last block is always completed (as blockrand does). */
  readonly length?: number;
  /** Exactly this many blocks (instead of `length`). */
  readonly blocks?: number;
  /** Stratum key (see `buildStratumKey`); omitted = the unstratified key `*`. */
  readonly stratumKey?: string;
}

/** One slot of an allocation list. */
export interface BlockListEntry {
  /** 1-based position in the stratum's list (= the randomization sequence number in that stratum). */
  readonly sequence: number;
  /** 1-based block number. */
  readonly block: number;
  readonly blockSize: number;
  /** 1-based position inside the block. */
  readonly positionInBlock: number;
  readonly arm: string;
}

/** A generated list and the (canonical) scheme it came from. */
export interface BlockList {
  readonly arms: readonly RandomizationArm[];
  readonly blockSizes: readonly number[];
  readonly stratumKey: string;
  readonly entries: readonly BlockListEntry[];
}

/** The stratum key of an unstratified list. */
export const UNSTRATIFIED_KEY = '*';

function blockSizeProblems(blockSizes: readonly number[], sum: number): DesignProblem[] {
  if (blockSizes.length === 0) {
    return [designProblem('blockSizes', 'non-empty', 'blockSizes needs at least one block length')];
  }
  const problems: DesignProblem[] = [];
  const seen = new Set<number>();
  blockSizes.forEach((size, i) => {
    const path = `blockSizes[${i}]`;
    if (!Number.isInteger(size) || size < 1 || size > 1000) {
      problems.push(designProblem(path, 'integer-in-range', `${path} must be an integer from 1 to 1000`));
    } else if (sum > 0 && size % sum !== 0) {
      problems.push(
        designProblem(
          path,
          'block-multiple-of-ratio',
          `${path} = ${size} is not a multiple of the ratio sum ${sum}, so a block could not hold the ratio exactly`,
        ),
      );
    } else if (seen.has(size)) {
      problems.push(designProblem(path, 'unique-block-size', `block length ${size} is listed twice`));
    }
    seen.add(size);
  });
  return problems;
}

/** Validates a scheme and puts it in canonical form (arms by id, block lengths ascending). */
export function createBlockScheme(input: BlockSchemeInput): DesignResult<BlockScheme> {
  const arms = armProblems(input.arms);
  const problems = [
    ...arms,
    ...blockSizeProblems(input.blockSizes, arms.length === 0 ? ratioSum(input.arms) : 0),
    ...seedProblems(input.seed),
  ];
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  return {
    kind: 'ok',
    value: {
      arms: canonicalArms(input.arms),
      blockSizes: [...input.blockSizes].sort((a, b) => a - b),
      seed: input.seed,
    },
  };
}

/** One block: a length drawn uniformly from the allowed lengths, then a shuffled multiset of arms. */
export function drawBlock(rng: Rng, scheme: BlockScheme): string[] {
  const size = scheme.blockSizes[randomInt(rng, 0, scheme.blockSizes.length - 1)];
  if (size === undefined) {
    throw new Error('block scheme without block sizes');
  }
  const multiple = size / ratioSum(scheme.arms);
  const slots = scheme.arms.flatMap((arm) => new Array<string>(arm.ratio * multiple).fill(arm.id));
  return shuffle(rng, slots);
}

/**
 * The first entries of a stratum's list, block after block, until `until(entriesSoFar, blocksSoFar)` says stop
 * (checked after each complete block). The scheme must be valid (`createBlockScheme`).
 */
export function blockEntries(
  scheme: BlockScheme,
  stratumKey: string,
  until: (entries: number, blocks: number) => boolean,
): BlockListEntry[] {
  const rng = streamRng('permuted-blocks', scheme.seed, stratumKey);
  const entries: BlockListEntry[] = [];
  let block = 0;
  while (!until(entries.length, block)) {
    block += 1;
    const arms = drawBlock(rng, scheme);
    arms.forEach((arm, i) => {
      entries.push({
        sequence: entries.length + 1,
        block,
        blockSize: arms.length,
        positionInBlock: i + 1,
        arm,
      });
    });
  }
  return entries;
}

function lengthProblems(input: BlockListInput): DesignProblem[] {
  const { length, blocks } = input;
  if ((length === undefined) === (blocks === undefined)) {
    return [designProblem('length', 'length-or-blocks', 'give exactly one of length and blocks')];
  }
  const [path, value] = length === undefined ? ['blocks', blocks] : ['length', length];
  if (value === undefined || !Number.isInteger(value) || value < 1 || value > MAX_BLOCK_LIST_LENGTH) {
    return [
      designProblem(
        path,
        'integer-in-range',
        `${path} must be an integer from 1 to ${MAX_BLOCK_LIST_LENGTH}`,
      ),
    ];
  }
  return [];
}

/** Generates a permuted-block list (complete blocks only) for one stratum, deterministically from the seed. */
export function generateBlockList(input: BlockListInput): DesignResult<BlockList> {
  const scheme = createBlockScheme(input);
  const problems = [...(scheme.kind === 'invalid' ? scheme.problems : []), ...lengthProblems(input)];
  if (input.stratumKey === '') {
    problems.push(
      designProblem('stratumKey', 'stratum-key', 'stratumKey must not be empty (use * or omit it)'),
    );
  }
  if (scheme.kind === 'invalid' || problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  const stratumKey = input.stratumKey ?? UNSTRATIFIED_KEY;
  const { length, blocks } = input;
  const entries = blockEntries(scheme.value, stratumKey, (n, b) =>
    length === undefined ? b >= (blocks ?? 0) : n >= length,
  );
  return {
    kind: 'ok',
    value: { arms: scheme.value.arms, blockSizes: scheme.value.blockSizes, stratumKey, entries },
  };
}
