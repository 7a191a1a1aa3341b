import { describe, expect, it } from 'vitest';
import { draftFromRecord, draftToData, emptyDraft, newRowKey, numberOrText } from './screening-draft.js';
import { eligibleRecord } from './testing/screening-fixtures.js';

describe('numberOrText', () => {
  it('reads numbers, a decimal comma, and leaves blanks out', () => {
    expect(numberOrText(' 40 ')).toBe(40);
    expect(numberOrText('1,5')).toBe(1.5);
    expect(numberOrText('0.8')).toBe(0.8);
    expect(numberOrText('')).toBeUndefined();
    expect(numberOrText('   ')).toBeUndefined();
  });

  it('keeps what is not a number as text, so that validation names the field', () => {
    expect(numberOrText('7o')).toBe('7o');
    expect(numberOrText('Infinity')).toBe('Infinity');
  });
});

describe('draftToData', () => {
  it('sends only the assessment date for an untouched form', () => {
    expect(draftToData(emptyDraft('2026-03-02'))).toEqual({ assessmentDate: '2026-03-02' });
  });

  it('round-trips a complete saved record through the form unchanged', () => {
    const record = eligibleRecord();
    expect(draftToData(draftFromRecord(record, '2000-01-01'))).toEqual(record);
  });

  it('keeps item scores, history, flags, medication classes and planned medications', () => {
    const record = {
      assessmentDate: '2026-03-02',
      alsfrsR: { total: 40, items: { '1': 4, '5b': 2 } },
      alsfrsRHistory: [
        { date: '2025-11-03', total: 44 },
        { date: '2025-07-01', total: 46 },
      ],
      edss: 6.5,
      medications: [
        {
          name: 'rituximab',
          classes: ['immunosuppressant'],
          startDate: '2024-01-01',
          stopDate: '2024-06-01',
        },
        { name: 'edaravone', startDate: '2026-04-01', planned: true },
      ],
      ventilatorDependent: true,
      contraceptionAgreed: false,
    };
    expect(draftToData(draftFromRecord(record, '2000-01-01'))).toEqual(record);
  });

  it('an empty conditions list means "asked, none"; no list means "not asked"', () => {
    const asked = { ...emptyDraft('2026-03-02'), noConditions: true };
    expect(draftToData(asked)).toEqual({ assessmentDate: '2026-03-02', conditions: [] });
    expect(draftToData(emptyDraft('2026-03-02'))).not.toHaveProperty('conditions');
    expect(draftFromRecord({ assessmentDate: '2026-03-02', conditions: [] }, '').noConditions).toBe(true);
    expect(draftFromRecord({ assessmentDate: '2026-03-02' }, '').noConditions).toBe(false);
  });

  it('listing a condition makes the list complete even without the "none" tick', () => {
    const draft = {
      ...emptyDraft('2026-03-02'),
      conditions: [{ key: newRowKey(), code: 'gastrostomy', onsetDate: '2025-10-01', resolvedDate: '' }],
    };
    expect(draftToData(draft).conditions).toEqual([{ code: 'gastrostomy', onsetDate: '2025-10-01' }]);
  });

  it('drops the disease category that does not apply to the chosen disease', () => {
    const draft = { ...emptyDraft('2026-03-02'), condition: 'ALS', elEscorial: 'probable', msCourse: 'RRMS' };
    expect(draftToData(draft).diagnosis).toEqual({ condition: 'ALS', elEscorial: 'probable' });
    const ms = { ...draft, condition: 'MS' };
    expect(draftToData(ms).diagnosis).toEqual({ condition: 'MS', msCourse: 'RRMS' });
  });

  it('shows a malformed saved value as text instead of dropping it', () => {
    const draft = draftFromRecord({ assessmentDate: '2026-03-02', weightKg: 'seventy', sex: 'x' }, '');
    expect(draft.weightKg).toBe('seventy');
    expect(draftToData(draft)).toMatchObject({ weightKg: 'seventy', sex: 'x' });
  });
});
