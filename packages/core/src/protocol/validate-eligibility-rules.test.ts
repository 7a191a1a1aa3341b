import { describe, expect, it } from 'vitest';
import { protocolFixture } from './protocol-test-fixture.js';
import { findProtocolProblems } from './validate-protocol.js';

function problemsWithRule(rule: string) {
  const protocol = protocolFixture();
  protocol.eligibility.criteria = [
    { id: 'inc-1', kind: 'inclusion', text: 'Adult', rule: 'age >= 18' },
    { id: 'inc-2', kind: 'inclusion', text: 'Under test', rule },
  ];
  return findProtocolProblems(protocol);
}

describe('eligibility rules in protocol validation', () => {
  it('accepts well-formed rules', () => {
    expect(problemsWithRule('alsfrsR.total between 31 and 46 and not has(tracheostomy)')).toEqual([]);
  });

  it('reports a syntax error with the criterion id, column and expectation', () => {
    expect(problemsWithRule('alsfrsR.total between 31 46')).toEqual([
      {
        path: ['eligibility', 'criteria', 1, 'rule'],
        rule: 'rule-syntax',
        message: "criterion 'inc-2': column 26: expected 'and' between the two bounds, found '46'",
      },
    ]);
  });

  it('lists every unknown name of a rule in one problem, and type errors in another', () => {
    expect(problemsWithRule('agee > 1 or had(cancer) or sex < male')).toEqual([
      {
        path: ['eligibility', 'criteria', 1, 'rule'],
        rule: 'unknown-variable',
        message:
          "criterion 'inc-2': column 1: unknown variable 'agee' (did you mean age?); column 17: unknown condition code 'cancer'",
      },
      {
        path: ['eligibility', 'criteria', 1, 'rule'],
        rule: 'rule-type',
        message:
          "criterion 'inc-2': column 28: enumerated values can only be compared with = or != (not <); use in [...] for several",
      },
    ]);
  });
});
