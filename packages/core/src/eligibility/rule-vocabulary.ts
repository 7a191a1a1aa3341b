// The closed vocabularies that eligibility rules and screening records share: condition codes (with the groups a
// rule may name), medication names and classes, and duration units. docs/screening-record.md lists them all.

/** Condition, procedure and state codes a screening record may list (`conditions[].code`). */
export const CONDITION_CODES = {
  'solid-malignancy': 'solid malignancy (any organ, including the central nervous system and melanoma)',
  'haematological-malignancy': 'haematological malignancy (leukaemia, lymphoma, myeloma)',
  'localized-skin-cancer':
    'localized non-melanoma skin cancer (basal or squamous cell) without metastasis, invasion or recurrence',
  'active-infection': 'active (current) infection, systemic or local',
  'chronic-infection': 'chronic infection (e.g. chronic viral hepatitis, tuberculosis)',
  'autoimmune-disease': "autoimmune disease (e.g. Crohn's disease, rheumatoid arthritis)",
  immunodeficiency: 'immunodeficiency (congenital or acquired)',
  'liver-disease': 'liver disorder',
  'severe-renal-disease': 'severe renal disease',
  'coagulation-disorder': 'coagulation disorder',
  'heart-failure': 'heart failure (grade it with `nyhaClass`)',
  'myocardial-infarction': 'myocardial infarction',
  'coronary-intervention': 'coronary intervention (stent, angioplasty or bypass grafting)',
  'epileptic-seizure': 'epileptic seizure',
  gastrostomy: 'gastrostomy (PEG/RIG feeding tube)',
  'nasogastric-tube': 'nasogastric feeding tube',
  tracheostomy: 'tracheostomy',
  pregnancy: 'pregnancy',
  breastfeeding: 'breastfeeding',
  'penicillin-allergy': 'hypersensitivity to penicillin',
  'streptomycin-allergy': 'hypersensitivity to streptomycin',
  'trial-participation': 'participation in another clinical trial (onset = enrolment, resolved = end)',
} as const;
export type ConditionCode = keyof typeof CONDITION_CODES;

/** Codes a rule may name that stand for several record codes. */
export const CONDITION_GROUPS: Readonly<Record<string, readonly ConditionCode[]>> = {
  malignancy: ['solid-malignancy', 'haematological-malignancy', 'localized-skin-cancer'],
};

/** Medication names rules refer to (records use the generic name; matching ignores case). */
export const MEDICATION_NAMES = ['riluzole', 'edaravone', 'rituximab'] as const;

/** Medication classes a record may tag a medication with (`medications[].classes`). */
export const MEDICATION_CLASSES = {
  immunosuppressant: 'immunosuppressant (including corticosteroids at immunosuppressive doses)',
  cytotoxic: 'cytotoxic agent (e.g. mitoxantrone, cyclophosphamide)',
  investigational: 'investigational product (in another trial, or unapproved)',
  'herbal-or-supplement': 'herbal medicine or nutritional supplement',
  vaccine: 'vaccine (startDate = date of vaccination)',
} as const;
export type MedicationClass = keyof typeof MEDICATION_CLASSES;

/** Duration units: day, week = 7 days, month = 30.4375 days (365.25 / 12), year = a calendar year. */
export const DURATION_UNITS = ['days', 'weeks', 'months', 'years'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Average Gregorian month in days (365.25 / 12), as in ΔFRS (clinical.md §1.2) and the protocol format. */
export const ELIGIBILITY_DAYS_PER_MONTH = 30.4375;

/** The record codes a rule's condition term stands for, or null when the term is not in the vocabulary. */
export function expandConditionTerm(term: string): readonly ConditionCode[] | null {
  const group = CONDITION_GROUPS[term];
  if (group !== undefined) {
    return group;
  }
  return Object.hasOwn(CONDITION_CODES, term) ? [term as ConditionCode] : null;
}

/** True when a rule may name this medication (a catalogued name or class). */
export function isMedicationTerm(term: string): boolean {
  return (MEDICATION_NAMES as readonly string[]).includes(term) || Object.hasOwn(MEDICATION_CLASSES, term);
}
