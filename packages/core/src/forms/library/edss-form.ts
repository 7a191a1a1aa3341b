import {
  EDSS_AMBULATION_MAX,
  EDSS_FUNCTIONAL_SYSTEMS,
  type EdssFunctionalSystem,
} from '../../scales/edss-rules.js';
import type { FormDefinition } from '../form-types.js';
import { required, section } from './form-builders.js';

/**
 * EDSS (Neurostatus): the seven functional systems as rated (raw grades, converted by the scorer) and the
 * ambulation score 0–16. The step is derived by derive-edss.ts (scoreEdss).
 */

const FS_LABELS: Readonly<Record<EdssFunctionalSystem, string>> = {
  visual: 'Visual (optic) functions',
  brainstem: 'Brainstem functions',
  pyramidal: 'Pyramidal functions',
  cerebellar: 'Cerebellar functions',
  sensory: 'Sensory functions',
  bowelBladder: 'Bowel and bladder functions',
  cerebral: 'Cerebral (mental) functions',
};

export const EDSS_FORM: FormDefinition = {
  id: 'edss',
  name: 'Expanded Disability Status Scale (EDSS)',
  version: 'edss@1',
  kind: 'visit',
  sections: [
    section(
      'functional-systems',
      'Functional systems (raw grades as rated)',
      (Object.keys(EDSS_FUNCTIONAL_SYSTEMS) as EdssFunctionalSystem[]).map((fs) =>
        required(fs, FS_LABELS[fs], { type: 'integer', min: 0, max: EDSS_FUNCTIONAL_SYSTEMS[fs] }),
      ),
    ),
    section('ambulation', 'Ambulation', [
      required('ambulation', 'Ambulation score (Neurostatus 0–16)', {
        type: 'integer',
        min: 0,
        max: EDSS_AMBULATION_MAX,
      }),
    ]),
  ],
  checks: [],
  derivedItems: [
    { id: 'edss', label: 'EDSS step' },
    { id: 'edssRule', label: 'Rule that fixed the step' },
  ],
};
