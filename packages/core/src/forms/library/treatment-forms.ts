import type { FormDefinition } from '../form-types.js';
import { choices, compareCheck, item, required, section, when } from './form-builders.js';

/** Study product administration and the dose-limiting-toxicity assessment. */

export const DOSING_FORM: FormDefinition = {
  id: 'dosing',
  name: 'Study product administration',
  version: 'dosing@1',
  kind: 'visit',
  sections: [
    section('administration', 'Administration', [
      required('administeredAt', 'Date and time of administration', { type: 'datetime' }),
      item('doseLevel', 'Dose level', { type: 'text', maxLength: 100 }),
      required('plannedDose', 'Planned dose', { type: 'decimal', min: 0 }),
      required('actualDose', 'Administered dose', { type: 'decimal', min: 0 }),
      required('doseUnit', 'Dose unit', {
        type: 'text',
        maxLength: 50,
        help: "e.g. 'cells', 'cells/kg', 'mL'",
      }),
      item('volumeMl', 'Volume administered', {
        type: 'decimal',
        min: 0,
        max: 1000,
        decimals: 2,
        unit: 'mL',
      }),
      required('lot', 'Lot or batch number', { type: 'text', maxLength: 100 }),
      required('route', 'Route', {
        type: 'choice',
        choices: choices([
          ['intrathecal', 'Intrathecal'],
          ['intravenous', 'Intravenous'],
          ['intramuscular', 'Intramuscular'],
          ['intranasal', 'Intranasal'],
          ['subcutaneous', 'Subcutaneous'],
          ['other', 'Other'],
        ]),
      }),
      required('administeredBy', 'Administered by', { type: 'text', maxLength: 200 }),
      item('notes', 'Notes (reason for a dose change or interruption)', { type: 'text' }),
    ]),
  ],
  checks: [
    compareCheck(
      {
        id: 'actual-dose-differs',
        severity: 'warning',
        message: 'Administered dose differs from the planned dose: confirm and give the reason in the notes',
      },
      ['actualDose', '==', 'plannedDose'],
    ),
    compareCheck(
      {
        id: 'administered-on-visit-date',
        severity: 'warning',
        message: 'Administration is not on the visit date',
      },
      ['administeredAt', '==', 'context.assessmentDate'],
    ),
  ],
};

export const DLT_ASSESSMENT_FORM: FormDefinition = {
  id: 'dlt-assessment',
  name: 'Dose-limiting toxicity assessment',
  version: 'dlt-assessment@1',
  kind: 'visit',
  sections: [
    section('dlt', 'DLT window', [
      required('evaluable', 'Participant is evaluable for DLT', { type: 'boolean' }),
      required('dlt', 'A dose-limiting toxicity occurred', {
        type: 'boolean',
        showWhen: when('evaluable', true),
      }),
      item('notes', 'Notes', { type: 'text' }),
    ]),
  ],
  checks: [],
};
