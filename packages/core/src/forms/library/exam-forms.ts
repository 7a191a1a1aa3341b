import type { FormDefinition } from '../form-types.js';
import { findingItems, item, required, section } from './form-builders.js';

/**
 * Examinations: each body system is Normal / Abnormal / Not done, with a description required when abnormal.
 */

export const PHYSICAL_EXAM_FORM: FormDefinition = {
  id: 'physical-exam',
  name: 'Physical examination',
  version: 'physical-exam@1',
  kind: 'visit',
  sections: [
    section('systems', 'Body systems', [
      ...findingItems('general', 'General appearance'),
      ...findingItems('heent', 'Head, eyes, ears, nose and throat'),
      ...findingItems('cardiovascular', 'Cardiovascular'),
      ...findingItems('respiratory', 'Respiratory'),
      ...findingItems('abdomen', 'Abdomen'),
      ...findingItems('skin', 'Skin'),
      ...findingItems('musculoskeletal', 'Musculoskeletal'),
      ...findingItems('injectionSite', 'Injection or procedure site'),
    ]),
    section('comments', 'Comments', [item('notes', 'Other findings', { type: 'text' })]),
  ],
  checks: [],
};

export const NEURO_EXAM_FORM: FormDefinition = {
  id: 'neuro-exam',
  name: 'Neurological examination',
  version: 'neuro-exam@1',
  kind: 'visit',
  sections: [
    section('neurological', 'Neurological findings', [
      ...findingItems('cranialNerves', 'Cranial nerves'),
      ...findingItems('motor', 'Motor strength (muscle chart)'),
      ...findingItems('tone', 'Muscle tone'),
      ...findingItems('reflexes', 'Deep tendon reflexes'),
      ...findingItems('sensation', 'Sensation'),
      ...findingItems('coordination', 'Coordination'),
      ...findingItems('gait', 'Gait'),
    ]),
    section('signs', 'Signs', [
      required('fasciculations', 'Fasciculations present', { type: 'boolean' }),
      required('babinski', 'Extensor plantar response (Babinski sign)', { type: 'boolean' }),
      item('notes', 'Notes', { type: 'text' }),
    ]),
  ],
  checks: [],
};

/** Nasal examination (intranasal administration): mucosa, septum, turbinates, bleeding. */
export const NASAL_EXAM_FORM: FormDefinition = {
  id: 'nasal-exam',
  name: 'Nasal examination',
  version: 'nasal-exam@1',
  kind: 'visit',
  sections: [
    section('nasal', 'Nasal cavity', [
      ...findingItems('mucosa', 'Nasal mucosa'),
      ...findingItems('septum', 'Nasal septum'),
      ...findingItems('turbinates', 'Turbinates'),
      required('epistaxis', 'Epistaxis (nosebleed) since the last visit', { type: 'boolean' }),
      item('notes', 'Notes', { type: 'text' }),
    ]),
  ],
  checks: [],
};
