import { editDistance } from '../../text/edit-distance.js';
import type { FormDefinition } from '../form-types.js';
import { ALSFRS_R_FORM } from './alsfrs-r-form.js';
import {
  COGNITIVE_PSYCH_FORM,
  ECG_FORM,
  MENTAL_STATUS_FORM,
  MRI_FORM,
  PREGNANCY_TEST_FORM,
} from './assessment-forms.js';
import { CYTOKINES_FORM, FLOW_CYTOMETRY_FORM } from './biomarker-forms.js';
import { EDSS_FORM } from './edss-form.js';
import { NASAL_EXAM_FORM, NEURO_EXAM_FORM, PHYSICAL_EXAM_FORM } from './exam-forms.js';
import { LABS_FORM, VIRAL_SEROLOGY_FORM } from './lab-forms.js';
import { ADVERSE_EVENTS_FORM, CON_MEDS_FORM } from './log-forms.js';
import { DEMOGRAPHICS_FORM, ELIGIBILITY_FORM, MEDICAL_HISTORY_FORM } from './participant-forms.js';
import { LUMBAR_PUNCTURE_FORM, PROCEDURE_ADIPOSE_FORM, PROCEDURE_BMA_FORM } from './procedure-forms.js';
import { SPIROMETRY_FORM } from './spirometry-form.js';
import { SURVIVAL_STATUS_FORM } from './survival-status-form.js';
import { DLT_ASSESSMENT_FORM, DOSING_FORM } from './treatment-forms.js';
import { VITAL_SIGNS_FORM } from './vital-signs-form.js';

/** Every form definition a protocol's `forms[].id` may name, in a typical schedule order. */
export const FORM_LIBRARY: readonly FormDefinition[] = [
  ELIGIBILITY_FORM,
  DEMOGRAPHICS_FORM,
  MEDICAL_HISTORY_FORM,
  VIRAL_SEROLOGY_FORM,
  PREGNANCY_TEST_FORM,
  PHYSICAL_EXAM_FORM,
  NEURO_EXAM_FORM,
  NASAL_EXAM_FORM,
  VITAL_SIGNS_FORM,
  ECG_FORM,
  LABS_FORM,
  MENTAL_STATUS_FORM,
  ALSFRS_R_FORM,
  SPIROMETRY_FORM,
  EDSS_FORM,
  MRI_FORM,
  CYTOKINES_FORM,
  FLOW_CYTOMETRY_FORM,
  COGNITIVE_PSYCH_FORM,
  SURVIVAL_STATUS_FORM,
  PROCEDURE_BMA_FORM,
  PROCEDURE_ADIPOSE_FORM,
  LUMBAR_PUNCTURE_FORM,
  DOSING_FORM,
  DLT_ASSESSMENT_FORM,
  ADVERSE_EVENTS_FORM,
  CON_MEDS_FORM,
];

const BY_ID: ReadonlyMap<string, FormDefinition> = new Map(FORM_LIBRARY.map((form) => [form.id, form]));

/** The library definition with this id, or undefined. */
export function findFormDefinition(id: string): FormDefinition | undefined {
  return BY_ID.get(id);
}

/** The library id closest to `id` by edit distance (for "did you mean" hints); undefined when none is close. */
export function closestFormDefinitionId(id: string): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const form of FORM_LIBRARY) {
    const distance = editDistance(id, form.id);
    if (best === undefined || distance < best.distance) {
      best = { id: form.id, distance };
    }
  }
  return best !== undefined && best.distance <= Math.max(2, Math.floor(id.length / 3)) ? best.id : undefined;
}
