/**
 * Predictability inside a permuted block (design.md §3.1): once the block's length is known, the next assignment
 * has probability (remaining slots of the arm) / (remaining slots). This is why block lengths vary at random and
 * are hidden from sites.
 */
import { designProblem, type DesignResult } from '../dose-escalation/design-result.js';
import { armProblems, canonicalArms, ratioSum, type RandomizationArm } from './randomization-arms.js';

/** A block's arms and length, and the assignments already made in it. */
export interface BlockHistoryInput {
  readonly arms: readonly RandomizationArm[];
  readonly blockSize: number;
  /** Arms already assigned in this block, in order. */
  readonly history: readonly string[];
}

/** The probability of each arm (canonical order) for the next slot of the block. */
export interface ArmProbability {
  readonly arm: string;
  readonly probability: number;
}

/** P(next = arm | history) = remaining slots of the arm / remaining slots of the block. */
export function nextArmProbabilities(input: BlockHistoryInput): DesignResult<ArmProbability[]> {
  const problems = armProblems(input.arms);
  const sum = problems.length === 0 ? ratioSum(input.arms) : 0;
  if (sum === 0 || !Number.isInteger(input.blockSize) || input.blockSize % sum !== 0 || input.blockSize < 1) {
    problems.push(
      designProblem('blockSize', 'block-multiple-of-ratio', 'blockSize must be a multiple of Σratio'),
    );
  }
  if (input.history.length >= input.blockSize) {
    problems.push(designProblem('history', 'block-complete', 'the block has no slot left'));
  }
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  const multiple = input.blockSize / sum;
  const remaining = canonicalArms(input.arms).map((arm) => ({
    arm: arm.id,
    left: arm.ratio * multiple - input.history.filter((h) => h === arm.id).length,
  }));
  const unknown = input.history.filter((h) => !remaining.some((r) => r.arm === h));
  const over = remaining.filter((r) => r.left < 0);
  if (unknown.length > 0 || over.length > 0) {
    return {
      kind: 'invalid',
      problems: [
        designProblem(
          'history',
          'block-history',
          `the history names unknown arms (${unknown.join(', ')}) or exceeds an arm's slots (${over.map((r) => r.arm).join(', ')})`,
        ),
      ],
    };
  }
  const slotsLeft = input.blockSize - input.history.length;
  return { kind: 'ok', value: remaining.map((r) => ({ arm: r.arm, probability: r.left / slotsLeft })) };
}

/**
 * Probability that permuted blocks of the given (known) lengths produce exactly `sequence`: the product of the
 * conditional probabilities, i.e. Π 1 / multinomial(block) — 1/C(4,2)³ for three 1:1 blocks of 4.
 */
export function blockSequenceProbability(input: {
  readonly arms: readonly RandomizationArm[];
  readonly blockLengths: readonly number[];
  readonly sequence: readonly string[];
}): DesignResult<number> {
  const total = input.blockLengths.reduce((a, b) => a + b, 0);
  if (total !== input.sequence.length) {
    return {
      kind: 'invalid',
      problems: [
        designProblem(
          'sequence',
          'sequence-length',
          `the blocks hold ${total} slots, not ${input.sequence.length}`,
        ),
      ],
    };
  }
  const armIds = new Set(input.arms.map((arm) => arm.id));
  const unknown = input.sequence.filter((arm) => !armIds.has(arm));
  if (unknown.length > 0) {
    return {
      kind: 'invalid',
      problems: [
        designProblem('sequence', 'unknown-arm', `unknown arms in the sequence: ${unknown.join(', ')}`),
      ],
    };
  }
  let probability = 1;
  let start = 0;
  for (const blockSize of input.blockLengths) {
    for (let i = start; i < start + blockSize; i++) {
      const next = nextArmProbabilities({
        arms: input.arms,
        blockSize,
        history: input.sequence.slice(start, i),
      });
      if (next.kind === 'invalid') {
        return next;
      }
      probability *= next.value.find((p) => p.arm === input.sequence[i])?.probability ?? 0;
      if (probability === 0) {
        return { kind: 'ok', value: 0 }; // an arm beyond its slots in a block: impossible sequence
      }
    }
    start += blockSize;
  }
  return { kind: 'ok', value: probability };
}
