/**
 * From a protocol's `design.randomization` to a ready engine: permuted blocks with their stratification factors,
 * or a minimization scheme whose factors are the protocol's strata.
 */
import type { DesignResult } from '../dose-escalation/design-result.js';
import type { ProtocolRandomization } from '../protocol/protocol-types.js';
import { createBlockScheme, type BlockScheme } from './block-list.js';
import { createMinimizationScheme, type MinimizationScheme } from './minimization.js';
import { armsFromRatio, type RandomizationSeed } from './randomization-arms.js';
import {
  SITE_FACTOR,
  stratificationFromProtocol,
  type StratificationFactor,
  type StratificationOptions,
} from './stratum-key.js';

/** A protocol's randomization, ready to allocate. */
export type RandomizationPlan =
  | {
      readonly kind: 'permuted-blocks';
      readonly scheme: BlockScheme;
      /** Factors of the stratum key (`buildStratumKey({ factors: stratification, values })`). */
      readonly stratification: readonly StratificationFactor[];
    }
  | { readonly kind: 'minimization'; readonly scheme: MinimizationScheme };

/** The secret seed plus stratification options. */
export interface RandomizationPlanOptions extends StratificationOptions {
  readonly seed: RandomizationSeed;
}

/** Builds the engine for a protocol's randomization block (problems as values, e.g. a bad block length). */
export function randomizationPlanFromProtocol(
  randomization: ProtocolRandomization,
  options: RandomizationPlanOptions,
): DesignResult<RandomizationPlan> {
  const arms = armsFromRatio(randomization.ratio);
  const method = randomization.method;
  if (method.kind === 'permuted-blocks') {
    const scheme = createBlockScheme({ arms, blockSizes: method.blockSizes, seed: options.seed });
    if (scheme.kind === 'invalid') {
      return scheme;
    }
    return {
      kind: 'ok',
      value: {
        kind: 'permuted-blocks',
        scheme: scheme.value,
        stratification: stratificationFromProtocol(randomization, options),
      },
    };
  }
  const strata = randomization.strata ?? [];
  const scheme = createMinimizationScheme({
    arms,
    factors: method.factors.map((factor) => {
      const stratum = strata.find((s) => s.id === factor.stratum);
      const levels = stratum?.levels ?? (factor.stratum === SITE_FACTOR ? options.siteCodes : undefined);
      return {
        id: factor.stratum,
        weight: factor.weight ?? 1,
        ...(levels === undefined ? {} : { levels }),
      };
    }),
    imbalance: method.imbalance ?? 'range',
    rule: { kind: 'best-arm', probability: method.bestArmProbability },
    seed: options.seed,
  });
  if (scheme.kind === 'invalid') {
    return scheme;
  }
  return { kind: 'ok', value: { kind: 'minimization', scheme: scheme.value } };
}
