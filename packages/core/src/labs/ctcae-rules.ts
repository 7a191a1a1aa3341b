import { commonLabRules } from './ctcae-rules-common.js';
import { V4_ONLY_RULES, V5_ONLY_RULES } from './ctcae-rules-versioned.js';
import type { CtcaeLabRule, CtcaeVersion } from './ctcae-terms.js';

/** Every CTCAE lab grading rule, v5.0 then v4.03 (one per version × term × test). */
export const CTCAE_LAB_RULES: readonly CtcaeLabRule[] = [
  ...commonLabRules('v5.0'),
  ...V5_ONLY_RULES,
  ...commonLabRules('v4.0'),
  ...V4_ONLY_RULES,
];

/** The rules of one version, optionally narrowed to a term and/or a test. */
export function findCtcaeLabRules(query: {
  readonly version: CtcaeVersion;
  readonly term?: string;
  readonly test?: string;
}): readonly CtcaeLabRule[] {
  return CTCAE_LAB_RULES.filter(
    (rule) =>
      rule.version === query.version &&
      (query.term === undefined || rule.term === query.term) &&
      (query.test === undefined || rule.test === query.test),
  );
}
