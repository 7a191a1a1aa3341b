import { ALSFRS_R_ITEMS, type AlsfrsRItemDefinition } from '../../scales/alsfrs-r-items.js';
import type { FormDefinition, FormItem } from '../form-types.js';
import { choices, required, section, when } from './form-builders.js';

/**
 * ALSFRS-R (Cedarbaum et al. 1999): gastrostomy status, then items q1…q12 scored 0–4 with the published anchor
 * texts from scales/alsfrs-r-items.ts; item 5 is q5a without gastrostomy and q5b with one. Scored by
 * derive-alsfrs-r.ts (scoreAlsfrsR).
 */

const DOMAIN_TITLES = {
  bulbar: 'Bulbar',
  fineMotor: 'Fine motor',
  grossMotor: 'Gross motor',
  respiratory: 'Respiratory',
} as const;

function alsfrsItem(definition: AlsfrsRItemDefinition): FormItem {
  const anchors = ([4, 3, 2, 1, 0] as const).map(
    (score) => [score, `${score} – ${definition.anchors[score]}`] as const,
  );
  const showWhen =
    definition.appliesTo === undefined
      ? {}
      : { showWhen: when('gastrostomy', definition.appliesTo === 'with-gastrostomy') };
  return required(`q${definition.key}`, `${definition.key}. ${definition.name}`, {
    type: 'integer',
    min: 0,
    max: 4,
    choices: choices(anchors),
    ...showWhen,
  });
}

export const ALSFRS_R_FORM: FormDefinition = {
  id: 'alsfrs-r',
  name: 'ALS Functional Rating Scale – Revised (ALSFRS-R)',
  version: 'alsfrs-r@1',
  kind: 'visit',
  sections: [
    section('status', 'Status', [
      required('gastrostomy', 'Does the participant have a gastrostomy?', {
        type: 'boolean',
        help: 'Decides whether item 5 is scored as 5a (no gastrostomy) or 5b (gastrostomy).',
      }),
    ]),
    ...(Object.keys(DOMAIN_TITLES) as (keyof typeof DOMAIN_TITLES)[]).map((domain) =>
      section(
        domain,
        DOMAIN_TITLES[domain],
        ALSFRS_R_ITEMS.filter((definition) => definition.domain === domain).map(alsfrsItem),
      ),
    ),
  ],
  checks: [
    {
      id: 'one-of-5a-5b',
      severity: 'error',
      message: 'Items 5a and 5b are both given: score 5a without gastrostomy, 5b with one',
      items: ['q5b', 'q5a'],
      assert: { atMostOneOf: ['q5a', 'q5b'] },
    },
    {
      // Soft check: possible (a prophylactic gastrostomy), but worth confirming against the source.
      id: 'gastrostomy-normal-swallowing',
      severity: 'warning',
      message:
        'A gastrostomy is recorded but swallowing (item 3) is scored 4, normal eating habits: please confirm against the source',
      items: ['q3', 'gastrostomy'],
      when: { item: 'gastrostomy', equals: true },
      assert: { compare: ['q3', '<', 4] },
    },
  ],
  derivedItems: [
    { id: 'total', label: 'ALSFRS-R total (0–48)' },
    { id: 'bulbar', label: 'Bulbar subscore (0–12)' },
    { id: 'fineMotor', label: 'Fine motor subscore (0–12)' },
    { id: 'grossMotor', label: 'Gross motor subscore (0–12)' },
    { id: 'respiratory', label: 'Respiratory subscore (0–12)' },
    { id: 'kings', label: "King's stage" },
    { id: 'mitos', label: 'MiToS stage' },
    { id: 'deltaFrs', label: 'ΔFRS since symptom onset', unit: 'points/month' },
  ],
};
