// NCT06360861 (Tehran, placenta-derived MSC in SPMS): realistic records at the screening visit.
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT,
  blockers,
  daysBefore,
  evaluateSeed,
  reasonOf,
  seedProtocol,
} from './seed-eligibility-helpers.js';

const protocol = seedProtocol('nct06360861');

const ELIGIBLE = {
  assessmentDate: ASSESSMENT,
  birthDate: '1988-08-30',
  sex: 'female',
  diagnosis: {
    condition: 'MS',
    msCourse: 'SPMS',
    symptomOnsetDate: '2014-03-01',
    diagnosisDate: '2014-09-15',
  },
  edss: 5.5,
  labs: { hbsAg: 'negative', hcvAb: 'negative', hivAb: 'negative', htlvAb: 'negative', hemoglobinGDl: 12.9 },
  conditions: [],
  medications: [{ name: 'rituximab', classes: ['immunosuppressant'], startDate: '2022-02-01' }],
  manualChecks: { 'inc-2': true, 'exc-7': false, 'exc-9': false, 'exc-10': false },
};

function check(change: Record<string, unknown>) {
  return evaluateSeed(protocol, { ...ELIGIBLE, ...change });
}

describe('NCT06360861 eligibility', () => {
  it('an SPMS patient on rituximab with 11 years of disease is eligible', () => {
    const result = check({});
    expect(result.verdict).toBe('eligible');
    expect(reasonOf(result, 'inc-3')).toBe('taking rituximab (since 2022-02-01)');
  });

  it('age: exactly 17 and exactly 45 qualify; 16 and 46 do not', () => {
    const onset = {
      diagnosis: { ...ELIGIBLE.diagnosis, symptomOnsetDate: '2020-01-01', diagnosisDate: '2020-06-01' },
    };
    expect(check({ ...onset, birthDate: '2008-06-15' }).verdict).toBe('eligible');
    expect(blockers(check({ ...onset, birthDate: '2008-06-16' })).failed).toEqual(['inc-1']);
    expect(check({ birthDate: '1979-06-16' }).verdict).toBe('eligible');
    expect(blockers(check({ birthDate: '1979-06-15' })).failed).toEqual(['inc-1']);
  });

  it('disease duration more than 2 years: exactly 2 years does not qualify, a day more does; 16 years does not', () => {
    const onset = (symptomOnsetDate: string) => ({
      diagnosis: { ...ELIGIBLE.diagnosis, symptomOnsetDate, diagnosisDate: undefined },
    });
    const exactly = check(onset('2023-06-15'));
    expect(blockers(exactly).failed).toEqual(['inc-4']);
    expect(reasonOf(exactly, 'inc-4')).toBe(
      '2 years since symptom onset on 2023-06-15; the protocol requires > 2 years',
    );
    expect(check(onset('2023-06-14')).verdict).toBe('eligible');
    expect(blockers(check(onset('2009-06-15'))).failed).toEqual(['inc-4']);
    expect(check(onset('2009-06-16')).verdict).toBe('eligible');
  });

  it('RRMS, or not taking rituximab, does not qualify', () => {
    expect(blockers(check({ diagnosis: { ...ELIGIBLE.diagnosis, msCourse: 'RRMS' } })).failed).toEqual([
      'inc-1',
    ]);
    const stopped = check({
      medications: [{ name: 'rituximab', startDate: '2022-02-01', stopDate: daysBefore(100) }],
    });
    expect(blockers(stopped).failed).toEqual(['inc-3']);
    expect(reasonOf(stopped, 'inc-3')).toBe('not taking rituximab');
  });

  it('haemoglobin below 8 g/dL excludes, 8 does not; any past malignancy excludes', () => {
    expect(blockers(check({ labs: { ...ELIGIBLE.labs, hemoglobinGDl: 7.9 } })).failed).toEqual(['exc-4']);
    expect(check({ labs: { ...ELIGIBLE.labs, hemoglobinGDl: 8 } }).verdict).toBe('eligible');
    const skin = {
      conditions: [{ code: 'localized-skin-cancer', onsetDate: '2010-01-01', resolvedDate: '2010-02-01' }],
    };
    expect(blockers(check(skin)).failed).toEqual(['exc-5']);
  });

  it('cytotoxic agents in the last 3 months exclude (a month is 30.4375 days: 91 days is within)', () => {
    const mitoxantrone = (stopDate: string) => ({
      medications: [
        ...ELIGIBLE.medications,
        { name: 'mitoxantrone', classes: ['cytotoxic'], startDate: '2024-01-01', stopDate },
      ],
    });
    expect(blockers(check(mitoxantrone(daysBefore(91)))).failed).toEqual(['exc-3']);
    expect(check(mitoxantrone(daysBefore(92))).verdict).toBe('eligible');
  });

  it('missing medications or serology: incomplete, never eligible', () => {
    expect(blockers(check({ medications: undefined })).unknown).toEqual(['inc-3', 'exc-3', 'exc-11']);
    expect(check({ labs: { hemoglobinGDl: 12 } }).verdict).toBe('incomplete');
  });
});
