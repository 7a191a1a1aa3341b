import type { FormDefinition } from '../form-types.js';
import {
  choices,
  compareCheck,
  item,
  notAfterVisit,
  notBefore,
  required,
  section,
  when,
} from './form-builders.js';

/** Eligibility confirmation, demographics and medical history. */

/**
 * The criteria themselves are checked on the screening record (docs/screening-record.md, evaluated by
 * core/eligibility); this form only records the investigator's confirmation, and `linkedRecord` tells the UI to
 * link to that record.
 */
export const ELIGIBILITY_FORM: FormDefinition = {
  id: 'eligibility',
  name: 'Eligibility confirmation',
  version: 'eligibility@1',
  kind: 'visit',
  linkedRecord: 'screening-record',
  description: 'Criteria are checked on the screening record; confirm the outcome here.',
  sections: [
    section('confirmation', 'Confirmation', [
      required('eligibilityConfirmed', 'Investigator confirms the participant meets all criteria', {
        type: 'boolean',
      }),
      required('ineligibilityReason', 'Which criteria are not met', {
        type: 'text',
        showWhen: when('eligibilityConfirmed', false),
      }),
      item('notes', 'Notes', { type: 'text' }),
    ]),
  ],
  checks: [],
};

/** Demographics; `ethnicity` is the spirometry reference group (Hankinson 1999) plus 'other'. */
export const DEMOGRAPHICS_FORM: FormDefinition = {
  id: 'demographics',
  name: 'Demographics and disease history',
  version: 'demographics@1',
  kind: 'visit',
  sections: [
    section('participant', 'Participant', [
      required('sex', 'Sex', {
        type: 'choice',
        choices: choices([
          ['male', 'Male'],
          ['female', 'Female'],
        ]),
      }),
      required('birthDate', 'Date of birth', { type: 'date' }),
      required('ethnicity', 'Ethnic group (for spirometry reference equations)', {
        type: 'choice',
        choices: choices([
          ['caucasian', 'Caucasian'],
          ['african-american', 'African-American'],
          ['mexican-american', 'Mexican-American'],
          ['other', 'Other'],
        ]),
        help: 'Hankinson 1999 (NHANES III) has equations for the first three groups only.',
      }),
    ]),
    section('disease', 'Disease history', [
      required('symptomOnsetDate', 'Date of first symptom', { type: 'date' }),
      required('diagnosisDate', 'Date of diagnosis', { type: 'date' }),
      item('onsetRegion', 'Region of onset', {
        type: 'choice',
        choices: choices([
          ['bulbar', 'Bulbar'],
          ['spinal', 'Spinal (limb)'],
          ['respiratory', 'Respiratory'],
          ['other', 'Other'],
        ]),
      }),
    ]),
  ],
  checks: [
    notBefore(
      { id: 'onset-after-birth', message: 'Symptom onset is before the date of birth' },
      'symptomOnsetDate',
      'birthDate',
    ),
    notBefore(
      { id: 'diagnosis-after-birth', message: 'Diagnosis is before the date of birth' },
      'diagnosisDate',
      'birthDate',
    ),
    notBefore(
      {
        id: 'diagnosis-after-onset',
        severity: 'warning',
        message: 'Diagnosis is dated before the first symptom: check both dates',
      },
      'diagnosisDate',
      'symptomOnsetDate',
    ),
    compareCheck(
      {
        id: 'birth-before-visit',
        severity: 'warning',
        message: 'Date of birth is not before the visit date',
      },
      ['birthDate', '<', 'context.assessmentDate'],
    ),
    notAfterVisit('symptomOnsetDate', 'Date of first symptom'),
    notAfterVisit('diagnosisDate', 'Date of diagnosis'),
  ],
};

/** One past or current condition per entry (a log). */
export const MEDICAL_HISTORY_FORM: FormDefinition = {
  id: 'medical-history',
  name: 'Medical history',
  version: 'medical-history@1',
  kind: 'log',
  sections: [
    section('condition', 'Condition', [
      required('condition', 'Condition or procedure', { type: 'text', maxLength: 200 }),
      item('onsetDate', 'Onset date', { type: 'date' }),
      required('ongoing', 'Ongoing', { type: 'boolean' }),
      item('endDate', 'End date', { type: 'date', showWhen: when('ongoing', false) }),
      item('notes', 'Notes', { type: 'text' }),
    ]),
  ],
  checks: [
    notBefore(
      { id: 'end-not-before-onset', message: 'End date is before the onset date' },
      'endDate',
      'onsetDate',
    ),
  ],
};
