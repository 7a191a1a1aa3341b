import { describe, expect, it } from 'vitest';
import { proposeAdverseEvent } from './ae-proposal.js';
import { gradeLabValue, type LabGradeOutcome } from './ctcae-grading.js';

const outcome = (value: number, version: 'v4.0' | 'v5.0' = 'v5.0'): LabGradeOutcome => {
  const result = gradeLabValue({ version, test: 'neutrophils', value, unit: '10*9/L', lln: 1.8 });
  if (result.kind === 'invalid') {
    throw new Error('unexpected invalid input');
  }
  return result;
};

describe('proposing an AE from a lab grade (protocol safety.aeGradeThreshold)', () => {
  it('grade ≥ threshold proposes the CTCAE term and grade', () => {
    // ANC 0.9 ×10⁹/L is grade 3 (CTCAE v5.0 <1.0-0.5).
    expect(
      proposeAdverseEvent({ outcome: outcome(0.9), safety: { ctcaeVersion: 'v5.0', aeGradeThreshold: 3 } }),
    ).toMatchObject({
      kind: 'propose',
      term: 'Neutrophil count decreased',
      grade: 3,
      version: 'v5.0',
      test: 'neutrophils',
    });
  });

  it('grade below the threshold, grade 0 and not-gradable values propose nothing, with the reason', () => {
    const safety = { ctcaeVersion: 'v5.0', aeGradeThreshold: 2 } as const;
    expect(proposeAdverseEvent({ outcome: outcome(1.6), safety })).toMatchObject({ kind: 'no-proposal' });
    expect(proposeAdverseEvent({ outcome: outcome(2.5), safety })).toMatchObject({ kind: 'no-proposal' });
    const missingLln = gradeLabValue({ version: 'v5.0', test: 'neutrophils', value: 1.6, unit: '10*9/L' });
    if (missingLln.kind === 'invalid') {
      throw new Error('unexpected invalid input');
    }
    const result = proposeAdverseEvent({
      outcome: missingLln,
      safety: { ctcaeVersion: 'v5.0', aeGradeThreshold: 1 },
    });
    expect(result).toMatchObject({ kind: 'no-proposal' });
    expect(result.kind === 'no-proposal' ? result.reason : '').toContain('not gradable');
  });

  it('threshold 1 proposes every abnormal grade', () => {
    expect(
      proposeAdverseEvent({ outcome: outcome(1.7), safety: { ctcaeVersion: 'v5.0', aeGradeThreshold: 1 } }),
    ).toMatchObject({
      kind: 'propose',
      grade: 1,
    });
  });

  it("refuses a grade from another CTCAE version than the protocol's, and thresholds outside 1–5", () => {
    expect(
      proposeAdverseEvent({
        outcome: outcome(0.9, 'v4.0'),
        safety: { ctcaeVersion: 'v5.0', aeGradeThreshold: 1 },
      }),
    ).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'outcome.version', rule: 'protocol-version' }],
    });
    expect(
      proposeAdverseEvent({ outcome: outcome(0.9), safety: { ctcaeVersion: 'v5.0', aeGradeThreshold: 0 } }),
    ).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'safety.aeGradeThreshold' }],
    });
  });
});
