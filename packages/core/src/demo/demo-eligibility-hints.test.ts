import { describe, expect, it } from 'vitest';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import type { Protocol, ProtocolCriterion } from '../protocol/protocol-types.js';
import { allowedValues, collectEligibilityHints } from './demo-eligibility-hints.js';

function withRules(...criteria: [ProtocolCriterion['kind'], string][]): Protocol {
  const base = protocolFixture();
  return {
    ...base,
    eligibility: {
      ...base.eligibility,
      minAgeYears: 18,
      maxAgeYears: 70,
      criteria: criteria.map(([kind, rule], index) => ({ id: `c-${index + 1}`, kind, text: rule, rule })),
    },
  };
}

describe('collectEligibilityHints', () => {
  it('reads numeric intervals from inclusions and the complement of simple exclusions', () => {
    const hints = collectEligibilityHints(
      withRules(
        ['inclusion', 'alsfrsR.total between 31 and 46 and bmi between 18 and 30'],
        ['inclusion', 'fvcPercentPredicted >= 70'],
        ['exclusion', 'svcPercentPredicted < 65'],
        ['exclusion', 'kokmenStms < 32 or labs.creatinineMgDl >= 2.0'],
        ['inclusion', '2 < yearsSince(symptomOnsetDate)'],
      ),
    );
    expect(hints.numeric['alsfrsR.total']).toEqual({ min: 31, max: 46 });
    expect(hints.numeric.bmi).toEqual({ min: 18, max: 30 });
    expect(hints.numeric.fvcPercentPredicted).toEqual({ min: 70 });
    expect(hints.numeric.svcPercentPredicted).toEqual({ min: 65 });
    expect(hints.numeric.kokmenStms).toEqual({ min: 32 });
    expect(hints.numeric['labs.creatinineMgDl']).toEqual({ max: 2 });
    // years as 365.25 days; the protocol's age limits are added (the upper one to the end of the last year).
    expect(hints.numeric['since:symptomOnsetDate']).toEqual({ min: 730.5 });
    expect(hints.numeric.age).toEqual({ min: 18, max: 70.99 });
  });

  it('reads allowed and excluded values of enumerated variables', () => {
    const hints = collectEligibilityHints(
      withRules(
        ['inclusion', 'condition = ALS and elEscorial in [definite, probable]'],
        ['exclusion', 'msCourse = PPMS'],
      ),
    );
    expect(hints.allowed.condition).toEqual(['ALS']);
    expect(allowedValues(hints, 'elEscorial', ['definite', 'probable', 'possible'])).toEqual([
      'definite',
      'probable',
    ]);
    expect(allowedValues(hints, 'msCourse', ['RRMS', 'SPMS', 'PPMS'])).toEqual(['RRMS', 'SPMS']);
    expect(allowedValues(hints, 'sex', ['male', 'female'])).toEqual(['male', 'female']);
  });

  it('requires, suggests and forbids medications', () => {
    const hints = collectEligibilityHints(
      withRules(
        ['inclusion', 'taking(rituximab)'],
        ['inclusion', 'took(edaravone, within 30 days) or plans(edaravone)'],
        ['inclusion', 'not taking(riluzole) or taking(riluzole, stableFor > 28 days)'],
        ['exclusion', 'took(investigational, within 3 months) or taking(herbal-or-supplement)'],
      ),
    );
    expect([...hints.requiredMedications]).toEqual([['rituximab', 'current']]);
    expect([...hints.suggestedMedications]).toEqual([
      ['edaravone', 'current'],
      ['riluzole', 'current'],
    ]);
    expect([...hints.forbiddenMedications].sort()).toEqual(['herbal-or-supplement', 'investigational']);
  });

  it('records the lead-in of a progression-rate criterion in days', () => {
    const hints = collectEligibilityHints(
      withRules(['inclusion', 'progressionRate(alsfrsR, over 17 weeks) between 0.515 and 1.545']),
    );
    expect(hints.progressionLeadInDays).toEqual([119]);
  });

  it('takes nothing from an exclusion that needs two things together', () => {
    const hints = collectEligibilityHints(withRules(['exclusion', 'sex = female and has(pregnancy)']));
    expect(hints.allowed.sex).toBeUndefined();
    expect(hints.excluded.sex).toBeUndefined();
  });
});
