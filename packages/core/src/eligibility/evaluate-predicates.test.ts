import { describe, expect, it } from 'vitest';
import { run, statusOf } from './eligibility-test-helpers.js';
import type { ScreeningMedication, ScreeningRecord } from './screening-record.js';

const A = '2025-06-15';
const base: ScreeningRecord = { assessmentDate: A, conditions: [], medications: [] };

describe('has / had (conditions)', () => {
  it('is unknown without a conditions list and not met with an empty one', () => {
    expect(run('has(active-infection)', { assessmentDate: A })).toEqual({
      status: 'unknown',
      reasons: ['conditions not recorded (the record has no conditions list)'],
    });
    expect(statusOf('had(malignancy)', { assessmentDate: A })).toBe('unknown');
    expect(run('has(active-infection)', base)).toEqual({
      status: 'not-met',
      reasons: ['no current active infection recorded'],
    });
  });

  it('has() needs the condition ongoing at the assessment date', () => {
    const ongoing = { ...base, conditions: [{ code: 'tracheostomy', onsetDate: '2025-01-02' }] };
    expect(run('has(tracheostomy)', ongoing)).toEqual({
      status: 'met',
      reasons: ['tracheostomy: onset 2025-01-02, ongoing'],
    });
    const resolved = {
      ...base,
      conditions: [{ code: 'active-infection', onsetDate: '2025-05-01', resolvedDate: A }],
    };
    expect(statusOf('has(active-infection)', resolved)).toBe('not-met');
    expect(statusOf('had(active-infection)', resolved)).toBe('met');
  });

  it('groups stand for several codes (malignancy = solid, haematological, localized skin)', () => {
    for (const code of ['solid-malignancy', 'haematological-malignancy', 'localized-skin-cancer']) {
      expect(
        statusOf('had(malignancy)', {
          ...base,
          conditions: [{ code, onsetDate: '1990-01-01', resolvedDate: '1991-01-01' }],
        }),
      ).toBe('met');
    }
    const skin = { ...base, conditions: [{ code: 'localized-skin-cancer', onsetDate: '2024-01-01' }] };
    expect(statusOf('had(solid-malignancy) or had(haematological-malignancy)', skin)).toBe('not-met');
  });

  it('had(code, within N years) includes a condition resolved exactly N years before (calendar years)', () => {
    const resolvedOn = (resolvedDate: string): ScreeningRecord => ({
      ...base,
      conditions: [{ code: 'solid-malignancy', onsetDate: '2018-01-01', resolvedDate }],
    });
    expect(statusOf('had(malignancy, within 5 years)', resolvedOn('2020-06-15'))).toBe('met');
    expect(statusOf('had(malignancy, within 5 years)', resolvedOn('2020-06-14'))).toBe('not-met');
    expect(run('had(malignancy, within 5 years)', resolvedOn('2020-06-14')).reasons).toEqual([
      'no malignancy within the last 5 years (earlier: solid malignancy: onset 2018-01-01, resolved 2020-06-14)',
    ]);
    // Ongoing conditions are within any window.
    expect(
      statusOf('had(malignancy, within 1 day)', {
        ...base,
        conditions: [{ code: 'solid-malignancy', onsetDate: '2001-01-01' }],
      }),
    ).toBe('met');
  });

  it('ignores conditions of other codes', () => {
    expect(statusOf('had(pregnancy)', { ...base, conditions: [{ code: 'breastfeeding' }] })).toBe('not-met');
  });
});

describe('taking / took / plans (medications)', () => {
  const riluzole = (entry: Partial<ScreeningMedication> = {}): ScreeningRecord => ({
    ...base,
    medications: [{ name: 'Riluzole', startDate: '2025-05-16', ...entry }],
  });

  it('is unknown without a medications list', () => {
    for (const rule of [
      'taking(riluzole)',
      'took(riluzole)',
      'plans(riluzole)',
      'taking(riluzole, stableFor >= 1 days)',
    ]) {
      expect(statusOf(rule, { assessmentDate: A }), rule).toBe('unknown');
    }
  });

  it('matches the generic name ignoring case, or a class', () => {
    expect(statusOf('taking(riluzole)', riluzole())).toBe('met');
    const steroid = {
      ...base,
      medications: [{ name: 'prednisolone', classes: ['immunosuppressant'], startDate: '2025-01-01' }],
    };
    expect(statusOf('taking(immunosuppressant)', steroid)).toBe('met');
    expect(statusOf('taking(cytotoxic)', steroid)).toBe('not-met');
  });

  it('taking(med, stableFor >= 30 days): 30 days of a stable dose is enough, 29 is not', () => {
    // 2025-05-16 → 2025-06-15 = 30 days; 2025-05-17 → 29; 2025-05-18 → 28.
    expect(run('taking(riluzole, stableFor >= 30 days)', riluzole())).toEqual({
      status: 'met',
      reasons: ['Riluzole dose stable for 30 days (since 2025-05-16)'],
    });
    expect(run('taking(riluzole, stableFor >= 30 days)', riluzole({ startDate: '2025-05-17' }))).toEqual({
      status: 'not-met',
      reasons: ['Riluzole dose stable for 29 days (since 2025-05-17), not ≥ 30 days'],
    });
    expect(statusOf('taking(riluzole, stableFor > 28 days)', riluzole({ startDate: '2025-05-17' }))).toBe(
      'met',
    );
    expect(statusOf('taking(riluzole, stableFor > 28 days)', riluzole({ startDate: '2025-05-18' }))).toBe(
      'not-met',
    );
  });

  it('a dose change restarts the stable period; an unknown start makes it unknown', () => {
    expect(
      statusOf(
        'taking(riluzole, stableFor >= 30 days)',
        riluzole({ startDate: '2020-01-01', doseStableSince: '2025-06-01' }),
      ),
    ).toBe('not-met');
    expect(
      run('taking(riluzole, stableFor >= 30 days)', { ...base, medications: [{ name: 'riluzole' }] }),
    ).toEqual({
      status: 'unknown',
      reasons: ['taking riluzole, but neither doseStableSince nor startDate is recorded'],
    });
  });

  it('a stopped medication is not taken; took(within) counts the stop day inclusively', () => {
    const stopped = (stopDate: string): ScreeningRecord => riluzole({ startDate: '2024-01-01', stopDate });
    expect(statusOf('taking(riluzole)', stopped('2025-06-01'))).toBe('not-met');
    expect(statusOf('took(riluzole, within 30 days)', stopped('2025-05-16'))).toBe('met');
    expect(statusOf('took(riluzole, within 30 days)', stopped('2025-05-15'))).toBe('not-met');
    // A month is 30.4375 days: 30 days is within 1 month, 31 is not.
    expect(statusOf('took(riluzole, within 1 month)', stopped('2025-05-16'))).toBe('met');
    expect(statusOf('took(riluzole, within 1 month)', stopped('2025-05-15'))).toBe('not-met');
  });

  it('planned medications are neither taken nor took, only plans()', () => {
    const planned = { ...base, medications: [{ name: 'edaravone', planned: true }] };
    expect(statusOf('taking(edaravone)', planned)).toBe('not-met');
    expect(statusOf('took(edaravone)', planned)).toBe('not-met');
    expect(run('plans(edaravone)', planned)).toEqual({
      status: 'met',
      reasons: ['edaravone planned during the study'],
    });
    expect(statusOf('plans(edaravone)', riluzole())).toBe('not-met');
  });
});
