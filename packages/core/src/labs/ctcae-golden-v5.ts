import type { GoldenTable } from './ctcae-golden-helpers.js';

/**
 * Golden tables for the CTCAE lab terms whose thresholds differ between v5.0 (NCI, 27 Nov 2017) and v4.03
 * (NCI, 14 Jun 2010): clinical.md §4 rows "v4 vs v5", criteria as in admiral `ncictcaev5.json` /
 * `ncictcaev4.json`. "Baseline abnormal" = baseline > ULN (admiral BNRIND = HIGH, clinical.md §4).
 */

/** v5 ULN-rule tables (baseline normal) and baseline-rule tables (baseline abnormal) for the liver tests. */
const liverV5 = (spec: {
  readonly term: GoldenTable['term'];
  readonly test: string;
  readonly unit: string;
  readonly uln: number;
  readonly normalBaseline: number;
  readonly abnormalBaseline: number;
  readonly normal: GoldenTable['cases'];
  readonly abnormal: GoldenTable['cases'];
}): readonly GoldenTable[] => [
  {
    term: spec.term,
    test: spec.test,
    unit: spec.unit,
    uln: spec.uln,
    baseline: spec.normalBaseline,
    cases: spec.normal,
  },
  {
    term: spec.term,
    test: spec.test,
    unit: spec.unit,
    uln: spec.uln,
    baseline: spec.abnormalBaseline,
    cases: spec.abnormal,
  },
];

// ALT/AST v5: normal baseline G1 >ULN-3.0xULN, G2 >3.0-5.0, G3 >5.0-20.0, G4 >20.0xULN;
// abnormal baseline G1 1.5-3.0xbaseline (>= 1.5), G2 >3.0-5.0, G3 >5.0-20.0, G4 >20.0xbaseline.
// clinical.md vectors: ALT 100 (ULN 40, base 30) -> 1; ALT 80 (ULN 40, base 60) -> 0; ALT 250 (base 60) -> 2.
const TRANSAMINASE_NORMAL: GoldenTable['cases'] = [
  [40, 0],
  [40.01, 1],
  [100, 1],
  [120, 1],
  [120.01, 2],
  [200, 2],
  [200.01, 3],
  [800, 3],
  [800.01, 4],
];
const TRANSAMINASE_ABNORMAL: GoldenTable['cases'] = [
  [80, 0],
  [89.99, 0],
  [90, 1],
  [180, 1],
  [180.01, 2],
  [250, 2],
  [300, 2],
  [300.01, 3],
  [1200, 3],
  [1200.01, 4],
];
/** v5.0 tables of the terms that changed. */
export const V5_GOLDEN: readonly GoldenTable[] = [
  ...liverV5({
    term: 'Alanine aminotransferase increased',
    test: 'alt',
    unit: 'U/L',
    uln: 40,
    normalBaseline: 30,
    abnormalBaseline: 60,
    normal: TRANSAMINASE_NORMAL,
    abnormal: TRANSAMINASE_ABNORMAL,
  }),
  ...liverV5({
    term: 'Aspartate aminotransferase increased',
    test: 'ast',
    unit: 'U/L',
    uln: 40,
    normalBaseline: 40, // equal to ULN is NOT abnormal (baseline > ULN)
    abnormalBaseline: 60,
    normal: TRANSAMINASE_NORMAL,
    abnormal: TRANSAMINASE_ABNORMAL,
  }),
  // Bilirubin v5: normal G1 >ULN-1.5xULN, G2 >1.5-3.0, G3 >3.0-10.0, G4 >10.0xULN;
  // abnormal G1 >1.0-1.5xbaseline (strict >), G2 >1.5-3.0, G3 >3.0-10.0, G4 >10.0xbaseline.
  ...liverV5({
    term: 'Blood bilirubin increased',
    test: 'bilirubin-total',
    unit: 'umol/L',
    uln: 21,
    normalBaseline: 10,
    abnormalBaseline: 30,
    normal: [
      [21, 0],
      [21.01, 1],
      [31.5, 1],
      [31.51, 2],
      [63, 2],
      [63.01, 3],
      [210, 3],
      [210.01, 4],
    ],
    abnormal: [
      [25, 0],
      [30, 0],
      [30.01, 1],
      [45, 1],
      [45.01, 2],
      [90, 2],
      [90.01, 3],
      [300, 3],
      [300.01, 4],
    ],
  }),
  // ALP / GGT v5: normal G1 >ULN-2.5xULN, G2 >2.5-5.0, G3 >5.0-20.0, G4 >20.0xULN;
  // abnormal G1 2.0-2.5xbaseline (>= 2.0), G2 >2.5-5.0, G3 >5.0-20.0, G4 >20.0xbaseline.
  ...liverV5({
    term: 'Alkaline phosphatase increased',
    test: 'alp',
    unit: 'U/L',
    uln: 120,
    normalBaseline: 80,
    abnormalBaseline: 150,
    normal: [
      [120, 0],
      [120.01, 1],
      [300, 1],
      [300.01, 2],
      [600, 2],
      [600.01, 3],
      [2400, 3],
      [2400.01, 4],
    ],
    abnormal: [
      [250, 0],
      [299.99, 0],
      [300, 1],
      [375, 1],
      [375.01, 2],
      [750, 2],
      [750.01, 3],
      [3000, 3],
      [3000.01, 4],
    ],
  }),
  ...liverV5({
    term: 'GGT increased',
    test: 'ggt',
    unit: 'U/L',
    uln: 60,
    normalBaseline: 30,
    abnormalBaseline: 80,
    normal: [
      [60, 0],
      [60.01, 1],
      [150, 1],
      [150.01, 2],
      [300, 2],
      [300.01, 3],
      [1200, 3],
      [1200.01, 4],
    ],
    abnormal: [
      [159.99, 0],
      [160, 1],
      [200, 1],
      [200.01, 2],
      [400, 2],
      [400.01, 3],
      [1600, 3],
      [1600.01, 4],
    ],
  }),
  // Creatinine v5: G1 >ULN-1.5xULN; G2 >1.5-3.0xbaseline or >1.5-3.0xULN; G3 >3.0xbaseline or >3.0-6.0xULN;
  // G4 >6.0xULN. clinical.md vector: 1.6 x baseline but < 1.5 x ULN -> 2.
  {
    term: 'Creatinine increased',
    test: 'creatinine',
    unit: 'umol/L',
    uln: 100,
    cases: [
      [100, 0],
      [100.01, 1],
      [150, 1],
      [150.01, 2],
      [300, 2],
      [300.01, 3],
      [600, 3],
      [600.01, 4],
    ],
  },
  {
    term: 'Creatinine increased',
    test: 'creatinine',
    unit: 'umol/L',
    uln: 100,
    baseline: 50,
    cases: [
      [60, 0],
      [75, 0],
      [75.01, 2],
      [80, 2],
      [150, 2],
      [150.01, 3],
      [600.01, 4],
    ],
  },
  // Without ULN only the baseline clauses can fire; grade 1 (>ULN) needs the ULN.
  {
    term: 'Creatinine increased',
    test: 'creatinine',
    unit: 'umol/L',
    baseline: 50,
    cases: [
      [160, 3],
      [80, 2],
      [60, 'not-gradable'],
    ],
  },
  // Hyponatremia v5 (lab-only): G1 <LLN-130; G2 125-129 asymptomatic; G3 120-124 (or 125-129 symptomatic); G4 <120.
  // clinical.md vector: Na 127 -> 2 if asymptomatic.
  {
    term: 'Hyponatremia',
    test: 'sodium',
    unit: 'mmol/L',
    lln: 135,
    cases: [
      [135, 0],
      [134, 1],
      [130, 1],
      [129.99, 2],
      [129, 2],
      [127, 2],
      [125, 2],
      [124.99, 3],
      [124, 3],
      [120, 3],
      [119.99, 4],
    ],
  },
  // Hyponatremia v5, admiral worst case ("assume symptomatic"): 125-129 -> 3 (clinical.md: Na 127 -> 3).
  {
    term: 'Hyponatremia',
    test: 'sodium',
    unit: 'mmol/L',
    lln: 135,
    convention: 'worst-case',
    cases: [
      [130, 1],
      [129, 3],
      [127, 3],
      [125, 3],
      [120, 3],
      [119.99, 4],
    ],
  },
  // Hemoglobin increased v5: G1 >0-2 g/dL above ULN, G2 >2-4, G3 >4 g/dL above ULN (baseline not used).
  {
    term: 'Hemoglobin increased',
    test: 'hemoglobin',
    unit: 'g/L',
    uln: 170,
    baseline: 180,
    cases: [
      [170, 0],
      [170.1, 1],
      [190, 1],
      [190.1, 2],
      [210, 2],
      [210.1, 3],
    ],
  },
];
