import type { GoldenTable } from './ctcae-golden-helpers.js';

/**
 * Golden tables for the CTCAE lab terms whose thresholds are the same in v5.0 and v4.03: values exactly at and
 * just around every threshold. Thresholds read from CTCAE v5.0 (NCI, 27 Nov 2017) and v4.03 (NCI, 14 Jun 2010)
 * as transcribed in clinical.md §4 and admiral `ncictcaev5.json` / `ncictcaev4.json` (rows marked "same" or
 * "wording only"). "<" and ">" exactly as written: a value equal to a threshold stays in the lower grade.
 * Limits (LLN/ULN) are typical adult values chosen for the test; they are inputs, not CTCAE facts.
 */
export const COMMON_GOLDEN: readonly GoldenTable[] = [
  // Anemia: G1 <LLN-100 g/L, G2 <100-80, G3 <80; G4 is clinical (lab max 3).
  {
    term: 'Anemia',
    test: 'hemoglobin',
    unit: 'g/L',
    lln: 130,
    cases: [
      [130, 0],
      [129.9, 1],
      [100, 1],
      [99.9, 2],
      [95, 2],
      [80, 2],
      [79.9, 3],
      [30, 3],
    ],
  },
  // Leukocytosis: only G3 >100 x10^9/L (G4 leukostasis is clinical).
  {
    term: 'Leukocytosis',
    test: 'wbc',
    unit: '10*9/L',
    cases: [
      [11, 0],
      [100, 0],
      [100.01, 3],
      [250, 3],
    ],
  },
  // WBC decreased: G1 <LLN-3.0, G2 <3.0-2.0, G3 <2.0-1.0, G4 <1.0 x10^9/L.
  {
    term: 'White blood cell decreased',
    test: 'wbc',
    unit: '10*9/L',
    lln: 4,
    cases: [
      [4, 0],
      [3.99, 1],
      [3, 1],
      [2.99, 2],
      [2, 2],
      [1.99, 3],
      [1, 3],
      [0.99, 4],
    ],
  },
  // Neutrophil count decreased: G1 <LLN-1.5, G2 <1.5-1.0, G3 <1.0-0.5, G4 <0.5 (clinical.md: 0.9 -> 3).
  {
    term: 'Neutrophil count decreased',
    test: 'neutrophils',
    unit: '10*9/L',
    lln: 1.8,
    cases: [
      [1.8, 0],
      [1.79, 1],
      [1.5, 1],
      [1.49, 2],
      [1, 2],
      [0.99, 3],
      [0.9, 3],
      [0.5, 3],
      [0.49, 4],
    ],
  },
  // Lymphocyte count decreased: G1 <LLN-0.8, G2 <0.8-0.5, G3 <0.5-0.2, G4 <0.2.
  {
    term: 'Lymphocyte count decreased',
    test: 'lymphocytes',
    unit: '10*9/L',
    lln: 1,
    cases: [
      [1, 0],
      [0.99, 1],
      [0.8, 1],
      [0.79, 2],
      [0.5, 2],
      [0.49, 3],
      [0.2, 3],
      [0.19, 4],
    ],
  },
  // Lymphocyte count increased: G2 >4-20, G3 >20 x10^9/L; no G1.
  {
    term: 'Lymphocyte count increased',
    test: 'lymphocytes',
    unit: '10*9/L',
    cases: [
      [3, 0],
      [4, 0],
      [4.01, 2],
      [20, 2],
      [20.01, 3],
    ],
  },
  // Platelet count decreased: G1 <LLN-75, G2 <75-50, G3 <50-25, G4 <25 (clinical.md: 74 -> 2).
  {
    term: 'Platelet count decreased',
    test: 'platelets',
    unit: '10*9/L',
    lln: 150,
    cases: [
      [150, 0],
      [149, 1],
      [75, 1],
      [74.9, 2],
      [74, 2],
      [50, 2],
      [49.9, 3],
      [25, 3],
      [24.9, 4],
    ],
  },
  // CPK increased: G1 >ULN-2.5xULN, G2 >2.5-5, G3 >5-10, G4 >10xULN.
  {
    term: 'CPK increased',
    test: 'ck',
    unit: 'U/L',
    uln: 200,
    cases: [
      [200, 0],
      [200.01, 1],
      [500, 1],
      [500.01, 2],
      [1000, 2],
      [1000.01, 3],
      [2000, 3],
      [2000.01, 4],
    ],
  },
  // Hypernatremia: G1 >ULN-150, G2 >150-155, G3 >155-160, G4 >160 mmol/L.
  {
    term: 'Hypernatremia',
    test: 'sodium',
    unit: 'mmol/L',
    uln: 145,
    cases: [
      [145, 0],
      [145.1, 1],
      [150, 1],
      [150.01, 2],
      [155, 2],
      [155.01, 3],
      [160, 3],
      [160.01, 4],
    ],
  },
  // Hypokalemia (lab-only): G1 <LLN-3.0 (G2 needs symptoms), G3 <3.0-2.5, G4 <2.5 mmol/L.
  {
    term: 'Hypokalemia',
    test: 'potassium',
    unit: 'mmol/L',
    lln: 3.5,
    cases: [
      [3.5, 0],
      [3.49, 1],
      [3, 1],
      [2.99, 3],
      [2.5, 3],
      [2.49, 4],
    ],
  },
  // Hypokalemia under admiral's worst case ("assume symptomatic"): <LLN-3.0 -> G2.
  {
    term: 'Hypokalemia',
    test: 'potassium',
    unit: 'mmol/L',
    lln: 3.5,
    convention: 'worst-case',
    cases: [
      [3.5, 0],
      [3.49, 2],
      [3, 2],
      [2.99, 3],
      [2.49, 4],
    ],
  },
  // Hyperkalemia: G1 >ULN-5.5, G2 >5.5-6.0, G3 >6.0-7.0, G4 >7.0 mmol/L.
  {
    term: 'Hyperkalemia',
    test: 'potassium',
    unit: 'mmol/L',
    uln: 5.1,
    cases: [
      [5.1, 0],
      [5.11, 1],
      [5.5, 1],
      [5.51, 2],
      [6, 2],
      [6.01, 3],
      [7, 3],
      [7.01, 4],
    ],
  },
  // Hypocalcemia, corrected: G1 <LLN-2.0, G2 <2.0-1.75, G3 <1.75-1.5, G4 <1.5 mmol/L.
  {
    term: 'Hypocalcemia',
    test: 'calcium-corrected',
    unit: 'mmol/L',
    lln: 2.15,
    cases: [
      [2.15, 0],
      [2.14, 1],
      [2, 1],
      [1.99, 2],
      [1.75, 2],
      [1.74, 3],
      [1.5, 3],
      [1.49, 4],
    ],
  },
  // Hypocalcemia, ionized: G1 <LLN-1.0, G2 <1.0-0.9, G3 <0.9-0.8, G4 <0.8 mmol/L.
  {
    term: 'Hypocalcemia',
    test: 'calcium-ionized',
    unit: 'mmol/L',
    lln: 1.15,
    cases: [
      [1.15, 0],
      [1.14, 1],
      [1, 1],
      [0.99, 2],
      [0.9, 2],
      [0.89, 3],
      [0.8, 3],
      [0.79, 4],
    ],
  },
  // Hypercalcemia, corrected: G1 >ULN-2.9, G2 >2.9-3.1, G3 >3.1-3.4, G4 >3.4 mmol/L.
  {
    term: 'Hypercalcemia',
    test: 'calcium-corrected',
    unit: 'mmol/L',
    uln: 2.6,
    cases: [
      [2.6, 0],
      [2.61, 1],
      [2.9, 1],
      [2.91, 2],
      [3.1, 2],
      [3.11, 3],
      [3.4, 3],
      [3.41, 4],
    ],
  },
  // Hypercalcemia, ionized: G1 >ULN-1.5, G2 >1.5-1.6, G3 >1.6-1.8, G4 >1.8 mmol/L.
  {
    term: 'Hypercalcemia',
    test: 'calcium-ionized',
    unit: 'mmol/L',
    uln: 1.3,
    cases: [
      [1.3, 0],
      [1.31, 1],
      [1.5, 1],
      [1.51, 2],
      [1.6, 2],
      [1.61, 3],
      [1.8, 3],
      [1.81, 4],
    ],
  },
  // Hypomagnesemia: G1 <LLN-0.5, G2 <0.5-0.4, G3 <0.4-0.3, G4 <0.3 mmol/L.
  {
    term: 'Hypomagnesemia',
    test: 'magnesium',
    unit: 'mmol/L',
    lln: 0.7,
    cases: [
      [0.7, 0],
      [0.69, 1],
      [0.5, 1],
      [0.49, 2],
      [0.4, 2],
      [0.39, 3],
      [0.3, 3],
      [0.29, 4],
    ],
  },
  // Hypermagnesemia: G1 >ULN-1.23, no G2, G3 >1.23-3.30, G4 >3.30 mmol/L.
  {
    term: 'Hypermagnesemia',
    test: 'magnesium',
    unit: 'mmol/L',
    uln: 1.05,
    cases: [
      [1.05, 0],
      [1.06, 1],
      [1.23, 1],
      [1.24, 3],
      [3.3, 3],
      [3.31, 4],
    ],
  },
  // Hypoglycemia: G1 <LLN-3.0, G2 <3.0-2.2, G3 <2.2-1.7, G4 <1.7 mmol/L.
  {
    term: 'Hypoglycemia',
    test: 'glucose',
    unit: 'mmol/L',
    lln: 3.9,
    cases: [
      [3.9, 0],
      [3.89, 1],
      [3, 1],
      [2.99, 2],
      [2.2, 2],
      [2.19, 3],
      [1.7, 3],
      [1.69, 4],
    ],
  },
  // Hypoalbuminemia: G1 <LLN-30, G2 <30-20, G3 <20 g/L; G4 is clinical.
  {
    term: 'Hypoalbuminemia',
    test: 'albumin',
    unit: 'g/L',
    lln: 35,
    cases: [
      [35, 0],
      [34.9, 1],
      [30, 1],
      [29.9, 2],
      [20, 2],
      [19.9, 3],
    ],
  },
];
