// Display labels of the screening record's closed vocabularies (docs/screening-record.md).
import { CONDITION_CODES, MEDICATION_CLASSES, type NumericLab, type SerologyLab } from '@celltrial/core';

export const SEX_LABELS: Readonly<Record<string, string>> = { female: 'Female', male: 'Male' };

export const CONDITION_LABELS: Readonly<Record<string, string>> = {
  ALS: 'ALS',
  MS: 'Multiple sclerosis',
};

export const EL_ESCORIAL_LABELS: Readonly<Record<string, string>> = {
  definite: 'Clinically definite',
  probable: 'Clinically probable',
  'probable-laboratory-supported': 'Probable, laboratory-supported',
  possible: 'Clinically possible',
};

export const MS_COURSE_LABELS: Readonly<Record<string, string>> = {
  RRMS: 'Relapsing-remitting (RRMS)',
  SPMS: 'Secondary progressive (SPMS)',
  PPMS: 'Primary progressive (PPMS)',
};

export const SEROLOGY_LABELS: Readonly<Record<SerologyLab, string>> = {
  hbsAg: 'HBsAg',
  hbeAg: 'HBeAg',
  hbeAb: 'Anti-HBe',
  hbcAb: 'Anti-HBc',
  hbvDna: 'HBV DNA',
  hcvAb: 'Anti-HCV',
  hivAb: 'Anti-HIV',
  htlvAb: 'Anti-HTLV',
  syphilisAb: 'Syphilis Ab',
  cmvIgm: 'CMV IgM',
  ebvIgm: 'EBV IgM',
  hsvIgm: 'HSV IgM',
};

export const NUMERIC_LAB_LABELS: Readonly<Record<NumericLab, { label: string; unit: string }>> = {
  creatinineMgDl: { label: 'Creatinine', unit: 'mg/dL' },
  altXUln: { label: 'ALT', unit: '× ULN' },
  astXUln: { label: 'AST', unit: '× ULN' },
  bilirubinXUln: { label: 'Bilirubin', unit: '× ULN' },
  ptXUln: { label: 'PT', unit: '× ULN' },
  apttXUln: { label: 'aPTT', unit: '× ULN' },
  hemoglobinGDl: { label: 'Haemoglobin', unit: 'g/dL' },
  albuminGDl: { label: 'Albumin', unit: 'g/dL' },
  neutrophilsE9L: { label: 'Neutrophils', unit: '×10⁹/L' },
  plateletsE9L: { label: 'Platelets', unit: '×10⁹/L' },
  wbcE9L: { label: 'White cells', unit: '×10⁹/L' },
};

function sentence(text: string): string {
  const plain = text.replace(/`([^`]+)`/g, '$1');
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

/** Condition codes with their catalogue descriptions, as sentences. */
export const CONDITION_CODE_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CONDITION_CODES).map(([code, description]) => [code, sentence(description)]),
);

/** Medication classes with short labels (the catalogue's descriptions go into tooltips). */
export const MEDICATION_CLASS_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(MEDICATION_CLASSES).map((code) => [code, sentence(code.replace(/-/g, ' '))]),
);
