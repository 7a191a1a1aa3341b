/**
 * Arms, allocation ratios, seeds and their validation, shared by every randomization engine
 * (docs/methods/randomization.md). Problems are values (`DesignProblem`), as in the dose-escalation engines.
 */
import { designProblem, type DesignProblem } from '../dose-escalation/design-result.js';
import { createSeededRng, type Rng } from '../random/rng.js';

/** One arm and its integer share of the allocation ratio (1:1 → ratio 1 each; 2:1 → 2 and 1). */
export interface RandomizationArm {
  readonly id: string;
  readonly ratio: number;
}

/** The study's secret seed: a non-empty string (or a finite number, used as its decimal text). */
export type RandomizationSeed = string | number;

/** Arms from a protocol ratio record (`{ active: 2, placebo: 1 }`), in canonical order (see `canonicalArms`). */
export function armsFromRatio(ratio: Readonly<Record<string, number>>): RandomizationArm[] {
  return canonicalArms(Object.entries(ratio).map(([id, value]) => ({ id, ratio: value })));
}

/**
 * Arms sorted by id (UTF-16 code-unit order), so that every list depends only on the set of arms and ratios,
 * not on the order in which a file or a caller happened to write them.
 */
export function canonicalArms(arms: readonly RandomizationArm[]): RandomizationArm[] {
  return [...arms].sort((a, b) => compareCodeUnits(a.id, b.id));
}

/** Plain code-unit comparison (locale-independent, so lists are the same on every machine). */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

/** Sum of the ratio shares (the smallest possible block length). */
export function ratioSum(arms: readonly RandomizationArm[]): number {
  return arms.reduce((sum, arm) => sum + arm.ratio, 0);
}

/** Problems with an arm list: at least two arms, non-empty unique ids, positive integer ratios. */
export function armProblems(arms: readonly RandomizationArm[], path = 'arms'): DesignProblem[] {
  const problems: DesignProblem[] = [];
  if (arms.length < 2) {
    problems.push(designProblem(path, 'two-arms', `${path} needs at least two arms, got ${arms.length}`));
  }
  const seen = new Set<string>();
  arms.forEach((arm, i) => {
    if (arm.id.trim() === '' || arm.id !== arm.id.trim()) {
      problems.push(
        designProblem(
          `${path}[${i}].id`,
          'arm-id',
          `${path}[${i}].id must be non-empty without outer spaces`,
        ),
      );
    } else if (seen.has(arm.id)) {
      problems.push(designProblem(`${path}[${i}].id`, 'unique-arm', `arm '${arm.id}' is listed twice`));
    }
    seen.add(arm.id);
    if (!Number.isInteger(arm.ratio) || arm.ratio < 1 || arm.ratio > 100) {
      problems.push(
        designProblem(
          `${path}[${i}].ratio`,
          'ratio-integer',
          `${path}[${i}].ratio must be an integer from 1 to 100, got ${String(arm.ratio)}`,
        ),
      );
    }
  });
  return problems;
}

/** Problems with a seed: a non-empty string or a finite number. */
export function seedProblems(seed: RandomizationSeed, path = 'seed'): DesignProblem[] {
  if ((typeof seed === 'string' && seed.length > 0) || (typeof seed === 'number' && Number.isFinite(seed))) {
    return [];
  }
  return [designProblem(path, 'seed', `${path} must be a non-empty string or a finite number`)];
}

/**
 * The seed text of one independent random stream: `celltrial/randomization/v1/<purpose>/<n>:<seed>/<m>:<key>`.
 * The lengths make the encoding unambiguous (seed `a|b` + key `c` never collides with seed `a` + key `b|c`).
 */
export function deriveStreamSeed(purpose: string, seed: RandomizationSeed, key: string): string {
  const text = String(seed);
  return `celltrial/randomization/v1/${purpose}/${text.length}:${text}/${key.length}:${key}`;
}

/** A generator for one stream (`deriveStreamSeed` fed to `createSeededRng`). */
export function streamRng(purpose: string, seed: RandomizationSeed, key: string): Rng {
  return createSeededRng(deriveStreamSeed(purpose, seed, key));
}
