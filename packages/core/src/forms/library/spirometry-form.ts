import { SPIROMETRY_LIMITS } from '../../scales/spirometry.js';
import { SPIROMETRY_GLI_DERIVED_ITEMS } from '../derive-spirometry.js';
import type { FormDefinition, FormItem } from '../form-types.js';
import { choices, compareCheck, item, section } from './form-builders.js';

/**
 * Spirometry: FVC, FEV1 and SVC in litres (best acceptable effort). At least one volume is needed for a complete
 * entry. Scored by derive-spirometry.ts (Hankinson 1999, sex/age/height/ethnicity from the context).
 */

function litres(id: string, label: string): FormItem {
  return item(id, label, {
    type: 'decimal',
    min: 0.1,
    max: SPIROMETRY_LIMITS.litres.max,
    decimals: 2,
    unit: 'L',
    help: 'Litres (not mL), best acceptable effort.',
  });
}

export const SPIROMETRY_FORM: FormDefinition = {
  id: 'spirometry',
  name: 'Spirometry (FVC, FEV1, SVC)',
  version: 'spirometry@1',
  kind: 'visit',
  sections: [
    section('measurement', 'Measurement', [
      item('position', 'Position', {
        type: 'choice',
        choices: choices([
          ['seated', 'Seated'],
          ['supine', 'Supine'],
        ]),
      }),
      litres('fvcL', 'Forced vital capacity (FVC)'),
      litres('fev1L', 'Forced expiratory volume in 1 s (FEV1)'),
      litres('svcL', 'Slow vital capacity (SVC)'),
    ]),
  ],
  checks: [
    {
      id: 'one-volume',
      severity: 'incomplete',
      message: 'Enter at least one of FVC, FEV1 or SVC',
      items: ['fvcL', 'fev1L', 'svcL'],
      assert: { atLeastOneOf: ['fvcL', 'fev1L', 'svcL'] },
    },
    compareCheck(
      {
        id: 'fev1-not-above-fvc',
        severity: 'warning',
        message: 'FEV1 is above FVC: check both values',
      },
      ['fev1L', '<=', 'fvcL'],
    ),
  ],
  derivedItems: [
    { id: 'fvcPercentPredicted', label: 'FVC % predicted', unit: '%' },
    { id: 'fvcPredictedL', label: 'FVC predicted', unit: 'L' },
    { id: 'fvcLlnL', label: 'FVC lower limit of normal', unit: 'L' },
    { id: 'fev1PercentPredicted', label: 'FEV1 % predicted', unit: '%' },
    { id: 'fev1PredictedL', label: 'FEV1 predicted', unit: 'L' },
    { id: 'fev1LlnL', label: 'FEV1 lower limit of normal', unit: 'L' },
    { id: 'svcPercentPredicted', label: 'SVC % predicted (FVC equation)', unit: '%' },
    { id: 'svcPredictedL', label: 'SVC predicted (FVC equation)', unit: 'L' },
    { id: 'svcLlnL', label: 'SVC lower limit of normal (FVC equation)', unit: 'L' },
    { id: 'fev1FvcPercent', label: 'FEV1/FVC', unit: '%' },
    { id: 'equation', label: 'Reference equation' },
    // Present only when a GLI lookup table has been loaded (celltrial reference load gli).
    ...SPIROMETRY_GLI_DERIVED_ITEMS,
  ],
};
