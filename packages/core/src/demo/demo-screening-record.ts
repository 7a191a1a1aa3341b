// The screening record of a synthetic candidate (docs/screening-record.md), built from the same generators as the
// screening-day forms: its ALSFRS-R, FVC, weight and laboratory values are exactly what the alsfrs-r, spirometry,
// vital-signs and labs forms of that day hold.
import { findLabTest } from '../labs/lab-catalogue.js';
import { SEROLOGY_LABS, type ScreeningLabs, type ScreeningRecord } from '../eligibility/screening-record.js';
import { addDaysToIsoDate } from '../protocol/iso-date.js';
import type { Protocol } from '../protocol/protocol-types.js';
import { alsfrsAssessmentAt, screeningAlsfrsItems } from './demo-alsfrs.js';
import { edssAssessmentAt } from './demo-edss.js';
import { demoLabRange, labValuesAt } from './demo-labs.js';
import { roundTo } from './demo-random.js';
import { percentPredicted, spirometryAt } from './demo-spirometry.js';
import type { DemoSubject } from './demo-types.js';

/** What the record needs from the protocol: manual criteria to answer and ALSFRS-R lead-ins to cover. */
export interface DemoRecordContext {
  readonly manualCriteria: readonly { readonly id: string; readonly kind: 'inclusion' | 'exclusion' }[];
  readonly progressionLeadInDays: readonly number[];
}

export function recordContextFor(
  protocol: Protocol,
  progressionLeadInDays: readonly number[],
): DemoRecordContext {
  return {
    manualCriteria: protocol.eligibility.criteria
      .filter((criterion) => criterion.rule === undefined)
      .map(({ id, kind }) => ({ id, kind })),
    progressionLeadInDays,
  };
}

function mgPerDlFactor(code: string): number {
  const test = findLabTest(code);
  const unit = test?.kind === 'quantitative' ? test.units.find((u) => u.unit === 'mg/dL') : undefined;
  if (unit === undefined) {
    throw new Error(`lab catalogue has no mg/dL unit for ${code}`);
  }
  return unit.toSi;
}

function screeningLabs(subject: DemoSubject): ScreeningLabs {
  const values = labValuesAt(subject, subject.screeningDate);
  const sex = subject.demographics.sex;
  const value = (code: string): number => values[code]?.value ?? Number.NaN;
  const xUln = (code: string): number => roundTo(value(code) / demoLabRange(code, sex).uln, 2);
  const labs: ScreeningLabs = {
    creatinineMgDl: roundTo(value('creatinine') / mgPerDlFactor('creatinine'), 2),
    altXUln: xUln('alt'),
    astXUln: xUln('ast'),
    bilirubinXUln: xUln('bilirubin-total'),
    ptXUln: subject.history.ptXUln,
    apttXUln: subject.history.apttXUln,
    hemoglobinGDl: roundTo(value('hemoglobin') / 10, 1),
    albuminGDl: roundTo(value('albumin') / 10, 1),
    neutrophilsE9L: value('neutrophils'),
    plateletsE9L: value('platelets'),
    wbcE9L: value('wbc'),
  };
  for (const test of SEROLOGY_LABS) {
    labs[test] = subject.history.positiveSerology.includes(test) ? 'positive' : 'negative';
  }
  return labs;
}

/** ALSFRS-R totals before screening, one per lead-in of a `progressionRate` rule (after symptom onset only). */
function alsfrsHistory(
  subject: DemoSubject,
  leadInDays: readonly number[],
): { date: string; total: number }[] {
  const dates = [...new Set(leadInDays)].map((days) => addDaysToIsoDate(subject.screeningDate, -days));
  return dates
    .filter((date) => date > subject.demographics.birthDate)
    .sort()
    .flatMap((date) => {
      const assessment = alsfrsAssessmentAt(subject, date);
      return assessment === undefined ? [] : [{ date, total: assessment.total }];
    });
}

export function buildScreeningRecord(subject: DemoSubject, context: DemoRecordContext): ScreeningRecord {
  const { demographics, history, screeningDate } = subject;
  const spirometry = spirometryAt(subject, screeningDate);
  const alsfrs = alsfrsAssessmentAt(subject, screeningDate);
  const edss = edssAssessmentAt(subject, screeningDate);
  const manualChecks: Record<string, boolean> = {};
  for (const criterion of context.manualCriteria) {
    const favourable = criterion.kind === 'inclusion';
    manualChecks[criterion.id] = criterion.id === history.failedManualCheck ? !favourable : favourable;
  }
  const history_ = alsfrs === undefined ? [] : alsfrsHistory(subject, context.progressionLeadInDays);
  return {
    assessmentDate: screeningDate,
    birthDate: demographics.birthDate,
    sex: demographics.sex,
    weightKg: demographics.weightKg,
    heightCm: demographics.heightCm,
    diagnosis: {
      condition: subject.disease,
      ...(history.elEscorial === undefined ? {} : { elEscorial: history.elEscorial }),
      ...(history.msCourse === undefined ? {} : { msCourse: history.msCourse }),
      familial: history.familial,
      symptomOnsetDate: demographics.symptomOnsetDate,
      diagnosisDate: demographics.diagnosisDate,
    },
    ...(alsfrs === undefined
      ? {}
      : { alsfrsR: { total: alsfrs.total, items: screeningAlsfrsItems(alsfrs) } }),
    ...(history_.length === 0 ? {} : { alsfrsRHistory: history_ }),
    fvcPercentPredicted: percentPredicted(spirometry.fvcL, spirometry.predictedFvcL),
    svcPercentPredicted: percentPredicted(spirometry.svcL, spirometry.predictedFvcL),
    ...(edss === undefined ? {} : { edss: edss.edss }),
    kokmenStms: history.kokmenStms,
    labs: screeningLabs(subject),
    conditions: history.conditions.map((condition) => ({ ...condition })),
    medications: history.medications.map((medication) => ({ ...medication })),
    priorCellTherapy: history.priorCellTherapy,
    ventilatorDependent: false,
    reproductivePotential: history.reproductivePotential,
    ...(history.reproductivePotential ? { contraceptionAgreed: true } : {}),
    manualChecks,
  };
}
