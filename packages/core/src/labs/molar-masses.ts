/**
 * Molar masses behind the mass ↔ amount-of-substance conversions (mg/dL ↔ mmol/L or µmol/L). They are computed
 * from the molecular formula with the IUPAC/CIAAW abridged standard atomic weights (5 significant figures; CIAAW
 * "Standard atomic weights of the elements 2021", Pure Appl. Chem. 2022 — values unchanged since 2013 for the
 * elements below), so every factor can be re-derived by hand. No rounding: factors are kept to full precision.
 */

/** IUPAC/CIAAW abridged standard atomic weights (g/mol) of the elements used here. */
export const ATOMIC_WEIGHTS = {
  H: 1.008,
  C: 12.011,
  N: 14.007,
  O: 15.999,
  Mg: 24.305,
  P: 30.974,
  Ca: 40.078,
} as const;
/** An element with a tabulated atomic weight. */
export type Element = keyof typeof ATOMIC_WEIGHTS;

/** Molar mass (g/mol) of a molecular formula given as element counts, e.g. `{ C: 6, H: 12, O: 6 }`. */
export function molarMass(formula: Readonly<Partial<Record<Element, number>>>): number {
  let total = 0;
  for (const element of Object.keys(formula) as Element[]) {
    total += ATOMIC_WEIGHTS[element] * (formula[element] ?? 0);
  }
  return total;
}

/** Molecular formulas of the analytes converted by molar mass. */
export const ANALYTE_FORMULAS = {
  glucose: { C: 6, H: 12, O: 6 },
  creatinine: { C: 4, H: 7, N: 3, O: 1 },
  bilirubin: { C: 33, H: 36, N: 4, O: 6 },
  uricAcid: { C: 5, H: 4, N: 4, O: 3 },
  /** Urea nitrogen (BUN) is reported as the mass of nitrogen: two N atoms per urea molecule. */
  ureaNitrogen: { N: 2 },
  calcium: { Ca: 1 },
  magnesium: { Mg: 1 },
  phosphorus: { P: 1 },
} as const satisfies Record<string, Partial<Record<Element, number>>>;

/**
 * Haemoglobin monomer (one haem, Fe basis) molar mass, g/mol: one quarter of the HbA tetramer's 64,458 g/mol
 * (ICSH reference method for haemiglobincyanide, 1996 — recalled, not re-read; it reproduces the 0.6206
 * mmol/L per g/dL factor in common use and CTCAE's pairing of 10.0 g/dL with 6.2 mmol/L).
 */
export const HEMOGLOBIN_MONOMER_MOLAR_MASS = 64458 / 4;

/** Factor to multiply a value in mg/dL by to get mmol/L, for a molar mass in g/mol (1 dL = 0.1 L). */
export function mgPerDlToMmolPerL(molarMassGPerMol: number): number {
  return 10 / molarMassGPerMol;
}

/** Factor to multiply a value in mg/dL by to get µmol/L, for a molar mass in g/mol. */
export function mgPerDlToUmolPerL(molarMassGPerMol: number): number {
  return 10000 / molarMassGPerMol;
}
