import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import type { Protocol, ProtocolCriterion } from '../protocol/protocol-types.js';
import { eligibilityVerdict, evaluateEligibility } from './evaluate-eligibility.js';
import type { ScreeningRecord } from './screening-record.js';
import { CRITERION_STATUSES } from './three-valued.js';

function protocolWith(criteria: ProtocolCriterion[]): Protocol {
  const protocol = protocolFixture();
  return { ...protocol, eligibility: { ...protocol.eligibility, criteria } };
}

const PROTOCOL = protocolWith([
  { id: 'inc-1', kind: 'inclusion', text: 'Age 18 to 70', rule: 'age between 18 and 70' },
  { id: 'inc-2', kind: 'inclusion', text: 'ALSFRS-R ≥ 15', rule: 'alsfrsR.total >= 15' },
  { id: 'inc-3', kind: 'inclusion', text: 'Informed consent', manual: true },
  { id: 'exc-1', kind: 'exclusion', text: 'Active infection', rule: 'has(active-infection)' },
  { id: 'exc-2', kind: 'exclusion', text: 'Severe cognitive decline', manual: true },
]);

const ELIGIBLE: ScreeningRecord = {
  assessmentDate: '2025-06-15',
  birthDate: '1970-01-01',
  alsfrsR: { total: 38 },
  conditions: [],
  manualChecks: { 'inc-3': true, 'exc-2': false },
};

describe('evaluateEligibility', () => {
  it('eligible: every inclusion met, no exclusion met; each criterion explained', () => {
    expect(evaluateEligibility(PROTOCOL, ELIGIBLE)).toEqual({
      verdict: 'eligible',
      criteria: [
        {
          id: 'inc-1',
          kind: 'inclusion',
          text: 'Age 18 to 70',
          status: 'met',
          reason: 'age 55 years (between 18 and 70 years)',
          manual: false,
        },
        {
          id: 'inc-2',
          kind: 'inclusion',
          text: 'ALSFRS-R ≥ 15',
          status: 'met',
          reason: 'ALSFRS-R total 38 at screening (≥ 15)',
          manual: false,
        },
        {
          id: 'inc-3',
          kind: 'inclusion',
          text: 'Informed consent',
          status: 'met',
          reason: 'manual check answered by the investigator: the criterion is met',
          manual: true,
        },
        {
          id: 'exc-1',
          kind: 'exclusion',
          text: 'Active infection',
          status: 'not-met',
          reason: 'no current active infection recorded',
          manual: false,
        },
        {
          id: 'exc-2',
          kind: 'exclusion',
          text: 'Severe cognitive decline',
          status: 'not-met',
          reason: 'manual check answered by the investigator: the exclusion does not apply',
          manual: true,
        },
      ],
    });
  });

  it('ineligible when an inclusion is not met, even with other data missing', () => {
    const result = evaluateEligibility(PROTOCOL, { assessmentDate: '2025-06-15', alsfrsR: { total: 14 } });
    expect(result.verdict).toBe('ineligible');
    expect(result.criteria[1]).toMatchObject({
      status: 'not-met',
      reason: 'ALSFRS-R total 14 at screening; the protocol requires ≥ 15',
    });
    expect(result.criteria[0]).toMatchObject({ status: 'unknown' });
  });

  it('ineligible when an exclusion is met (manual or rule)', () => {
    expect(
      evaluateEligibility(PROTOCOL, { ...ELIGIBLE, manualChecks: { 'inc-3': true, 'exc-2': true } }).verdict,
    ).toBe('ineligible');
    const infected = { ...ELIGIBLE, conditions: [{ code: 'active-infection', onsetDate: '2025-06-01' }] };
    expect(evaluateEligibility(PROTOCOL, infected).criteria[3]).toMatchObject({
      status: 'met',
      reason: 'active infection: onset 2025-06-01, ongoing',
    });
    expect(evaluateEligibility(PROTOCOL, infected).verdict).toBe('ineligible');
  });

  it('incomplete when data or manual answers are missing and nothing fails', () => {
    const { manualChecks: _checks, ...noAnswers } = ELIGIBLE;
    const result = evaluateEligibility(PROTOCOL, noAnswers);
    expect(result.verdict).toBe('incomplete');
    expect(result.criteria[2]).toMatchObject({
      status: 'unknown',
      reason: 'manual check not yet answered by the investigator',
      manual: true,
    });
    const { conditions: _conditions, ...noConditions } = ELIGIBLE;
    expect(evaluateEligibility(PROTOCOL, noConditions).verdict).toBe('incomplete');
  });

  it("assumeManual 'favourable' answers open manual checks in the participant's favour, never overriding answers", () => {
    const { manualChecks: _checks, ...noAnswers } = ELIGIBLE;
    const result = evaluateEligibility(PROTOCOL, noAnswers, { assumeManual: 'favourable' });
    expect(result.verdict).toBe('eligible');
    expect(result.criteria[2]).toMatchObject({ status: 'met', manual: true });
    expect(result.criteria[4]).toMatchObject({ status: 'not-met', manual: true });
    expect(result.criteria[4]?.reason).toContain("assumed in the participant's favour");
    const answered = { ...ELIGIBLE, manualChecks: { 'inc-3': false } };
    expect(evaluateEligibility(PROTOCOL, answered, { assumeManual: 'favourable' }).verdict).toBe(
      'ineligible',
    );
    // Favourable assumptions apply to manual checks only, never to missing data.
    const { alsfrsR: _alsfrs, ...noAlsfrs } = noAnswers;
    expect(evaluateEligibility(PROTOCOL, noAlsfrs, { assumeManual: 'favourable' }).verdict).toBe(
      'incomplete',
    );
  });

  it('a criterion with neither rule nor manual flag is a manual check; a broken rule is unknown, never met', () => {
    const protocol = protocolWith([
      { id: 'inc-1', kind: 'inclusion', text: 'Unencoded' },
      { id: 'inc-2', kind: 'inclusion', text: 'Broken', rule: 'age >=' },
      { id: 'exc-1', kind: 'exclusion', text: 'Unknown variable', rule: 'frobnicate' },
    ]);
    const result = evaluateEligibility(protocol, { ...ELIGIBLE, manualChecks: { 'inc-1': true } });
    expect(result.verdict).toBe('incomplete');
    expect(result.criteria.map((c) => [c.status, c.manual])).toEqual([
      ['met', true],
      ['unknown', false],
      ['unknown', false],
    ]);
    expect(result.criteria[1]?.reason).toBe(
      'the rule cannot be evaluated: column 7: expected a value (number, variable, true/false or enumerated value), found the end of the rule',
    );
    expect(result.criteria[2]?.reason).toBe("the rule cannot be evaluated: unknown variable 'frobnicate'");
  });

  it('manual answers for rule criteria are ignored (the rule decides)', () => {
    const result = evaluateEligibility(PROTOCOL, {
      ...ELIGIBLE,
      alsfrsR: { total: 10 },
      manualChecks: { ...ELIGIBLE.manualChecks, 'inc-2': true },
    });
    expect(result.criteria[1]?.status).toBe('not-met');
  });
});

describe('eligibilityVerdict (properties)', () => {
  const criterion = fc.record({
    kind: fc.constantFrom('inclusion' as const, 'exclusion' as const),
    status: fc.constantFrom(...CRITERION_STATUSES),
  });

  it('eligible exactly when all inclusions are met and no exclusion is; any unknown can never be eligible', () => {
    fc.assert(
      fc.property(fc.array(criterion, { maxLength: 8 }), (criteria) => {
        const verdict = eligibilityVerdict(criteria);
        const failed = criteria.some((c) =>
          c.kind === 'inclusion' ? c.status === 'not-met' : c.status === 'met',
        );
        const unknown = criteria.some((c) => c.status === 'unknown');
        const expected = unknown ? 'incomplete' : 'eligible';
        expect(verdict).toBe(failed ? 'ineligible' : expected);
        if (unknown) {
          expect(verdict).not.toBe('eligible');
        }
      }),
    );
  });

  it('resolving unknown criteria never turns ineligible into eligible and only refines incomplete', () => {
    fc.assert(
      fc.property(
        fc.array(criterion, { maxLength: 8 }),
        fc.array(fc.constantFrom('met' as const, 'not-met' as const), { minLength: 8, maxLength: 8 }),
        (criteria, answers) => {
          const before = eligibilityVerdict(criteria);
          const resolved = criteria.map((c, i) =>
            c.status === 'unknown' ? { ...c, status: answers[i] ?? 'met' } : c,
          );
          const after = eligibilityVerdict(resolved);
          if (before !== 'incomplete') {
            expect(after).toBe(before);
          }
        },
      ),
    );
  });
});
