// Public API of the randomization engines (docs/methods/randomization.md); internal helpers stay unexported.
export {
  armsFromRatio,
  canonicalArms,
  deriveStreamSeed,
  ratioSum,
  type RandomizationArm,
  type RandomizationSeed,
} from './randomization-arms.js';
export {
  createBlockScheme,
  generateBlockList,
  MAX_BLOCK_LIST_LENGTH,
  UNSTRATIFIED_KEY,
  type BlockList,
  type BlockListEntry,
  type BlockListInput,
  type BlockScheme,
  type BlockSchemeInput,
} from './block-list.js';
export * from './block-allocation.js';
export * from './block-probability.js';
export * from './stratum-key.js';
export * from './kit-code.js';
export * from './minimization-scores.js';
export * from './minimization.js';
export * from './randomization-plan.js';
