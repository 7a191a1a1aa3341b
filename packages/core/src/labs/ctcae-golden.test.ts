import { describe, expect, it } from 'vitest';
import { COMMON_GOLDEN } from './ctcae-golden-common.js';
import { expectTable, ruleKey, type GoldenTable } from './ctcae-golden-helpers.js';
import { V4_GOLDEN } from './ctcae-golden-v4.js';
import { V5_GOLDEN } from './ctcae-golden-v5.js';
import { findCtcaeLabRules } from './ctcae-rules.js';

/**
 * Golden CTCAE grading tests, every lab term of clinical.md §4 in v5.0 (Nov 2017) and v4.03 (Jun 2010). The tables
 * (ctcae-golden-common.ts, -v5.ts, -v4.ts) are written by hand from the published thresholds, not
 * derived from the rule data.
 */

const GOLDEN = {
  'v5.0': [...COMMON_GOLDEN, ...V5_GOLDEN],
  'v4.0': [...COMMON_GOLDEN, ...V4_GOLDEN],
} as const;

const label = (table: GoldenTable): string => {
  const extras = [
    table.lln === undefined ? '' : `LLN ${table.lln}`,
    table.uln === undefined ? '' : `ULN ${table.uln}`,
    table.baseline === undefined ? '' : `baseline ${table.baseline}`,
    table.convention ?? '',
  ].filter((part) => part !== '');
  return `${table.term} (${table.test}; ${extras.join(', ')})`;
};

for (const version of ['v5.0', 'v4.0'] as const) {
  describe(`CTCAE ${version} lab grading — golden values at and around every threshold`, () => {
    for (const table of GOLDEN[version]) {
      it(label(table), () => {
        expectTable(version, table);
      });
    }

    it('has a golden table for every rule of the version (no term left untested)', () => {
      const tested = new Set(GOLDEN[version].map(ruleKey));
      const rules = findCtcaeLabRules({ version }).map(ruleKey);
      expect(rules.filter((key) => !tested.has(key))).toEqual([]);
      expect([...tested].filter((key) => !rules.includes(key))).toEqual([]);
    });
  });
}
