// One synthetic candidate: demographics, history and latent disease course, drawn from disease-typical
// distributions (docs/demo-data.md) and steered by the protocol's eligibility hints. Whether the candidate is
// eligible is decided afterwards by evaluateEligibility on the screening record built from it.
import {
  EL_ESCORIAL_CATEGORIES,
  MS_COURSES,
  type ScreeningCondition,
} from '../eligibility/screening-record.js';
import type { ElEscorialCategory, MsCourse, ScreeningSex } from '../eligibility/screening-record.js';
import { addDaysToIsoDate, PROTOCOL_DAYS_PER_MONTH } from '../protocol/iso-date.js';
import { randomNormal, type Rng } from '../random/rng.js';
import { hankinsonPredictRatio } from '../scales/spirometry-hankinson.js';
import { drawItemLossOrder, gastrostomyDateFor } from './demo-alsfrs.js';
import { allowedValues, type DemoEligibilityHints } from './demo-eligibility-hints.js';
import { drawLabMeans } from './demo-labs.js';
import { drawScreeningMedications } from './demo-medications.js';
import { DEMO_ALSFRS, DEMO_EDSS, DEMO_FVC } from './demo-parameters.js';
import {
  chance,
  clamp,
  intersect,
  logNormal,
  normalWithin,
  roundTo,
  uniform,
  weightedChoice,
  type DemoInterval,
} from './demo-random.js';
import { drawEthnicity } from './demo-study.js';
import type { DemoDisease, DemoOnsetRegion, DemoSubject, DemoTrajectory } from './demo-types.js';
import { drawVitalMeans } from './demo-vitals.js';

export interface DemoCandidateContext {
  readonly disease: DemoDisease;
  readonly hints: DemoEligibilityHints;
  readonly seed: string;
  readonly screeningDate: string;
  readonly siteCountry: string | undefined;
}

const DAYS_PER_YEAR = 365.25;

/** A duration in days, drawn log-normally and kept inside the hint interval and the plausible bounds. */
function durationWithin(
  rng: Rng,
  spec: { readonly medianDays: number; readonly sdLog: number; readonly bounds: Required<DemoInterval> },
  hint: DemoInterval | undefined,
): number {
  const allowed = intersect(spec.bounds, hint ?? {});
  const low = allowed.min ?? spec.bounds.min;
  const high = allowed.max ?? spec.bounds.max;
  for (let attempt = 0; attempt < 50; attempt++) {
    const days = logNormal(rng, spec.medianDays, spec.sdLog);
    if (days >= low && days <= high) {
      return Math.round(days);
    }
  }
  return Math.round(low <= high ? uniform(rng, low, high) : spec.medianDays);
}

function drawSex(rng: Rng, hints: DemoEligibilityHints, maleShare: number): ScreeningSex {
  const allowed = allowedValues(hints, 'sex', ['male', 'female'] as const);
  return weightedChoice(
    rng,
    allowed.map((sex) => [sex, sex === 'male' ? maleShare : 1 - maleShare] as const),
  );
}

function drawBody(
  rng: Rng,
  sex: ScreeningSex,
  hints: DemoEligibilityHints,
): { heightCm: number; weightKg: number } {
  // ASSUMED adult heights (cm) and a trial-typical BMI of 25.5 ± 4 kg/m².
  const heightCm = Math.round(
    normalWithin(
      rng,
      sex === 'male'
        ? { mean: 176, sd: 7, bounds: { min: 155, max: 200 } }
        : { mean: 163, sd: 6.5, bounds: { min: 145, max: 185 } },
    ),
  );
  const bmi = normalWithin(rng, { mean: 25.5, sd: 4, bounds: { min: 16.5, max: 40 } }, hints.numeric.bmi);
  return { heightCm, weightKg: roundTo(bmi * (heightCm / 100) ** 2, 1) };
}

/** Condition history at screening: nothing catalogued (the list is complete), plus a gastrostomy in place. */
function conditionsAtScreening(
  gastrostomyDate: string | undefined,
  screeningDate: string,
): ScreeningCondition[] {
  return gastrostomyDate !== undefined && gastrostomyDate <= screeningDate
    ? [{ code: 'gastrostomy', onsetDate: gastrostomyDate }]
    : [];
}

function reproductivePotential(rng: Rng, sex: ScreeningSex, age: number): boolean {
  return sex === 'female' ? chance(rng, age < 50 ? 0.5 : 0.03) : chance(rng, age < 70 ? 0.6 : 0.3);
}

function common(rng: Rng, context: DemoCandidateContext, sex: ScreeningSex) {
  const { hints } = context;
  const body = drawBody(rng, sex, hints);
  const ethnicity = drawEthnicity(rng, context.siteCountry);
  return {
    body,
    ethnicity,
    spirometryEthnicity: ethnicity === 'other' ? ('caucasian' as const) : ethnicity,
    vitals: drawVitalMeans(rng),
    labs: drawLabMeans(rng, sex),
    kokmenStms: Math.round(
      normalWithin(rng, { mean: 35, sd: 1.8, bounds: { min: 28, max: 38 } }, hints.numeric.kokmenStms),
    ),
    ptXUln: roundTo(clamp(randomNormal(rng, 0.9, 0.07), 0.7, 1.1), 2),
    apttXUln: roundTo(clamp(randomNormal(rng, 0.9, 0.07), 0.7, 1.1), 2),
  };
}

function fvcInterval(hints: DemoEligibilityHints): DemoInterval {
  const svc = hints.numeric.svcPercentPredicted ?? {};
  const shifted: DemoInterval = {
    ...(svc.min === undefined ? {} : { min: svc.min - DEMO_FVC.svcOffsetMean + 3 }),
    ...(svc.max === undefined ? {} : { max: svc.max - DEMO_FVC.svcOffsetMean - 3 }),
  };
  return intersect(hints.numeric.fvcPercentPredicted ?? {}, shifted);
}

/** Latent ALSFRS-R interval from a hint on the observed total (kept one point inside, for the visit noise). */
function alsfrsInterval(hints: DemoEligibilityHints): DemoInterval {
  const total = hints.numeric['alsfrsR.total'] ?? {};
  return {
    ...(total.min === undefined ? {} : { min: total.min + 1 }),
    ...(total.max === undefined ? {} : { max: total.max - 1 }),
  };
}

function drawAls(rng: Rng, context: DemoCandidateContext): DemoSubject {
  const { hints, screeningDate, seed } = context;
  const sex = drawSex(rng, hints, 0.6);
  const age = normalWithin(rng, { mean: 56, sd: 11, bounds: { min: 18, max: 85 } }, hints.numeric.age);
  const base = common(rng, context, sex);
  const onsetDays = durationWithin(
    rng,
    { medianDays: 14 * PROTOCOL_DAYS_PER_MONTH, sdLog: 0.45, bounds: { min: 120, max: 8 * DAYS_PER_YEAR } },
    hints.numeric['since:symptomOnsetDate'],
  );
  // Diagnosis to screening: median 5 months, at least 2 weeks, and at least a month after onset.
  const diagnosisDays = durationWithin(
    rng,
    {
      medianDays: 5 * PROTOCOL_DAYS_PER_MONTH,
      sdLog: 0.7,
      bounds: { min: 14, max: Math.max(15, onsetDays - 30) },
    },
    hints.numeric['since:diagnosisDate'],
  );
  const region = weightedChoice<DemoOnsetRegion>(rng, [
    ['bulbar', 0.3],
    ['upper-limb', 0.35],
    ['lower-limb', 0.35],
  ]);
  const elEscorial = weightedChoice<ElEscorialCategory>(
    rng,
    allowedValues(hints, 'elEscorial', EL_ESCORIAL_CATEGORIES).map(
      (category) => [category, EL_ESCORIAL_WEIGHTS[category]] as const,
    ),
  );
  const alsfrsAtScreening = normalWithin(
    rng,
    { mean: DEMO_ALSFRS.totalMean, sd: DEMO_ALSFRS.totalSd, bounds: { min: 12, max: 47.4 } },
    alsfrsInterval(hints),
  );
  const alsfrsSlopePerMonth = randomNormal(rng, DEMO_ALSFRS.slopeMean, DEMO_ALSFRS.slopeSd);
  const alsfrsItemLossOrder = drawItemLossOrder(rng, region);
  const symptomOnsetDate = addDaysToIsoDate(screeningDate, -onsetDays);
  const diagnosisDate = addDaysToIsoDate(screeningDate, -diagnosisDays);
  const gastrostomyDate = gastrostomyDateFor(
    { alsfrsAtScreening, alsfrsSlopePerMonth, alsfrsItemLossOrder },
    { screeningDate, diagnosisDate },
  );
  const slopeZ = (alsfrsSlopePerMonth - DEMO_ALSFRS.slopeMean) / DEMO_ALSFRS.slopeSd;
  const rho = DEMO_FVC.slopeCorrelation;
  const fvcZ = rho * slopeZ + Math.sqrt(1 - rho * rho) * randomNormal(rng);
  const trajectory: DemoTrajectory = {
    alsfrsAtScreening,
    alsfrsSlopePerMonth,
    alsfrsItemLossOrder,
    ...(gastrostomyDate === undefined ? {} : { gastrostomyDate }),
    fvcPercentAtScreening: normalWithin(
      rng,
      { mean: DEMO_FVC.baselineMean, sd: DEMO_FVC.baselineSd, bounds: { min: 30, max: 130 } },
      fvcInterval(hints),
    ),
    fvcSlopePerMonth: DEMO_FVC.slopeMean + DEMO_FVC.slopeSd * fvcZ,
    ...lungAndWeight(rng, { sex, age, ethnicity: base.spirometryEthnicity, weightMean: -0.4, weightSd: 0.4 }),
    vitals: base.vitals,
    labs: base.labs,
  };
  return {
    seed,
    disease: 'ALS',
    screeningDate,
    demographics: {
      sex,
      birthDate: addDaysToIsoDate(screeningDate, -Math.round(age * DAYS_PER_YEAR)),
      ethnicity: base.ethnicity,
      spirometryEthnicity: base.spirometryEthnicity,
      heightCm: base.body.heightCm,
      weightKg: base.body.weightKg,
      symptomOnsetDate,
      diagnosisDate,
      onsetRegion: region,
    },
    history: {
      elEscorial,
      familial: chance(rng, 0.1),
      conditions: conditionsAtScreening(gastrostomyDate, screeningDate),
      medications: drawScreeningMedications(rng, {
        disease: 'ALS',
        hints,
        dates: { screeningDate, diagnosisDate },
      }),
      positiveSerology: [],
      kokmenStms: base.kokmenStms,
      reproductivePotential: reproductivePotential(rng, sex, age),
      priorCellTherapy: false,
      ptXUln: base.ptXUln,
      apttXUln: base.apttXUln,
    },
    trajectory,
  };
}

/** ASSUMED shares of the revised El Escorial categories among trial candidates. */
const EL_ESCORIAL_WEIGHTS: Readonly<Record<ElEscorialCategory, number>> = {
  definite: 0.3,
  probable: 0.35,
  'probable-laboratory-supported': 0.2,
  possible: 0.15,
};

/** Days since diagnosis kept inside the hint interval and between 14 days and the days since onset. */
function clampDays(days: number, hint: DemoInterval | undefined, onsetDays: number): number {
  const low = Math.max(14, hint?.min ?? 14);
  const high = Math.min(onsetDays, hint?.max ?? onsetDays);
  return low <= high ? Math.round(clamp(days, low, high)) : days;
}

function lungAndWeight(
  rng: Rng,
  who: {
    sex: ScreeningSex;
    age: number;
    ethnicity: DemoSubject['demographics']['spirometryEthnicity'];
    weightMean: number;
    weightSd: number;
  },
): Pick<DemoTrajectory, 'svcOffsetPercent' | 'fev1FvcRatio' | 'weightChangePercentPerMonth'> {
  const predictedRatio = hankinsonPredictRatio({
    sex: who.sex,
    ageYears: who.age,
    ethnicity: who.ethnicity,
  }).predicted;
  return {
    svcOffsetPercent: randomNormal(rng, DEMO_FVC.svcOffsetMean, DEMO_FVC.svcOffsetSd),
    fev1FvcRatio: clamp(predictedRatio / 100 + randomNormal(rng, 0, DEMO_FVC.ratioSd), 0.62, 0.95),
    weightChangePercentPerMonth: randomNormal(rng, who.weightMean, who.weightSd),
  };
}

/** ASSUMED MS course shares, ages (years), disease durations and diagnostic delays. */
const MS_COURSE_MODEL: Readonly<Record<MsCourse, { share: number; age: number; onsetYears: number }>> = {
  RRMS: { share: 0.55, age: 38, onsetYears: 7 },
  SPMS: { share: 0.3, age: 48, onsetYears: 14 },
  PPMS: { share: 0.15, age: 50, onsetYears: 6 },
};

function drawMs(rng: Rng, context: DemoCandidateContext): DemoSubject {
  const { hints, screeningDate, seed } = context;
  const course = weightedChoice<MsCourse>(
    rng,
    allowedValues(hints, 'msCourse', MS_COURSES).map(
      (value) => [value, MS_COURSE_MODEL[value].share] as const,
    ),
  );
  const model = MS_COURSE_MODEL[course];
  const sex = drawSex(rng, hints, 0.35);
  const age = normalWithin(rng, { mean: model.age, sd: 9, bounds: { min: 18, max: 75 } }, hints.numeric.age);
  const base = common(rng, context, sex);
  const onsetDays = durationWithin(
    rng,
    {
      medianDays: model.onsetYears * DAYS_PER_YEAR,
      sdLog: 0.45,
      bounds: { min: 180, max: Math.max(181, (age - 12) * DAYS_PER_YEAR) },
    },
    hints.numeric['since:symptomOnsetDate'],
  );
  const delayDays = Math.min(onsetDays - 30, Math.round(logNormal(rng, 1.5 * DAYS_PER_YEAR, 0.6)));
  const diagnosisDays = clampDays(onsetDays - delayDays, hints.numeric['since:diagnosisDate'], onsetDays);
  const progressive = course !== 'RRMS';
  const edssBaseline = weightedChoice(
    rng,
    progressive ? DEMO_EDSS.progressiveBaseline : DEMO_EDSS.relapsingBaseline,
  );
  const trajectory: DemoTrajectory = {
    fvcPercentAtScreening: normalWithin(
      rng,
      { mean: DEMO_FVC.msBaselineMean, sd: DEMO_FVC.msBaselineSd, bounds: { min: 60, max: 130 } },
      fvcInterval(hints),
    ),
    fvcSlopePerMonth: randomNormal(rng, 0, 0.2),
    ...lungAndWeight(rng, { sex, age, ethnicity: base.spirometryEthnicity, weightMean: 0, weightSd: 0.1 }),
    edssBaseline,
    edssChangePerYear: randomNormal(
      rng,
      progressive ? DEMO_EDSS.progressiveChangeMean : DEMO_EDSS.relapsingChangeMean,
      DEMO_EDSS.changeSd,
    ),
    vitals: base.vitals,
    labs: base.labs,
  };
  const diagnosisDate = addDaysToIsoDate(screeningDate, -diagnosisDays);
  return {
    seed,
    disease: 'MS',
    screeningDate,
    demographics: {
      sex,
      birthDate: addDaysToIsoDate(screeningDate, -Math.round(age * DAYS_PER_YEAR)),
      ethnicity: base.ethnicity,
      spirometryEthnicity: base.spirometryEthnicity,
      heightCm: base.body.heightCm,
      weightKg: base.body.weightKg,
      symptomOnsetDate: addDaysToIsoDate(screeningDate, -onsetDays),
      diagnosisDate,
    },
    history: {
      msCourse: course,
      familial: chance(rng, 0.05),
      conditions: [],
      medications: drawScreeningMedications(rng, {
        disease: 'MS',
        hints,
        dates: { screeningDate, diagnosisDate },
      }),
      positiveSerology: [],
      kokmenStms: base.kokmenStms,
      reproductivePotential: reproductivePotential(rng, sex, age),
      priorCellTherapy: false,
      ptXUln: base.ptXUln,
      apttXUln: base.apttXUln,
    },
    trajectory,
  };
}

/** Draws one candidate for the disease. */
export function drawCandidate(rng: Rng, context: DemoCandidateContext): DemoSubject {
  return context.disease === 'ALS' ? drawAls(rng, context) : drawMs(rng, context);
}
