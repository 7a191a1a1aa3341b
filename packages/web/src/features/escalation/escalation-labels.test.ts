import { describe, expect, it } from 'vitest';
import { decisionText, nextText } from './escalation-labels.js';
import { boardBody, expandCohort, pendingCohort } from './testing/escalation-fixtures.js';

const design = boardBody().design;
if (design === null) {
  throw new Error('fixture without design');
}

describe('decisionText (3+3)', () => {
  it('says a cohort with pending assessments has no decision', () => {
    expect(decisionText(pendingCohort(), design)).toBe('Cohort incomplete: no decision yet');
  });

  it('expands to cohort + expansion size at the same level after 1 of 3', () => {
    expect(decisionText(expandCohort(), design)).toBe('Expand to 6 at Low dose');
  });

  it('escalates to the next level, de-escalates to the one below, stops', () => {
    const at = (levelId: string, decision: string) => ({ ...expandCohort(), levelId, decision });
    expect(decisionText(at('low', 'escalate'), design)).toBe('Escalate to Middle dose');
    expect(decisionText(at('high', 'escalate'), design)).toBe('Escalate');
    expect(decisionText(at('middle', 'de-escalate'), design)).toBe('De-escalate to Low dose');
    expect(decisionText(at('middle', 'stop'), design)).toBe('Stop escalation');
  });
});

describe('nextText', () => {
  it('names the next cohort or the MTD', () => {
    expect(nextText({ kind: 'treat', levelId: 'middle', levelName: 'Middle dose', participants: 3 })).toBe(
      'Next: treat 3 participant(s) at Middle dose',
    );
    expect(
      nextText({ kind: 'stop', mtdLevelId: 'low', mtdName: 'Low dose', reason: '2 of 6 at middle' }),
    ).toBe('Escalation stopped: MTD Low dose. 2 of 6 at middle');
    expect(nextText(null)).toBeNull();
  });
});
