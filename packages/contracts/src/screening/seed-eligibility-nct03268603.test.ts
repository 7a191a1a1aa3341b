// NCT03268603 (Mayo, intrathecal adipose-derived MSC): realistic records at the screening visit.
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT,
  blockers,
  daysBefore,
  evaluateSeed,
  reasonOf,
  seedProtocol,
  statuses,
} from './seed-eligibility-helpers.js';

const protocol = seedProtocol('nct03268603');

const MANUAL = {
  'inc-2': true,
  'inc-4': true,
  'inc-5': true,
  'inc-8': true,
  'inc-9': true,
  'exc-2': false,
  'exc-8': false,
  'exc-9': false,
  'exc-11': false,
  'exc-19': false,
};

const ELIGIBLE = {
  assessmentDate: ASSESSMENT,
  birthDate: '1967-09-20',
  sex: 'female',
  diagnosis: {
    condition: 'ALS',
    elEscorial: 'possible',
    symptomOnsetDate: '2024-03-01',
    diagnosisDate: '2024-11-20',
  },
  alsfrsR: { total: 39 },
  svcPercentPredicted: 78,
  kokmenStms: 35,
  conditions: [{ code: 'localized-skin-cancer', onsetDate: '2023-02-01', resolvedDate: '2023-03-15' }],
  medications: [{ name: 'Riluzole', startDate: '2025-01-10' }],
  priorCellTherapy: false,
  ventilatorDependent: false,
  reproductivePotential: true,
  contraceptionAgreed: true,
  manualChecks: MANUAL,
};

function check(change: Record<string, unknown>) {
  return evaluateSeed(protocol, { ...ELIGIBLE, ...change });
}

describe('NCT03268603 eligibility', () => {
  it('a woman of childbearing potential using contraception, with a past localized skin cancer, is eligible', () => {
    const result = check({});
    expect(result.verdict).toBe('eligible');
    expect(reasonOf(result, 'exc-6')).toBe(
      'no solid malignancy within the last 5 years. no haematological malignancy within the last 5 years',
    );
  });

  it('age: exactly 18 qualifies, 17 does not', () => {
    expect(check({ birthDate: '2007-06-15' }).verdict).toBe('eligible');
    expect(blockers(check({ birthDate: '2007-06-16' })).failed).toEqual(['inc-3']);
  });

  it('contraception: a man or a woman without reproductive potential needs none; otherwise agreement is required', () => {
    expect(check({ sex: 'male', contraceptionAgreed: false, reproductivePotential: false }).verdict).toBe(
      'eligible',
    );
    expect(check({ reproductivePotential: false, contraceptionAgreed: undefined }).verdict).toBe('eligible');
    const refuses = check({ contraceptionAgreed: false });
    expect(blockers(refuses).failed).toEqual(['inc-3', 'exc-18']);
    expect(check({ contraceptionAgreed: undefined }).verdict).toBe('incomplete');
  });

  it('less than two years since onset: exactly two years does not qualify, a day less does', () => {
    const onset = (symptomOnsetDate: string) => ({
      diagnosis: { ...ELIGIBLE.diagnosis, symptomOnsetDate, diagnosisDate: '2024-11-20' },
    });
    const exactly = check(onset('2023-06-15'));
    expect(blockers(exactly).failed).toEqual(['inc-6']);
    expect(reasonOf(exactly, 'inc-6')).toBe(
      '2 years since symptom onset on 2023-06-15; the protocol requires < 2 years',
    );
    expect(check(onset('2023-06-16')).verdict).toBe('eligible');
  });

  it('riluzole: stable 30 days qualifies, 29 does not; stopped 30 days ago qualifies, 29 does not; naïve qualifies', () => {
    const riluzole = (entry: Record<string, string>) => ({ medications: [{ name: 'riluzole', ...entry }] });
    expect(check(riluzole({ startDate: daysBefore(30) })).verdict).toBe('eligible');
    expect(blockers(check(riluzole({ startDate: daysBefore(29) }))).failed).toEqual(['inc-7']);
    expect(check(riluzole({ startDate: '2024-01-01', stopDate: daysBefore(30) })).verdict).toBe('eligible');
    expect(blockers(check(riluzole({ startDate: '2024-01-01', stopDate: daysBefore(29) }))).failed).toEqual([
      'inc-7',
    ]);
    expect(check({ medications: [] }).verdict).toBe('eligible');
  });

  it('SVC exactly 65 % qualifies, below excludes; Kokmen exactly 32 qualifies, 31 excludes', () => {
    expect(check({ svcPercentPredicted: 65 }).verdict).toBe('eligible');
    expect(blockers(check({ svcPercentPredicted: 64.9 })).failed).toEqual(['exc-3']);
    expect(check({ kokmenStms: 32 }).verdict).toBe('eligible');
    expect(blockers(check({ kokmenStms: 31 })).failed).toEqual(['exc-14']);
  });

  it('melanoma within 5 years excludes; edaravone planned during the study excludes', () => {
    const melanoma = check({
      conditions: [{ code: 'solid-malignancy', onsetDate: '2022-01-01', resolvedDate: '2022-04-01' }],
    });
    expect(blockers(melanoma).failed).toEqual(['exc-6']);
    const edaravone = check({ medications: [...ELIGIBLE.medications, { name: 'edaravone', planned: true }] });
    expect(blockers(edaravone).failed).toEqual(['exc-1']);
  });

  it('tracheostomy, ventilator dependence, prior cell therapy, pregnancy each exclude', () => {
    expect(
      blockers(check({ conditions: [{ code: 'tracheostomy', onsetDate: '2025-05-01' }] })).failed,
    ).toEqual(['exc-15']);
    expect(blockers(check({ ventilatorDependent: true })).failed).toEqual(['exc-16']);
    expect(blockers(check({ priorCellTherapy: true })).failed).toEqual(['exc-13']);
    expect(
      blockers(check({ conditions: [{ code: 'pregnancy', onsetDate: daysBefore(40) }] })).failed,
    ).toEqual(['exc-17']);
  });

  it('missing SVC, medications or conditions leave it incomplete, never eligible', () => {
    expect(statuses(check({ svcPercentPredicted: undefined }))['exc-3']).toBe('unknown');
    expect(check({ svcPercentPredicted: undefined }).verdict).toBe('incomplete');
    expect(blockers(check({ medications: undefined })).unknown).toEqual([
      'inc-7',
      'exc-1',
      'exc-5',
      'exc-10',
    ]);
    expect(blockers(check({ conditions: undefined })).unknown).toEqual([
      'exc-4',
      'exc-6',
      'exc-7',
      'exc-12',
      'exc-15',
      'exc-17',
    ]);
  });
});
