import type { CtcaeLabTerm } from './ctcae-terms.js';
import type { LabUnit } from './lab-units.js';
import {
  ANALYTE_FORMULAS,
  HEMOGLOBIN_MONOMER_MOLAR_MASS,
  mgPerDlToMmolPerL,
  mgPerDlToUmolPerL,
  molarMass,
} from './molar-masses.js';

/**
 * The laboratory test catalogue: CBC with differential, chemistry and serology. Each quantitative test lists its
 * SI and conventional units with the exact factor to the SI unit (and where the factor comes from), display
 * decimals, and the CTCAE terms that grade it. Sources of factors: definitions (1 dL = 0.1 L, 1 µL = 1 mm³,
 * 1 U = 1 µmol/min = 1/60 µkat), valence (mEq = mmol × charge) and molar masses (molar-masses.ts).
 */

/** Panels the catalogue is grouped in. */
export const LAB_PANELS = ['hematology', 'chemistry', 'serology'] as const;
/** A laboratory panel. */
export type LabPanel = (typeof LAB_PANELS)[number];

/** Results a qualitative (serology) test may take. */
export const QUALITATIVE_LAB_RESULTS = ['negative', 'positive', 'indeterminate'] as const;
/** A qualitative result. */
export type QualitativeLabResult = (typeof QUALITATIVE_LAB_RESULTS)[number];

/** One unit a test may be reported in: multiply a value in `unit` by `toSi` to get the SI unit. */
export interface LabUnitDefinition {
  readonly unit: LabUnit;
  readonly toSi: number;
  /** Decimals used by `formatLabValue` (display only). */
  readonly decimals: number;
  readonly source: string;
}

/** A numeric test. */
export interface QuantitativeLabTest {
  readonly code: string;
  readonly name: string;
  readonly panel: Exclude<LabPanel, 'serology'>;
  readonly kind: 'quantitative';
  readonly siUnit: LabUnit;
  readonly conventionalUnit: LabUnit;
  readonly units: readonly LabUnitDefinition[];
  readonly ctcaeTerms: readonly CtcaeLabTerm[];
  readonly note?: string;
}

/** A qualitative test (reactive / non-reactive). */
export interface QualitativeLabTest {
  readonly code: string;
  readonly name: string;
  readonly panel: 'serology';
  readonly kind: 'qualitative';
  readonly results: readonly QualitativeLabResult[];
  readonly ctcaeTerms: readonly CtcaeLabTerm[];
}

/** A catalogued test. */
export type LabTest = QuantitativeLabTest | QualitativeLabTest;

const SAME = 'same unit';
const DL = '1 dL = 0.1 L';
const MEQ_MONO = 'monovalent ion: 1 mEq = 1 mmol';
const MEQ_DI = 'divalent ion: 1 mEq = 0.5 mmol';
const KILO_PER_UL = '1 µL = 10⁻⁶ L, so 10³/µL = 10⁹/L';
const PER_UL = '1 µL = 1 mm³ = 10⁻⁶ L, so 1/µL = 10⁻³ × 10⁹/L';
const KATAL = '1 U = 1 µmol/min = 1/60 µkat (IUPAC/IFCC)';

const countUnits = (decimals: number): readonly LabUnitDefinition[] => [
  { unit: '10*9/L', toSi: 1, decimals, source: SAME },
  { unit: '10*3/uL', toSi: 1, decimals, source: KILO_PER_UL },
  { unit: '/uL', toSi: 1 / 1000, decimals: 0, source: PER_UL },
];

const ionUnits = (decimals: number): readonly LabUnitDefinition[] => [
  { unit: 'mmol/L', toSi: 1, decimals, source: SAME },
  { unit: 'meq/L', toSi: 1, decimals, source: MEQ_MONO },
];

const enzymeUnits: readonly LabUnitDefinition[] = [
  { unit: 'ukat/L', toSi: 1, decimals: 2, source: SAME },
  { unit: 'U/L', toSi: 1 / 60, decimals: 0, source: KATAL },
];

const massPerDlUnit = (name: keyof typeof ANALYTE_FORMULAS, toSi: 'mmol' | 'umol', decimals: number) => {
  const mass = molarMass(ANALYTE_FORMULAS[name]);
  const factor = toSi === 'mmol' ? mgPerDlToMmolPerL(mass) : mgPerDlToUmolPerL(mass);
  const source = `molar mass ${mass} g/mol (${name}, IUPAC atomic weights); ${DL}`;
  return { unit: 'mg/dL', toSi: factor, decimals, source } as const satisfies LabUnitDefinition;
};

const calciumUnits = (decimals: number): readonly LabUnitDefinition[] => [
  { unit: 'mmol/L', toSi: 1, decimals, source: SAME },
  massPerDlUnit('calcium', 'mmol', decimals - 1),
  { unit: 'meq/L', toSi: 0.5, decimals: decimals - 1, source: MEQ_DI },
];

const gramsUnits: readonly LabUnitDefinition[] = [
  { unit: 'g/L', toSi: 1, decimals: 0, source: SAME },
  { unit: 'g/dL', toSi: 10, decimals: 1, source: DL },
];

const quantitative = (
  test: Omit<QuantitativeLabTest, 'kind' | 'ctcaeTerms'> & { readonly ctcaeTerms?: readonly CtcaeLabTerm[] },
): QuantitativeLabTest => ({ ...test, kind: 'quantitative', ctcaeTerms: test.ctcaeTerms ?? [] });

const serology = (code: string, name: string): QualitativeLabTest => ({
  code,
  name,
  panel: 'serology',
  kind: 'qualitative',
  results: QUALITATIVE_LAB_RESULTS,
  ctcaeTerms: [],
});

const cbc = (code: string, name: string, ctcaeTerms: readonly CtcaeLabTerm[] = []) =>
  quantitative({
    code,
    name,
    panel: 'hematology',
    siUnit: '10*9/L',
    conventionalUnit: '/uL',
    units: countUnits(2),
    ctcaeTerms,
  });

const enzyme = (code: string, name: string, ctcaeTerms: readonly CtcaeLabTerm[]) =>
  quantitative({
    code,
    name,
    panel: 'chemistry',
    siUnit: 'ukat/L',
    conventionalUnit: 'U/L',
    units: enzymeUnits,
    ctcaeTerms,
  });

/** Every catalogued test, in display order. */
export const LAB_TESTS: readonly LabTest[] = [
  quantitative({
    code: 'hemoglobin',
    name: 'Haemoglobin',
    panel: 'hematology',
    siUnit: 'g/L',
    conventionalUnit: 'g/dL',
    units: [
      ...gramsUnits,
      {
        unit: 'mmol/L',
        toSi: HEMOGLOBIN_MONOMER_MOLAR_MASS / 1000,
        decimals: 1,
        source: `Hb monomer (Fe) molar mass ${HEMOGLOBIN_MONOMER_MOLAR_MASS} g/mol (ICSH)`,
      },
    ],
    ctcaeTerms: ['Anemia', 'Hemoglobin increased'],
  }),
  quantitative({
    code: 'hematocrit',
    name: 'Haematocrit',
    panel: 'hematology',
    siUnit: 'L/L',
    conventionalUnit: '%',
    units: [
      { unit: 'L/L', toSi: 1, decimals: 2, source: SAME },
      { unit: '%', toSi: 1 / 100, decimals: 1, source: 'percent = 1/100 L/L' },
    ],
  }),
  quantitative({
    code: 'rbc',
    name: 'Red blood cell count',
    panel: 'hematology',
    siUnit: '10*12/L',
    conventionalUnit: '10*6/uL',
    units: [
      { unit: '10*12/L', toSi: 1, decimals: 2, source: SAME },
      { unit: '10*6/uL', toSi: 1, decimals: 2, source: '1 µL = 10⁻⁶ L, so 10⁶/µL = 10¹²/L' },
    ],
  }),
  quantitative({
    code: 'mcv',
    name: 'Mean corpuscular volume',
    panel: 'hematology',
    siUnit: 'fL',
    conventionalUnit: 'fL',
    units: [{ unit: 'fL', toSi: 1, decimals: 0, source: SAME }],
  }),
  cbc('wbc', 'White blood cell count', ['White blood cell decreased', 'Leukocytosis']),
  cbc('neutrophils', 'Neutrophils, absolute (ANC)', ['Neutrophil count decreased']),
  cbc('lymphocytes', 'Lymphocytes, absolute', ['Lymphocyte count decreased', 'Lymphocyte count increased']),
  cbc('monocytes', 'Monocytes, absolute'),
  cbc('eosinophils', 'Eosinophils, absolute'),
  cbc('basophils', 'Basophils, absolute'),
  quantitative({
    code: 'platelets',
    name: 'Platelet count',
    panel: 'hematology',
    siUnit: '10*9/L',
    conventionalUnit: '/uL',
    units: countUnits(0),
    ctcaeTerms: ['Platelet count decreased'],
  }),
  quantitative({
    code: 'sodium',
    name: 'Sodium',
    panel: 'chemistry',
    siUnit: 'mmol/L',
    conventionalUnit: 'meq/L',
    units: ionUnits(0),
    ctcaeTerms: ['Hyponatremia', 'Hypernatremia'],
  }),
  quantitative({
    code: 'potassium',
    name: 'Potassium',
    panel: 'chemistry',
    siUnit: 'mmol/L',
    conventionalUnit: 'meq/L',
    units: ionUnits(1),
    ctcaeTerms: ['Hypokalemia', 'Hyperkalemia'],
  }),
  quantitative({
    code: 'chloride',
    name: 'Chloride',
    panel: 'chemistry',
    siUnit: 'mmol/L',
    conventionalUnit: 'meq/L',
    units: ionUnits(0),
  }),
  quantitative({
    code: 'bicarbonate',
    name: 'Bicarbonate (total CO₂)',
    panel: 'chemistry',
    siUnit: 'mmol/L',
    conventionalUnit: 'meq/L',
    units: ionUnits(0),
  }),
  quantitative({
    code: 'calcium',
    name: 'Calcium, total (uncorrected)',
    panel: 'chemistry',
    siUnit: 'mmol/L',
    conventionalUnit: 'mg/dL',
    units: calciumUnits(2),
    note: 'CTCAE grades albumin-corrected or ionized calcium: use calcium-corrected (correctCalciumForAlbumin) or calcium-ionized.',
  }),
  quantitative({
    code: 'calcium-corrected',
    name: 'Calcium, corrected for albumin',
    panel: 'chemistry',
    siUnit: 'mmol/L',
    conventionalUnit: 'mg/dL',
    units: calciumUnits(2),
    ctcaeTerms: ['Hypocalcemia', 'Hypercalcemia'],
  }),
  quantitative({
    code: 'calcium-ionized',
    name: 'Calcium, ionized',
    panel: 'chemistry',
    siUnit: 'mmol/L',
    conventionalUnit: 'mg/dL',
    units: calciumUnits(2),
    ctcaeTerms: ['Hypocalcemia', 'Hypercalcemia'],
  }),
  quantitative({
    code: 'magnesium',
    name: 'Magnesium',
    panel: 'chemistry',
    siUnit: 'mmol/L',
    conventionalUnit: 'mg/dL',
    units: [
      { unit: 'mmol/L', toSi: 1, decimals: 2, source: SAME },
      massPerDlUnit('magnesium', 'mmol', 1),
      { unit: 'meq/L', toSi: 0.5, decimals: 1, source: MEQ_DI },
    ],
    ctcaeTerms: ['Hypomagnesemia', 'Hypermagnesemia'],
  }),
  quantitative({
    code: 'phosphate',
    name: 'Phosphate (as phosphorus)',
    panel: 'chemistry',
    siUnit: 'mmol/L',
    conventionalUnit: 'mg/dL',
    units: [{ unit: 'mmol/L', toSi: 1, decimals: 2, source: SAME }, massPerDlUnit('phosphorus', 'mmol', 1)],
  }),
  quantitative({
    code: 'glucose',
    name: 'Glucose',
    panel: 'chemistry',
    siUnit: 'mmol/L',
    conventionalUnit: 'mg/dL',
    units: [{ unit: 'mmol/L', toSi: 1, decimals: 1, source: SAME }, massPerDlUnit('glucose', 'mmol', 0)],
    ctcaeTerms: ['Hypoglycemia'],
  }),
  quantitative({
    code: 'urea',
    name: 'Urea (conventional: urea nitrogen, BUN)',
    panel: 'chemistry',
    siUnit: 'mmol/L',
    conventionalUnit: 'mg/dL',
    units: [{ unit: 'mmol/L', toSi: 1, decimals: 1, source: SAME }, massPerDlUnit('ureaNitrogen', 'mmol', 0)],
    note: 'mg/dL means urea NITROGEN (BUN); one urea molecule carries two N atoms.',
  }),
  quantitative({
    code: 'creatinine',
    name: 'Creatinine',
    panel: 'chemistry',
    siUnit: 'umol/L',
    conventionalUnit: 'mg/dL',
    units: [{ unit: 'umol/L', toSi: 1, decimals: 0, source: SAME }, massPerDlUnit('creatinine', 'umol', 2)],
    ctcaeTerms: ['Creatinine increased'],
  }),
  quantitative({
    code: 'uric-acid',
    name: 'Uric acid',
    panel: 'chemistry',
    siUnit: 'umol/L',
    conventionalUnit: 'mg/dL',
    units: [{ unit: 'umol/L', toSi: 1, decimals: 0, source: SAME }, massPerDlUnit('uricAcid', 'umol', 1)],
  }),
  quantitative({
    code: 'albumin',
    name: 'Albumin',
    panel: 'chemistry',
    siUnit: 'g/L',
    conventionalUnit: 'g/dL',
    units: gramsUnits,
    ctcaeTerms: ['Hypoalbuminemia'],
  }),
  quantitative({
    code: 'total-protein',
    name: 'Total protein',
    panel: 'chemistry',
    siUnit: 'g/L',
    conventionalUnit: 'g/dL',
    units: gramsUnits,
  }),
  quantitative({
    code: 'bilirubin-total',
    name: 'Bilirubin, total',
    panel: 'chemistry',
    siUnit: 'umol/L',
    conventionalUnit: 'mg/dL',
    units: [{ unit: 'umol/L', toSi: 1, decimals: 0, source: SAME }, massPerDlUnit('bilirubin', 'umol', 1)],
    ctcaeTerms: ['Blood bilirubin increased'],
  }),
  enzyme('alt', 'Alanine aminotransferase (ALT)', ['Alanine aminotransferase increased']),
  enzyme('ast', 'Aspartate aminotransferase (AST)', ['Aspartate aminotransferase increased']),
  enzyme('alp', 'Alkaline phosphatase (ALP)', ['Alkaline phosphatase increased']),
  enzyme('ggt', 'Gamma-glutamyltransferase (GGT)', ['GGT increased']),
  enzyme('ck', 'Creatine kinase (CK, CPK)', ['CPK increased']),
  serology('hbsag', 'Hepatitis B surface antigen (HBsAg)'),
  serology('anti-hbc', 'Hepatitis B core antibody, total (anti-HBc)'),
  serology('anti-hcv', 'Hepatitis C virus antibody (anti-HCV)'),
  serology('hiv-ag-ab', 'HIV-1/2 antigen/antibody'),
  serology('htlv-ab', 'HTLV-I/II antibody'),
  serology('treponema-ab', 'Treponema pallidum antibody (syphilis)'),
];

/** Finds a catalogued test by code; undefined when unknown. */
export function findLabTest(code: string): LabTest | undefined {
  return LAB_TESTS.find((test) => test.code === code);
}

/** The unit definition of `unit` for a quantitative test; undefined when the unit does not belong to it. */
export function findTestUnit(test: QuantitativeLabTest, unit: string): LabUnitDefinition | undefined {
  return test.units.find((definition) => definition.unit === unit);
}
