import type { FormDefinition } from '../form-types.js';
import { choices, item, notBefore, required, section, when } from './form-builders.js';

/** Repeating per-participant logs: adverse events (placeholder) and concomitant medications. */

/**
 * Placeholder: the real adverse-event model (seriousness, causality, outcome, CTCAE term coding) lives in
 * core/safety; this definition only lets protocols name the form.
 */
export const ADVERSE_EVENTS_FORM: FormDefinition = {
  id: 'adverse-events',
  name: 'Adverse events',
  version: 'adverse-events@1',
  kind: 'log',
  description: 'Placeholder: the adverse-event record is defined by core/safety.',
  sections: [
    section('event', 'Event', [
      required('term', 'Adverse event term', { type: 'text', maxLength: 200 }),
      required('onsetDate', 'Onset date', { type: 'date' }),
      required('grade', 'CTCAE grade', {
        type: 'integer',
        choices: choices([
          [1, '1 – Mild'],
          [2, '2 – Moderate'],
          [3, '3 – Severe'],
          [4, '4 – Life-threatening'],
          [5, '5 – Death'],
        ]),
      }),
    ]),
  ],
  checks: [],
};

export const CON_MEDS_FORM: FormDefinition = {
  id: 'con-meds',
  name: 'Concomitant medications',
  version: 'con-meds@1',
  kind: 'log',
  sections: [
    section('medication', 'Medication', [
      required('medication', 'Medication (generic name)', { type: 'text', maxLength: 200 }),
      required('indication', 'Indication', { type: 'text', maxLength: 200 }),
      item('dose', 'Dose per administration', { type: 'decimal', min: 0 }),
      item('doseUnit', 'Dose unit', { type: 'text', maxLength: 50 }),
      item('route', 'Route', {
        type: 'choice',
        choices: choices([
          ['oral', 'Oral'],
          ['enteral-tube', 'Enteral (feeding tube)'],
          ['intravenous', 'Intravenous'],
          ['intramuscular', 'Intramuscular'],
          ['subcutaneous', 'Subcutaneous'],
          ['intrathecal', 'Intrathecal'],
          ['inhaled', 'Inhaled'],
          ['topical', 'Topical'],
          ['transdermal', 'Transdermal'],
          ['other', 'Other'],
        ]),
      }),
      item('frequency', 'Frequency', {
        type: 'choice',
        choices: choices([
          ['once', 'Once'],
          ['daily', 'Once daily'],
          ['bid', 'Twice daily'],
          ['tid', 'Three times daily'],
          ['qid', 'Four times daily'],
          ['weekly', 'Weekly'],
          ['monthly', 'Monthly'],
          ['prn', 'As needed'],
          ['other', 'Other'],
        ]),
      }),
      required('startDate', 'Start date', { type: 'date' }),
      required('ongoing', 'Ongoing', { type: 'boolean' }),
      required('endDate', 'End date', { type: 'date', showWhen: when('ongoing', false) }),
    ]),
  ],
  checks: [
    notBefore(
      { id: 'end-not-before-start', message: 'End date is before the start date' },
      'endDate',
      'startDate',
    ),
  ],
};
