import type { GoldenTable } from './ctcae-golden-helpers.js';

/**
 * Golden tables for the CTCAE lab terms whose thresholds differ between v5.0 (NCI, 27 Nov 2017) and v4.03
 * (NCI, 14 Jun 2010): clinical.md §4 rows "v4 vs v5", criteria as in admiral `ncictcaev5.json` /
 * `ncictcaev4.json`. "Baseline abnormal" = baseline > ULN (admiral BNRIND = HIGH, clinical.md §4).
 */

// v4.03 ALT/AST/bilirubin/ALP/GGT: ULN only, baseline ignored (clinical.md: ALT 80 -> 1, ALT 250 -> 3 with base 60).
const TRANSAMINASE_V4: GoldenTable['cases'] = [
  [40, 0],
  [40.01, 1],
  [80, 1],
  [120, 1],
  [120.01, 2],
  [200, 2],
  [200.01, 3],
  [250, 3],
  [800, 3],
  [800.01, 4],
];

/** v4.03 tables of the terms that changed. */
export const V4_GOLDEN: readonly GoldenTable[] = [
  {
    term: 'Alanine aminotransferase increased',
    test: 'alt',
    unit: 'U/L',
    uln: 40,
    baseline: 60,
    cases: TRANSAMINASE_V4,
  },
  {
    term: 'Aspartate aminotransferase increased',
    test: 'ast',
    unit: 'U/L',
    uln: 40,
    baseline: 60,
    cases: TRANSAMINASE_V4,
  },
  {
    term: 'Blood bilirubin increased',
    test: 'bilirubin-total',
    unit: 'umol/L',
    uln: 21,
    baseline: 30,
    cases: [
      [21, 0],
      [21.01, 1],
      [31.5, 1],
      [31.51, 2],
      [63, 2],
      [63.01, 3],
      [210, 3],
      [210.01, 4],
    ],
  },
  {
    term: 'Alkaline phosphatase increased',
    test: 'alp',
    unit: 'U/L',
    uln: 120,
    baseline: 150,
    cases: [
      [120, 0],
      [120.01, 1],
      [300, 1],
      [300.01, 2],
      [600, 2],
      [600.01, 3],
      [2400, 3],
      [2400.01, 4],
    ],
  },
  {
    term: 'GGT increased',
    test: 'ggt',
    unit: 'U/L',
    uln: 60,
    baseline: 80,
    cases: [
      [60, 0],
      [60.01, 1],
      [150, 1],
      [150.01, 2],
      [300, 2],
      [300.01, 3],
      [1200, 3],
      [1200.01, 4],
    ],
  },
  // Creatinine v4.03: G1 >1-1.5xbaseline or >ULN-1.5xULN; G2-G4 as v5 (clinical.md vector: 1.6 x baseline -> 2).
  {
    term: 'Creatinine increased',
    test: 'creatinine',
    unit: 'umol/L',
    uln: 100,
    baseline: 60,
    cases: [
      [60, 0],
      [60.01, 1],
      [90, 1],
      [90.01, 2],
      [96, 2],
      [180, 2],
      [180.01, 3],
      [600, 3],
      [600.01, 4],
    ],
  },
  // Without a baseline, a value <= ULN cannot be graded 0 or 1 by v4.03 (admiral: NA).
  {
    term: 'Creatinine increased',
    test: 'creatinine',
    unit: 'umol/L',
    uln: 100,
    cases: [
      [99, 'not-gradable'],
      [100.01, 1],
      [150.01, 2],
    ],
  },
  // Hyponatremia v4.03: G1 <LLN-130, no G2, G3 <130-120, G4 <120 (clinical.md vector: Na 127 -> 3).
  {
    term: 'Hyponatremia',
    test: 'sodium',
    unit: 'mmol/L',
    lln: 135,
    cases: [
      [135, 0],
      [134, 1],
      [130, 1],
      [129.99, 3],
      [127, 3],
      [120, 3],
      [119.99, 4],
    ],
  },
  // Hemoglobin increased v4.03: above ULN, or above baseline if baseline is above ULN.
  {
    term: 'Hemoglobin increased',
    test: 'hemoglobin',
    unit: 'g/L',
    uln: 170,
    baseline: 160,
    cases: [
      [170, 0],
      [170.1, 1],
      [190, 1],
      [190.1, 2],
      [210, 2],
      [210.1, 3],
    ],
  },
  {
    term: 'Hemoglobin increased',
    test: 'hemoglobin',
    unit: 'g/L',
    uln: 170,
    baseline: 180,
    cases: [
      [175, 0],
      [180, 0],
      [180.1, 1],
      [200, 1],
      [200.1, 2],
      [220, 2],
      [220.1, 3],
    ],
  },
];
