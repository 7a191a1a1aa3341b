// NCT06598202 (Xuanwu, intranasal MSC small extracellular vesicles): realistic records at screening.
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT,
  blockers,
  daysBefore,
  evaluateSeed,
  reasonOf,
  seedProtocol,
} from './seed-eligibility-helpers.js';

const protocol = seedProtocol('nct06598202');

const ITEMS = {
  '1': 4,
  '2': 3,
  '3': 3,
  '4': 3,
  '5a': 2,
  '6': 3,
  '7': 3,
  '8': 2,
  '9': 2,
  '10': 4,
  '11': 4,
  '12': 4,
};

const ELIGIBLE = {
  assessmentDate: ASSESSMENT,
  birthDate: '1972-12-01',
  sex: 'male',
  weightKg: 68,
  heightCm: 170,
  diagnosis: {
    condition: 'ALS',
    elEscorial: 'possible',
    symptomOnsetDate: '2024-05-20',
    diagnosisDate: '2025-01-10',
  },
  alsfrsR: { items: ITEMS },
  fvcPercentPredicted: 88,
  labs: {
    hbsAg: 'negative',
    hbeAg: 'negative',
    hbeAb: 'negative',
    hbcAb: 'negative',
    hcvAb: 'negative',
    syphilisAb: 'negative',
    hivAb: 'negative',
    hemoglobinGDl: 14.1,
    neutrophilsE9L: 3.2,
    plateletsE9L: 230,
    wbcE9L: 6.1,
    albuminGDl: 4.2,
    altXUln: 0.7,
    astXUln: 0.6,
    creatinineMgDl: 0.9,
  },
  conditions: [],
  medications: [{ name: 'riluzole', startDate: '2025-02-01' }],
  manualChecks: {
    'inc-7': true,
    'inc-8': true,
    'exc-1': false,
    'exc-8': false,
    'exc-10': false,
    'exc-12': false,
    'exc-14': false,
    'exc-15': false,
  },
};

function check(change: Record<string, unknown>) {
  return evaluateSeed(protocol, { ...ELIGIBLE, ...change });
}

function onset(symptomOnsetDate: string) {
  return { diagnosis: { ...ELIGIBLE.diagnosis, symptomOnsetDate, diagnosisDate: ASSESSMENT } };
}

describe('NCT06598202 eligibility', () => {
  it('a candidate 13 months from onset with all items ≥ 2 and full respiratory items is eligible', () => {
    const result = check({});
    expect(result.verdict).toBe('eligible');
    expect(reasonOf(result, 'inc-4')).toBe('BMI 23.529 kg/m² at screening (between 18 and 30 kg/m²)');
  });

  it('disease duration: 183 days (≥ 6 months of 30.4375 days) qualifies, 182 does not', () => {
    expect(check(onset(daysBefore(183))).verdict).toBe('eligible');
    const early = check(onset(daysBefore(182)));
    expect(blockers(early).failed).toEqual(['inc-1']);
    expect(reasonOf(early, 'inc-1')).toBe(
      '5.979 months since symptom onset on 2024-12-15; the protocol requires ≥ 6 months',
    );
  });

  it('disease duration: exactly 2 years qualifies, a day more does not', () => {
    expect(check(onset('2023-06-15')).verdict).toBe('eligible');
    expect(blockers(check(onset('2023-06-14'))).failed).toEqual(['inc-1']);
  });

  it('ALSFRS-R items: an item at 1, or a respiratory item below 4, does not qualify; a total alone is incomplete', () => {
    expect(blockers(check({ alsfrsR: { items: { ...ITEMS, '8': 1 } } })).failed).toEqual(['inc-3']);
    const dyspnoea = check({ alsfrsR: { items: { ...ITEMS, '10': 3 } } });
    expect(blockers(dyspnoea).failed).toEqual(['inc-3']);
    expect(reasonOf(dyspnoea, 'inc-3')).toBe(
      'ALSFRS-R item 10 score 3 at screening; the protocol requires = 4',
    );
    const totalOnly = check({ alsfrsR: { total: 37 } });
    expect(totalOnly.verdict).toBe('incomplete');
    expect(blockers(totalOnly).unknown).toEqual(['inc-3']);
  });

  it('BMI exactly 18 and exactly 30 qualify; FVC exactly 70 % qualifies, 69 % does not', () => {
    expect(check({ weightKg: 72, heightCm: 200 }).verdict).toBe('eligible');
    expect(check({ weightKg: 120, heightCm: 200 }).verdict).toBe('eligible');
    expect(blockers(check({ weightKg: 121, heightCm: 200 })).failed).toEqual(['inc-4']);
    expect(check({ fvcPercentPredicted: 70 }).verdict).toBe('eligible');
    expect(blockers(check({ fvcPercentPredicted: 69 })).failed).toEqual(['inc-5']);
  });

  it('Cockcroft–Gault clearance below 30 mL/min excludes', () => {
    // 52 years, 68 kg, creatinine 3.0: (140 − 52) × 68 / (72 × 3.0) = 27.7 mL/min.
    const result = check({ labs: { ...ELIGIBLE.labs, creatinineMgDl: 3.0 } });
    expect(blockers(result).failed).toEqual(['exc-4']);
    expect(reasonOf(result, 'exc-4')).toContain(
      'creatinine clearance (Cockcroft–Gault) 27.704 mL/min at screening',
    );
  });

  it('hepatitis B: a positive marker with unknown HBV DNA is incomplete; with positive DNA it excludes', () => {
    const hbsAg = { labs: { ...ELIGIBLE.labs, hbsAg: 'positive' } };
    expect(check(hbsAg).verdict).toBe('incomplete');
    expect(blockers(check(hbsAg)).unknown).toEqual(['exc-5']);
    expect(blockers(check({ labs: { ...hbsAg.labs, hbvDna: 'positive' } })).failed).toEqual(['exc-5']);
    expect(check({ labs: { ...hbsAg.labs, hbvDna: 'negative' } }).verdict).toBe('eligible');
  });

  it('riluzole for fewer than 30 days, a vaccination in the last month or a nasogastric tube exclude', () => {
    expect(
      blockers(check({ medications: [{ name: 'riluzole', startDate: daysBefore(29) }] })).failed,
    ).toEqual(['inc-6']);
    const vaccine = check({
      medications: [
        ...ELIGIBLE.medications,
        {
          name: 'influenza vaccine',
          classes: ['vaccine'],
          startDate: daysBefore(20),
          stopDate: daysBefore(20),
        },
      ],
    });
    expect(blockers(vaccine).failed).toEqual(['exc-9']);
    expect(
      blockers(check({ conditions: [{ code: 'nasogastric-tube', onsetDate: daysBefore(5) }] })).failed,
    ).toEqual(['exc-2']);
  });

  it('heart failure NYHA III excludes, NYHA II does not; without a class it is incomplete', () => {
    const failure = { conditions: [{ code: 'heart-failure', onsetDate: '2020-01-01' }] };
    expect(blockers(check({ ...failure, nyhaClass: 3 })).failed).toEqual(['exc-6']);
    expect(check({ ...failure, nyhaClass: 2 }).verdict).toBe('eligible');
    expect(check(failure).verdict).toBe('incomplete');
  });
});
