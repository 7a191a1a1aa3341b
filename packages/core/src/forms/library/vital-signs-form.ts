import type { FormDefinition } from '../form-types.js';
import { compareCheck, item, plausibility, required, section } from './form-builders.js';

/**
 * Vital signs. Hard limits (errors) catch impossible values and unit mistakes; plausibility limits (warnings)
 * ask the site to confirm a possible but unusual value. BMI is derived (derive-vital-signs.ts).
 */

export const VITAL_SIGNS_FORM: FormDefinition = {
  id: 'vital-signs',
  name: 'Vital signs',
  version: 'vital-signs@1',
  kind: 'visit',
  sections: [
    section('vitals', 'Vital signs', [
      required('heartRate', 'Heart rate', { type: 'integer', min: 20, max: 250, unit: 'beats/min' }),
      required('systolicBp', 'Systolic blood pressure', { type: 'integer', min: 50, max: 300, unit: 'mmHg' }),
      required('diastolicBp', 'Diastolic blood pressure', {
        type: 'integer',
        min: 20,
        max: 200,
        unit: 'mmHg',
      }),
      required('respiratoryRate', 'Respiratory rate', {
        type: 'integer',
        min: 4,
        max: 80,
        unit: 'breaths/min',
      }),
      required('temperatureC', 'Body temperature', {
        type: 'decimal',
        min: 30,
        max: 45,
        decimals: 1,
        unit: '°C',
      }),
    ]),
    section('body', 'Body measurements', [
      required('weightKg', 'Weight', { type: 'decimal', min: 20, max: 350, decimals: 1, unit: 'kg' }),
      item('heightCm', 'Height', {
        type: 'decimal',
        min: 100,
        max: 230,
        decimals: 1,
        unit: 'cm',
        help: 'Needed once (screening); later visits use the recorded height for BMI.',
      }),
    ]),
  ],
  checks: [
    compareCheck(
      {
        id: 'diastolic-below-systolic',
        severity: 'warning',
        message: 'Diastolic blood pressure is not below systolic: check for a transposed or mistyped value',
      },
      ['diastolicBp', '<', 'systolicBp'],
    ),
    ...plausibility('heartRate', 'Heart rate', { low: 40, high: 180, unit: 'beats/min' }),
    ...plausibility('systolicBp', 'Systolic blood pressure', { low: 80, high: 200, unit: 'mmHg' }),
    ...plausibility('diastolicBp', 'Diastolic blood pressure', { low: 40, high: 120, unit: 'mmHg' }),
    ...plausibility('respiratoryRate', 'Respiratory rate', { low: 8, high: 30, unit: 'breaths/min' }),
    ...plausibility('temperatureC', 'Body temperature', { low: 35, high: 41, unit: '°C' }),
  ],
  derivedItems: [{ id: 'bmi', label: 'Body-mass index', unit: 'kg/m²' }],
};
