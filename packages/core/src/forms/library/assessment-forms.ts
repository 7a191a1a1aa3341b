import type { FormDefinition, FormItem } from '../form-types.js';
import { choices, compareCheck, item, notAfterVisit, required, section, when } from './form-builders.js';

/**
 * Assessments that may be skipped at a visit: each starts with `performed`; the results are shown when performed,
 * a reason when not. Mental status (Kokmen STMS), cognitive and psychological tests, MRI, ECG, pregnancy test.
 */

const PERFORMED = when('performed', true);

function performedItems(what: string): FormItem[] {
  return [
    required('performed', `${what} performed`, { type: 'boolean' }),
    required('notDoneReason', 'Reason not done', { type: 'text', showWhen: when('performed', false) }),
  ];
}

/** Kokmen Short Test of Mental Status: total 38 at best; learning scores N − (n − 1) so the total can go to −3. */
export const MENTAL_STATUS_FORM: FormDefinition = {
  id: 'mental-status',
  name: 'Short Test of Mental Status (Kokmen)',
  version: 'mental-status@1',
  kind: 'visit',
  sections: [
    section('stms', 'Short Test of Mental Status', [
      ...performedItems('Test'),
      required('totalScore', 'STMS total score', {
        type: 'integer',
        min: -3,
        max: 38,
        showWhen: PERFORMED,
        help: 'Kokmen et al., Mayo Clin Proc 1987;62:281 (maximum 38).',
      }),
    ]),
  ],
  checks: [],
};

export const COGNITIVE_PSYCH_FORM: FormDefinition = {
  id: 'cognitive-psych',
  name: 'Cognitive and psychological evaluation',
  version: 'cognitive-psych@1',
  kind: 'visit',
  sections: [
    section('tests', 'Tests', [
      ...performedItems('Evaluation'),
      required('sdmt', 'Symbol Digit Modalities Test (correct, 90 s)', {
        type: 'integer',
        min: 0,
        max: 110,
        showWhen: PERFORMED,
      }),
      item('cvlt2', 'CVLT-II total recall, trials 1–5', {
        type: 'integer',
        min: 0,
        max: 80,
        showWhen: PERFORMED,
      }),
      item('bvmtr', 'BVMT-R total recall, trials 1–3', {
        type: 'integer',
        min: 0,
        max: 36,
        showWhen: PERFORMED,
      }),
      required('bdi2', 'Beck Depression Inventory-II total', {
        type: 'integer',
        min: 0,
        max: 63,
        showWhen: PERFORMED,
      }),
    ]),
  ],
  checks: [],
};

const lesions = (id: string, label: string, showWhen = PERFORMED): FormItem =>
  item(id, label, { type: 'integer', min: 0, max: 500, showWhen });

export const MRI_FORM: FormDefinition = {
  id: 'mri',
  name: 'MRI',
  version: 'mri@1',
  kind: 'visit',
  sections: [
    section('scan', 'Scan', [
      ...performedItems('MRI'),
      required('scanDate', 'Scan date', { type: 'date', showWhen: PERFORMED }),
      required('region', 'Region', {
        type: 'choice',
        showWhen: PERFORMED,
        choices: choices([
          ['brain', 'Brain'],
          ['spine', 'Spinal cord'],
          ['brain-and-spine', 'Brain and spinal cord'],
        ]),
      }),
      item('fieldStrength', 'Field strength', {
        type: 'choice',
        showWhen: PERFORMED,
        choices: choices([
          ['1.5T', '1.5 T'],
          ['3T', '3 T'],
        ]),
      }),
      required('contrastGiven', 'Gadolinium contrast given', { type: 'boolean', showWhen: PERFORMED }),
    ]),
    section('findings', 'Findings', [
      lesions('newT2Lesions', 'New T2 lesions since the previous scan'),
      lesions('enlargingT2Lesions', 'Enlarging T2 lesions since the previous scan'),
      lesions('gdEnhancingLesions', 'Gadolinium-enhancing lesions', when('contrastGiven', true)),
      required('newSignificantFinding', 'New clinically significant finding', {
        type: 'boolean',
        showWhen: PERFORMED,
      }),
      required('findingDetails', 'Describe the finding', {
        type: 'text',
        showWhen: when('newSignificantFinding', true),
      }),
    ]),
  ],
  checks: [notAfterVisit('scanDate', 'Scan date')],
};

const ABNORMAL_ECG = { any: [when('interpretation', 'abnormal-ncs'), when('interpretation', 'abnormal-cs')] };

export const ECG_FORM: FormDefinition = {
  id: 'ecg',
  name: 'Electrocardiogram (12-lead)',
  version: 'ecg@1',
  kind: 'visit',
  sections: [
    section('intervals', 'Intervals', [
      ...performedItems('ECG'),
      required('heartRate', 'Ventricular rate', {
        type: 'integer',
        min: 20,
        max: 250,
        unit: 'beats/min',
        showWhen: PERFORMED,
      }),
      item('prMs', 'PR interval', { type: 'integer', min: 50, max: 500, unit: 'ms', showWhen: PERFORMED }),
      item('qrsMs', 'QRS duration', { type: 'integer', min: 40, max: 250, unit: 'ms', showWhen: PERFORMED }),
      item('qtMs', 'QT interval', { type: 'integer', min: 200, max: 700, unit: 'ms', showWhen: PERFORMED }),
      required('qtcfMs', 'QTcF (Fridericia)', {
        type: 'integer',
        min: 200,
        max: 700,
        unit: 'ms',
        showWhen: PERFORMED,
      }),
    ]),
    section('interpretation', 'Interpretation', [
      required('interpretation', 'Interpretation', {
        type: 'choice',
        showWhen: PERFORMED,
        choices: choices([
          ['normal', 'Normal'],
          ['abnormal-ncs', 'Abnormal, not clinically significant'],
          ['abnormal-cs', 'Abnormal, clinically significant'],
        ]),
      }),
      required('abnormalityDetails', 'Describe the abnormality', { type: 'text', showWhen: ABNORMAL_ECG }),
    ]),
  ],
  checks: [
    compareCheck(
      { id: 'qtcf-above-500', severity: 'warning', message: 'QTcF above 500 ms: confirm the value' },
      ['qtcfMs', '<=', 500],
    ),
  ],
};

const CHILDBEARING = when('childbearingPotential', true);

export const PREGNANCY_TEST_FORM: FormDefinition = {
  id: 'pregnancy-test',
  name: 'Pregnancy test',
  version: 'pregnancy-test@1',
  kind: 'visit',
  sections: [
    section('test', 'Test', [
      required('childbearingPotential', 'Participant is of childbearing potential', { type: 'boolean' }),
      required('testDate', 'Test date', { type: 'date', showWhen: CHILDBEARING }),
      required('testType', 'Test type', {
        type: 'choice',
        showWhen: CHILDBEARING,
        choices: choices([
          ['serum', 'Serum β-hCG'],
          ['urine', 'Urine β-hCG'],
        ]),
      }),
      required('result', 'Result', {
        type: 'choice',
        showWhen: CHILDBEARING,
        choices: choices([
          ['negative', 'Negative'],
          ['positive', 'Positive'],
        ]),
      }),
    ]),
  ],
  checks: [notAfterVisit('testDate', 'Test date')],
};
