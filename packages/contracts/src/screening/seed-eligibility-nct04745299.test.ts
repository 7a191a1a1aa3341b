// NCT04745299 (ALSUMMIT, lenzumestrocel phase 3): records at the end of the 17-week lead-in.
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT,
  blockers,
  daysBefore,
  evaluateSeed,
  reasonOf,
  seedProtocol,
} from './seed-eligibility-helpers.js';

const protocol = seedProtocol('nct04745299');

const LEAD_IN_START = daysBefore(119); // 17 weeks before the assessment

const ELIGIBLE = {
  assessmentDate: ASSESSMENT,
  birthDate: '1961-02-11',
  sex: 'male',
  weightKg: 70,
  heightCm: 172,
  diagnosis: {
    condition: 'ALS',
    elEscorial: 'probable',
    familial: false,
    symptomOnsetDate: '2023-10-01',
    diagnosisDate: '2024-04-02',
  },
  alsfrsR: { total: 40 },
  // 4 points in 119 days = 4 × 30.4375 / 119 = 1.0231 points/month, inside 0.515–1.545.
  alsfrsRHistory: [{ date: LEAD_IN_START, total: 44 }],
  fvcPercentPredicted: 76,
  labs: {
    hbsAg: 'negative',
    hcvAb: 'negative',
    hivAb: 'negative',
    cmvIgm: 'negative',
    ebvIgm: 'negative',
    hsvIgm: 'negative',
    syphilisAb: 'negative',
    creatinineMgDl: 0.8,
    altXUln: 0.9,
    astXUln: 0.8,
    bilirubinXUln: 0.5,
    ptXUln: 1.0,
    apttXUln: 1.1,
  },
  conditions: [],
  medications: [{ name: 'riluzole', startDate: '2024-05-01' }],
  priorCellTherapy: false,
  manualChecks: { 'exc-4': false, 'exc-13': false },
};

function check(change: Record<string, unknown>) {
  return evaluateSeed(protocol, { ...ELIGIBLE, ...change });
}

function alsfrs(total: number, startTotal: number) {
  return { alsfrsR: { total }, alsfrsRHistory: [{ date: LEAD_IN_START, total: startTotal }] };
}

describe('NCT04745299 eligibility', () => {
  it('an intermediate progressor within 2 years of diagnosis is eligible; the rate is explained', () => {
    const result = check({});
    expect(result.verdict).toBe('eligible');
    expect(reasonOf(result, 'inc-2')).toBe(
      'diagnosis ALS. El Escorial category probable (one of definite, probable, probable-laboratory-supported). ' +
        `ALSFRS-R decline 1.023 points/month over 119 days (44 on ${LEAD_IN_START} → 40 on ${ASSESSMENT}) ` +
        '(between 0.515 and 1.545 points/month)',
    );
  });

  it('ALSFRS-R exactly 31 and exactly 46 qualify; 30 and 47 do not', () => {
    expect(check(alsfrs(31, 35)).verdict).toBe('eligible');
    expect(blockers(check(alsfrs(46, 48))).failed).toEqual(['inc-2']); // 2 points in 17 weeks: 0.512/month, too slow …
    // … but 2 points in 16 weeks (112 days) = 0.5435/month qualifies.
    const sixteenWeeks = { alsfrsR: { total: 46 }, alsfrsRHistory: [{ date: daysBefore(112), total: 48 }] };
    expect(check(sixteenWeeks).verdict).toBe('eligible');
    expect(blockers(check(alsfrs(30, 34))).failed).toEqual(['inc-5']);
    // 47 fails inc-5; from 47 no lead-in can also reach 0.515 points/month (at most 1 point from 48), so inc-2
    // fails too.
    expect(blockers(check(alsfrs(47, 48))).failed).toEqual(['inc-2', 'inc-5']);
    expect(reasonOf(check(alsfrs(47, 48)), 'inc-5')).toBe(
      'ALSFRS-R total 47 at screening; the protocol requires between 31 and 46',
    );
  });

  it('progression rate outside 1.03 ± 50 %/month excludes; without a lead-in total it is incomplete', () => {
    const slow = check(alsfrs(40, 42)); // 2 points in 17 weeks = 0.512/month
    expect(blockers(slow).failed).toEqual(['inc-2']);
    expect(reasonOf(slow, 'inc-2')).toContain('ALSFRS-R decline 0.512 points/month over 119 days');
    expect(reasonOf(slow, 'inc-2')).toContain('the protocol requires between 0.515 and 1.545 points/month');
    expect(blockers(check(alsfrs(37, 44))).failed).toEqual(['inc-2']); // 7 points = 1.790/month
    const noLeadIn = check({ alsfrsRHistory: [] });
    expect(noLeadIn.verdict).toBe('incomplete');
    expect(blockers(noLeadIn).unknown).toEqual(['inc-2']);
  });

  it('no more than 2 years from diagnosis: exactly 2 years qualifies, a day more does not', () => {
    const diagnosed = (diagnosisDate: string) => ({
      diagnosis: { ...ELIGIBLE.diagnosis, symptomOnsetDate: '2023-01-01', diagnosisDate },
    });
    expect(check(diagnosed('2023-06-15')).verdict).toBe('eligible');
    const late = check(diagnosed('2023-06-14'));
    expect(blockers(late).failed).toEqual(['inc-4']);
    expect(reasonOf(late, 'inc-4')).toBe(
      '2.003 years since diagnosis on 2023-06-14; the protocol requires ≤ 2 years',
    );
  });

  it('riluzole: a stable dose for more than 28 days; exactly 28 is not enough; not taking it is fine', () => {
    expect(check({ medications: [{ name: 'riluzole', startDate: daysBefore(29) }] }).verdict).toBe(
      'eligible',
    );
    expect(
      blockers(check({ medications: [{ name: 'riluzole', startDate: daysBefore(28) }] })).failed,
    ).toEqual(['inc-3']);
    expect(check({ medications: [] }).verdict).toBe('eligible');
  });

  it('FVC not greater than 40 % excludes (40 excludes, 40.5 qualifies); an unmeasured FVC is incomplete', () => {
    expect(blockers(check({ fvcPercentPredicted: 40 })).failed).toEqual(['exc-3']);
    expect(check({ fvcPercentPredicted: 40.5 }).verdict).toBe('eligible');
    expect(check({ fvcPercentPredicted: undefined }).verdict).toBe('incomplete');
  });

  it('labs at the limits: creatinine 2.0 excludes, 1.99 does not; ALT 2.0 × ULN qualifies, above excludes', () => {
    expect(blockers(check({ labs: { ...ELIGIBLE.labs, creatinineMgDl: 2.0 } })).failed).toEqual(['exc-7']);
    expect(check({ labs: { ...ELIGIBLE.labs, creatinineMgDl: 1.99 } }).verdict).toBe('eligible');
    expect(check({ labs: { ...ELIGIBLE.labs, altXUln: 2.0 } }).verdict).toBe('eligible');
    expect(blockers(check({ labs: { ...ELIGIBLE.labs, altXUln: 2.01 } })).failed).toEqual(['exc-8']);
  });

  it('edaravone in the last 3 months, a gastrostomy or a prior cell therapy exclude', () => {
    const edaravone = check({
      medications: [
        ...ELIGIBLE.medications,
        { name: 'edaravone', startDate: '2024-10-01', stopDate: daysBefore(80) },
      ],
    });
    expect(blockers(edaravone).failed).toEqual(['exc-5']);
    expect(
      blockers(check({ conditions: [{ code: 'gastrostomy', onsetDate: '2025-05-20' }] })).failed,
    ).toEqual(['exc-2']);
    expect(blockers(check({ priorCellTherapy: true })).failed).toEqual(['exc-12']);
  });

  it('one missing serology keeps it incomplete', () => {
    const { ebvIgm: _missing, ...labs } = ELIGIBLE.labs;
    const result = check({ labs });
    expect(result.verdict).toBe('incomplete');
    expect(blockers(result).unknown).toEqual(['exc-10']);
  });
});
