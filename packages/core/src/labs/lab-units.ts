/**
 * Laboratory units. Codes are UCUM case-sensitive codes (https://ucum.org) so values exchange cleanly with
 * ODM/FHIR; each has a display label. `parseLabUnit` also accepts the common spellings found on lab reports
 * (µmol/L, IU/L, ×10⁹/L, /mm³, mEq/L…). Which units belong to which test is in the test catalogue.
 */

/** UCUM codes of every unit a catalogued test may be reported in. */
export const LAB_UNITS = [
  'g/L',
  'g/dL',
  'mmol/L',
  'umol/L',
  'mg/dL',
  'meq/L',
  'U/L',
  'ukat/L',
  '10*9/L',
  '10*3/uL',
  '/uL',
  '10*12/L',
  '10*6/uL',
  'L/L',
  '%',
  'fL',
] as const;
/** A laboratory unit (UCUM code). */
export type LabUnit = (typeof LAB_UNITS)[number];

/** Human-readable label of each unit (for display only; store the UCUM code). */
export const LAB_UNIT_LABELS: Readonly<Record<LabUnit, string>> = {
  'g/L': 'g/L',
  'g/dL': 'g/dL',
  'mmol/L': 'mmol/L',
  'umol/L': 'µmol/L',
  'mg/dL': 'mg/dL',
  'meq/L': 'mEq/L',
  'U/L': 'U/L',
  'ukat/L': 'µkat/L',
  '10*9/L': '×10⁹/L',
  '10*3/uL': '×10³/µL',
  '/uL': '/µL (= /mm³)',
  '10*12/L': '×10¹²/L',
  '10*6/uL': '×10⁶/µL',
  'L/L': 'L/L',
  '%': '%',
  fL: 'fL',
};

/** Common report spellings (lower-cased, spaces removed, µ/μ written u) mapped to the UCUM code they mean. */
const UNIT_ALIASES: Readonly<Record<string, LabUnit>> = {
  'mcmol/l': 'umol/L',
  'iu/l': 'U/L',
  'x10^9/l': '10*9/L',
  '×10^9/l': '10*9/L',
  '10^9/l': '10*9/L',
  'x10e9/l': '10*9/L',
  '10e9/l': '10*9/L',
  'giga/l': '10*9/L',
  'x10^3/ul': '10*3/uL',
  '10^3/ul': '10*3/uL',
  'k/ul': '10*3/uL',
  '/mm3': '/uL',
  '/mm³': '/uL',
  'cells/mm3': '/uL',
  'cells/ul': '/uL',
  'x10^12/l': '10*12/L',
  '10^12/l': '10*12/L',
  '10^6/ul': '10*6/uL',
  'm/ul': '10*6/uL',
};

/** True when `value` is one of the UCUM codes in `LAB_UNITS` (exact, case-sensitive). */
export function isLabUnit(value: unknown): value is LabUnit {
  return typeof value === 'string' && (LAB_UNITS as readonly string[]).includes(value);
}

/** Reads a unit as written on a report: the exact UCUM code, or a known alias; undefined when unknown. */
export function parseLabUnit(text: string): LabUnit | undefined {
  const trimmed = text.trim();
  if (isLabUnit(trimmed)) {
    return trimmed;
  }
  const key = trimmed.replace(/\s+/g, '').toLowerCase().replace(/[µμ]/g, 'u');
  const exactInsensitive = LAB_UNITS.find((unit) => unit.toLowerCase() === key);
  return UNIT_ALIASES[key] ?? exactInsensitive;
}
