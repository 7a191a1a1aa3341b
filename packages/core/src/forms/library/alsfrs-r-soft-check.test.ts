import { describe, expect, it } from 'vitest';
import { evaluateFormEntry } from '../evaluate-form.js';
import { findFormDefinition } from './form-library.js';

const items = { q1: 4, q2: 4, q3: 4, q4: 3, q6: 3, q7: 3, q8: 3, q9: 3, q10: 4, q11: 4, q12: 4 };

describe('ALSFRS-R soft check: gastrostomy with normal swallowing', () => {
  const definition = findFormDefinition('alsfrs-r');
  if (definition === undefined) {
    throw new Error('alsfrs-r definition missing');
  }
  it('warns (a query, not a block) when a gastrostomy is recorded and swallowing is scored normal', () => {
    const result = evaluateFormEntry(definition, {
      values: { gastrostomy: true, ...items, q5b: 3 },
      context: {},
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ item: 'q3', check: 'gastrostomy-normal-swallowing' }),
    ]);
  });
  it('is silent without a gastrostomy or when swallowing is impaired', () => {
    expect(
      evaluateFormEntry(definition, { values: { gastrostomy: false, ...items, q5a: 3 }, context: {} })
        .warnings,
    ).toEqual([]);
    expect(
      evaluateFormEntry(definition, { values: { gastrostomy: true, ...items, q3: 2, q5b: 3 }, context: {} })
        .warnings,
    ).toEqual([]);
  });
});
