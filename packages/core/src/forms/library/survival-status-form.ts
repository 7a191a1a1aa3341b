import type { FormDefinition } from '../form-types.js';
import { compareCheck, item, notAfterVisit, notBefore, required, section, when } from './form-builders.js';

/**
 * Survival status (ALS outcome: death, tracheostomy, permanent assisted ventilation). Event dates are shown when the
 * event happened; death cannot precede the other events, and no event may follow the contact (visit) date.
 */
export const SURVIVAL_STATUS_FORM: FormDefinition = {
  id: 'survival-status',
  name: 'Survival and tracheostomy status',
  version: 'survival-status@1',
  kind: 'visit',
  sections: [
    section('status', 'Status', [
      required('vitalStatus', 'Vital status', {
        type: 'choice',
        choices: [
          { value: 'alive', label: 'Alive' },
          { value: 'dead', label: 'Dead' },
        ],
      }),
      required('deathDate', 'Date of death', { type: 'date', showWhen: when('vitalStatus', 'dead') }),
      item('causeOfDeath', 'Cause of death', { type: 'text', showWhen: when('vitalStatus', 'dead') }),
    ]),
    section('events', 'Respiratory events', [
      required('tracheostomy', 'Tracheostomy', { type: 'boolean' }),
      required('tracheostomyDate', 'Date of tracheostomy', {
        type: 'date',
        showWhen: when('tracheostomy', true),
      }),
      required('permanentVentilation', 'Permanent assisted ventilation (> 22 h/day for > 7 days)', {
        type: 'boolean',
      }),
      required('permanentVentilationDate', 'Start of permanent assisted ventilation', {
        type: 'date',
        showWhen: when('permanentVentilation', true),
      }),
    ]),
  ],
  checks: [
    notBefore(
      { id: 'death-not-before-tracheostomy', message: 'Date of death is before the tracheostomy' },
      'deathDate',
      'tracheostomyDate',
    ),
    notBefore(
      {
        id: 'death-not-before-ventilation',
        message: 'Date of death is before the start of permanent ventilation',
      },
      'deathDate',
      'permanentVentilationDate',
    ),
    notAfterVisit('deathDate', 'Date of death'),
    notAfterVisit('tracheostomyDate', 'Date of tracheostomy'),
    notAfterVisit('permanentVentilationDate', 'Start of permanent ventilation'),
    compareCheck(
      { id: 'death-after-birth', severity: 'warning', message: 'Date of death is before the date of birth' },
      ['deathDate', '>=', 'context.birthDate'],
    ),
  ],
};
