// NCT04821479 (Hadassah, repeated intrathecal MSC): realistic records at the screening visit.
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT,
  blockers,
  daysBefore,
  evaluateSeed,
  reasonOf,
  seedProtocol,
} from './seed-eligibility-helpers.js';

const protocol = seedProtocol('nct04821479');

const ELIGIBLE = {
  assessmentDate: ASSESSMENT,
  birthDate: '1970-04-02',
  sex: 'male',
  weightKg: 78,
  heightCm: 176,
  diagnosis: {
    condition: 'ALS',
    elEscorial: 'definite',
    familial: false,
    symptomOnsetDate: '2023-11-01',
    diagnosisDate: '2024-05-10',
  },
  alsfrsR: { total: 36 },
  fvcPercentPredicted: 81,
  labs: { hbsAg: 'negative', hcvAb: 'negative', hivAb: 'negative' },
  conditions: [],
  medications: [{ name: 'riluzole', startDate: '2024-06-01' }],
  manualChecks: { 'inc-3': true, 'exc-1': false },
};

function check(change: Record<string, unknown>, options: { assumeManual?: 'favourable' } = {}) {
  return evaluateSeed(protocol, { ...ELIGIBLE, ...change }, options);
}

describe('NCT04821479 eligibility', () => {
  it('a typical candidate is eligible, every criterion explained', () => {
    const result = check({});
    expect(result.verdict).toBe('eligible');
    expect(reasonOf(result, 'inc-1')).toBe('age 55 years (between 18 and 70 years)');
    expect(reasonOf(result, 'inc-4')).toBe('ALSFRS-R total 36 at screening (≥ 15)');
    expect(result.criteria.every((c) => c.reason.length > 0)).toBe(true);
  });

  it('age: exactly 18 and exactly 70 (the day before the 71st birthday) qualify; 17 and 71 do not', () => {
    expect(check({ birthDate: '2007-06-15' }).verdict).toBe('eligible');
    expect(check({ birthDate: '2007-06-16' }).verdict).toBe('ineligible');
    expect(check({ birthDate: '1954-06-16' }).verdict).toBe('eligible');
    expect(check({ birthDate: '1954-06-15' }).verdict).toBe('ineligible');
    expect(reasonOf(check({ birthDate: '1954-06-15' }), 'inc-1')).toBe(
      'age 71 years; the protocol requires between 18 and 70 years',
    );
  });

  it('ALSFRS-R exactly 15 qualifies; 14 does not, with the reason', () => {
    expect(check({ alsfrsR: { total: 15 } }).verdict).toBe('eligible');
    const result = check({ alsfrsR: { total: 14 } });
    expect(result.verdict).toBe('ineligible');
    expect(blockers(result).failed).toEqual(['inc-4']);
    expect(reasonOf(result, 'inc-4')).toBe('ALSFRS-R total 14 at screening; the protocol requires ≥ 15');
  });

  it('El Escorial probable is not definite', () => {
    const result = check({ diagnosis: { ...ELIGIBLE.diagnosis, elEscorial: 'probable' } });
    expect(blockers(result).failed).toEqual(['inc-2']);
    expect(reasonOf(result, 'inc-2')).toBe('El Escorial category probable; the protocol requires definite');
  });

  it('malignancy: resolved exactly 5 years before screening excludes, one day earlier does not', () => {
    const malignancy = (resolvedDate: string) => ({
      conditions: [{ code: 'solid-malignancy', onsetDate: '2019-01-10', resolvedDate }],
    });
    expect(check(malignancy('2020-06-15')).verdict).toBe('ineligible');
    expect(check(malignancy('2020-06-14')).verdict).toBe('eligible');
  });

  it('another trial within 1 year before screening excludes (exactly 1 year is within)', () => {
    const trial = (resolvedDate: string) => ({
      conditions: [{ code: 'trial-participation', onsetDate: '2023-09-01', resolvedDate }],
    });
    expect(blockers(check(trial('2024-06-15'))).failed).toEqual(['exc-2']);
    expect(check(trial('2024-06-14')).verdict).toBe('eligible');
  });

  it('serology: one positive excludes whatever else is missing; a missing test leaves it incomplete', () => {
    expect(check({ labs: { hbsAg: 'positive' } }).verdict).toBe('ineligible');
    const result = check({ labs: { hbsAg: 'negative', hcvAb: 'negative' } });
    expect(result.verdict).toBe('incomplete');
    expect(blockers(result).unknown).toEqual(['exc-4']);
    expect(reasonOf(result, 'exc-4')).toBe(
      'anti-HIV not recorded (labs.hivAb); the protocol requires negative',
    );
  });

  it('missing data never counts as eligible: an empty record is incomplete, with every rule unknown', () => {
    const result = evaluateSeed(protocol, { assessmentDate: ASSESSMENT });
    expect(result.verdict).toBe('incomplete');
    expect(result.criteria.every((c) => c.status === 'unknown')).toBe(true);
  });

  it('open manual checks: incomplete, or eligible when assumed favourable (pre-screening)', () => {
    expect(check({ manualChecks: {} }).verdict).toBe('incomplete');
    expect(check({ manualChecks: {} }, { assumeManual: 'favourable' }).verdict).toBe('eligible');
    expect(check({ manualChecks: { 'exc-1': true } }, { assumeManual: 'favourable' }).verdict).toBe(
      'ineligible',
    );
  });

  it('an active infection excludes', () => {
    const result = check({ conditions: [{ code: 'active-infection', onsetDate: daysBefore(3) }] });
    expect(blockers(result)).toEqual({ failed: ['exc-3'], unknown: [] });
  });
});
