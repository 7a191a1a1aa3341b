/**
 * NHANES III spirometric reference equations (Hankinson, Odencrantz, Fedan, AJRCCM 1999;159:179-187).
 * Coefficients as given in clinical.md §2.1 (marked [C]: taken from public code — rspiro `data-raw/NHtb45.csv`,
 * `NHtb6.csv` — and cross-checked against a second implementation; not re-read from the paper's tables).
 *
 *   predicted (L) = b0 + b1·age + b2·age² + b3·height²        (height in cm, age in years)
 *   LLN (L)       = b0 + b1·age + b2·age² + b3LLN·height²
 *   FEV1/FVC (%)  = c0 + c1·age ; LLN uses its own intercept with the same age slope
 */

export const HANKINSON_SEXES = ['female', 'male'] as const;
export type HankinsonSex = (typeof HANKINSON_SEXES)[number];

export const HANKINSON_ETHNICITIES = ['caucasian', 'african-american', 'mexican-american'] as const;
export type HankinsonEthnicity = (typeof HANKINSON_ETHNICITIES)[number];

/** The two volume measures with their own equations (SVC is referenced against FVC: see scoreSpirometry). */
export type HankinsonVolume = 'fvc' | 'fev1';

/**
 * Age (years) at which the adult equations start: males < 20 use the paediatric equations, females < 18.
 * The female split at 18 follows the paper as recalled in clinical.md §2.1 (marked [U]); rspiro's
 * `pred_NHANES3` uses 20 for both sexes. Only women aged 18–19 are affected.
 */
export const HANKINSON_ADULT_FROM_AGE: Readonly<Record<HankinsonSex, number>> = { male: 20, female: 18 };

/** Ages covered by the NHANES III sample (paper abstract: "8 to 80 yr of age"; [V]). */
export const HANKINSON_AGE_RANGE = { min: 8, max: 80 } as const;

/** [b0, b1 (age), b2 (age²), b3 (height², predicted), b3 (height², LLN)]. */
type Row = readonly [number, number, number, number, number];

interface VolumeRows {
  readonly child: Row;
  readonly adult: Row;
}

type Coefficients = Readonly<Record<HankinsonVolume, VolumeRows>>;

const COEFFICIENTS: Readonly<Record<HankinsonSex, Readonly<Record<HankinsonEthnicity, Coefficients>>>> = {
  male: {
    caucasian: {
      fvc: {
        child: [-0.2584, -0.20415, 0.010133, 0.00018642, 0.00015695],
        adult: [-0.1933, 0.00064, -0.000269, 0.00018642, 0.00015695],
      },
      fev1: {
        child: [-0.7453, -0.04106, 0.004477, 0.00014098, 0.00011607],
        adult: [0.5536, -0.01303, -0.000172, 0.00014098, 0.00011607],
      },
    },
    'african-american': {
      fvc: {
        child: [-0.4971, -0.15497, 0.007701, 0.00016643, 0.0001367],
        adult: [-0.1517, -0.01821, 0, 0.00016643, 0.0001367],
      },
      fev1: {
        child: [-0.7048, -0.05711, 0.004316, 0.00013194, 0.00010561],
        adult: [0.3411, -0.02309, 0, 0.00013194, 0.00010561],
      },
    },
    'mexican-american': {
      fvc: {
        child: [-0.7571, -0.0952, 0.006619, 0.00017823, 0.00014947],
        adult: [0.2376, -0.00891, -0.000182, 0.00017823, 0.00014947],
      },
      fev1: {
        child: [-0.8218, -0.04248, 0.004291, 0.00015104, 0.0001267],
        adult: [0.6306, -0.02928, 0, 0.00015104, 0.0001267],
      },
    },
  },
  female: {
    caucasian: {
      fvc: {
        child: [-1.2082, 0.05916, 0, 0.00014815, 0.00012198],
        adult: [-0.356, 0.0187, -0.000382, 0.00014815, 0.00012198],
      },
      fev1: {
        child: [-0.871, 0.06537, 0, 0.00011496, 0.00009283],
        adult: [0.4333, -0.00361, -0.000194, 0.00011496, 0.00009283],
      },
    },
    'african-american': {
      fvc: {
        child: [-0.6166, -0.04687, 0.003602, 0.00013606, 0.00010916],
        adult: [-0.3039, 0.00536, -0.000265, 0.00013606, 0.00010916],
      },
      fev1: {
        child: [-0.963, 0.05799, 0, 0.00010846, 0.00008546],
        adult: [0.3433, -0.01283, -0.000097, 0.00010846, 0.00008546],
      },
    },
    'mexican-american': {
      fvc: {
        child: [-1.2507, 0.07501, 0, 0.00014246, 0.0001157],
        adult: [0.121, 0.00307, -0.000237, 0.00014246, 0.0001157],
      },
      fev1: {
        child: [-0.9641, 0.0649, 0, 0.00012154, 0.0000989],
        adult: [0.4529, -0.01178, -0.000113, 0.00012154, 0.0000989],
      },
    },
  },
};

/** FEV1/FVC % : [c0, c1 (age), LLN intercept]; valid for all ages of the sample. */
const RATIO: Readonly<
  Record<HankinsonSex, Readonly<Record<HankinsonEthnicity, readonly [number, number, number]>>>
> = {
  male: {
    caucasian: [88.066, -0.2066, 78.388],
    'african-american': [89.239, -0.1828, 78.822],
    'mexican-american': [90.024, -0.2186, 80.925],
  },
  female: {
    caucasian: [90.809, -0.2125, 81.015],
    'african-american': [91.655, -0.2039, 80.978],
    'mexican-american': [92.36, -0.2248, 83.044],
  },
};

/** Who the prediction is for. */
export interface HankinsonSubject {
  readonly sex: HankinsonSex;
  readonly ageYears: number;
  readonly heightCm: number;
  readonly ethnicity: HankinsonEthnicity;
}

/** A predicted value and its lower limit of normal (5th percentile). */
export interface SpirometryReferenceValue {
  readonly predicted: number;
  readonly lln: number;
}

/** Which of the paper's two age equations applies. */
export function hankinsonAgeGroup(subject: Pick<HankinsonSubject, 'sex' | 'ageYears'>): 'child' | 'adult' {
  return subject.ageYears < HANKINSON_ADULT_FROM_AGE[subject.sex] ? 'child' : 'adult';
}

/** Predicted value and LLN in litres of FVC or FEV1 (no range check: see scoreSpirometry for validation). */
export function hankinsonPredict(
  subject: HankinsonSubject,
  volume: HankinsonVolume,
): SpirometryReferenceValue {
  const row = COEFFICIENTS[subject.sex][subject.ethnicity][volume][hankinsonAgeGroup(subject)];
  const [b0, b1, b2, b3, b3Lln] = row;
  const age = subject.ageYears;
  const base = b0 + b1 * age + b2 * age * age;
  const height2 = subject.heightCm * subject.heightCm;
  return { predicted: base + b3 * height2, lln: base + b3Lln * height2 };
}

/** Predicted FEV1/FVC and its LLN, in percent. */
export function hankinsonPredictRatio(subject: Omit<HankinsonSubject, 'heightCm'>): SpirometryReferenceValue {
  const [c0, c1, lln0] = RATIO[subject.sex][subject.ethnicity];
  return { predicted: c0 + c1 * subject.ageYears, lln: lln0 + c1 * subject.ageYears };
}
