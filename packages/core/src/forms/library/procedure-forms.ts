import type { FormDefinition, FormItem } from '../form-types.js';
import { choices, item, required, section, when } from './form-builders.js';

/** Procedure records: bone marrow aspiration, adipose tissue harvest, lumbar puncture. */

const ANAESTHESIA = choices([
  ['local', 'Local'],
  ['sedation', 'Local with sedation'],
  ['general', 'General'],
]);

function complicationItems(): FormItem[] {
  return [
    required('complications', 'Procedural complications', { type: 'boolean' }),
    required('complicationDetails', 'Describe the complications (report AEs on the AE log)', {
      type: 'text',
      showWhen: when('complications', true),
    }),
    required('performedBy', 'Performed by', { type: 'text', maxLength: 200 }),
  ];
}

export const PROCEDURE_BMA_FORM: FormDefinition = {
  id: 'procedure-bma',
  name: 'Bone marrow aspiration',
  version: 'procedure-bma@1',
  kind: 'visit',
  sections: [
    section('procedure', 'Procedure', [
      required('performedAt', 'Date and time of aspiration', { type: 'datetime' }),
      required('site', 'Aspiration site', {
        type: 'choice',
        choices: choices([
          ['posterior-iliac-crest', 'Posterior iliac crest'],
          ['anterior-iliac-crest', 'Anterior iliac crest'],
          ['sternum', 'Sternum'],
        ]),
      }),
      required('side', 'Side', {
        type: 'choice',
        choices: choices([
          ['left', 'Left'],
          ['right', 'Right'],
          ['bilateral', 'Bilateral'],
        ]),
      }),
      required('anaesthesia', 'Anaesthesia', { type: 'choice', choices: ANAESTHESIA }),
      required('volumeMl', 'Volume aspirated', {
        type: 'decimal',
        min: 1,
        max: 500,
        decimals: 1,
        unit: 'mL',
      }),
    ]),
    section('outcome', 'Outcome', complicationItems()),
  ],
  checks: [],
};

export const PROCEDURE_ADIPOSE_FORM: FormDefinition = {
  id: 'procedure-adipose',
  name: 'Adipose tissue harvest',
  version: 'procedure-adipose@1',
  kind: 'visit',
  sections: [
    section('procedure', 'Procedure', [
      required('performedAt', 'Date and time of harvest', { type: 'datetime' }),
      required('harvestSite', 'Harvest site', {
        type: 'choice',
        choices: choices([
          ['abdomen', 'Abdomen'],
          ['flank', 'Flank'],
          ['thigh', 'Thigh'],
          ['other', 'Other'],
        ]),
      }),
      required('method', 'Method', {
        type: 'choice',
        choices: choices([
          ['liposuction', 'Liposuction (lipoaspirate)'],
          ['excision', 'Surgical excision'],
        ]),
      }),
      required('anaesthesia', 'Anaesthesia', { type: 'choice', choices: ANAESTHESIA }),
      item('lipoaspirateMl', 'Lipoaspirate volume', {
        type: 'decimal',
        min: 1,
        max: 1000,
        decimals: 1,
        unit: 'mL',
        showWhen: when('method', 'liposuction'),
      }),
      item('tissueG', 'Excised tissue weight', {
        type: 'decimal',
        min: 0.1,
        max: 1000,
        decimals: 1,
        unit: 'g',
        showWhen: when('method', 'excision'),
      }),
    ]),
    section('outcome', 'Outcome', complicationItems()),
  ],
  checks: [],
};

export const LUMBAR_PUNCTURE_FORM: FormDefinition = {
  id: 'lumbar-puncture',
  name: 'Lumbar puncture',
  version: 'lumbar-puncture@1',
  kind: 'visit',
  sections: [
    section('procedure', 'Procedure', [
      required('performedAt', 'Date and time of puncture', { type: 'datetime' }),
      required('purpose', 'Purpose', {
        type: 'choice',
        choices: choices([
          ['administration', 'Intrathecal administration'],
          ['sampling', 'CSF sampling'],
          ['both', 'Administration and CSF sampling'],
        ]),
      }),
      required('level', 'Interspace', {
        type: 'choice',
        choices: choices([
          ['L2-L3', 'L2–L3'],
          ['L3-L4', 'L3–L4'],
          ['L4-L5', 'L4–L5'],
          ['L5-S1', 'L5–S1'],
        ]),
      }),
      item('needleGauge', 'Needle gauge', { type: 'integer', min: 18, max: 29, unit: 'G' }),
      item('needleType', 'Needle type', {
        type: 'choice',
        choices: choices([
          ['atraumatic', 'Atraumatic (pencil-point)'],
          ['cutting', 'Cutting (Quincke)'],
        ]),
      }),
      required('attempts', 'Number of attempts', { type: 'integer', min: 1, max: 10 }),
      item('csfRemovedMl', 'CSF removed', { type: 'decimal', min: 0, max: 50, decimals: 1, unit: 'mL' }),
      item('csfAppearance', 'CSF appearance', {
        type: 'choice',
        choices: choices([
          ['clear', 'Clear'],
          ['cloudy', 'Cloudy'],
          ['blood-stained', 'Blood-stained'],
          ['xanthochromic', 'Xanthochromic'],
        ]),
      }),
    ]),
    section('outcome', 'Outcome', complicationItems()),
  ],
  checks: [],
};
