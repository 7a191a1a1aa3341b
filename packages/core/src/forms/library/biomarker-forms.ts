import type { FormDefinition, FormItem } from '../form-types.js';
import { choices, item, notAfterVisit, required, section } from './form-builders.js';

/** Research biomarkers: serum cytokines and lymphocyte subsets by flow cytometry. */

const CYTOKINES = [
  ['il6', 'Interleukin-6 (IL-6)'],
  ['il10', 'Interleukin-10 (IL-10)'],
  ['il17a', 'Interleukin-17A (IL-17A)'],
  ['il1beta', 'Interleukin-1β (IL-1β)'],
  ['tnfAlpha', 'Tumour necrosis factor α (TNF-α)'],
  ['ifnGamma', 'Interferon γ (IFN-γ)'],
] as const;

const cytokine = ([id, label]: readonly [string, string]): FormItem =>
  item(id, label, { type: 'decimal', min: 0, max: 100_000, decimals: 3, unit: 'pg/mL' });

const sample = (types: readonly (readonly [string, string])[]): FormItem[] => [
  required('sampleDate', 'Sample date', { type: 'date' }),
  required('sampleType', 'Sample type', { type: 'choice', choices: choices(types) }),
];

export const CYTOKINES_FORM: FormDefinition = {
  id: 'cytokines',
  name: 'Cytokines',
  version: 'cytokines@1',
  kind: 'visit',
  sections: [
    section(
      'sample',
      'Sample',
      sample([
        ['serum', 'Serum'],
        ['plasma', 'Plasma'],
        ['csf', 'Cerebrospinal fluid'],
      ]),
    ),
    section('results', 'Concentrations', CYTOKINES.map(cytokine)),
  ],
  checks: [
    {
      id: 'one-cytokine',
      severity: 'incomplete',
      message: 'Enter at least one cytokine concentration',
      items: CYTOKINES.map(([id]) => id),
      assert: { atLeastOneOf: CYTOKINES.map(([id]) => id) },
    },
    notAfterVisit('sampleDate', 'Sample date'),
  ],
};

const percent = (id: string, label: string, isRequired = false): FormItem =>
  item(id, label, {
    type: 'decimal',
    min: 0,
    max: 100,
    decimals: 2,
    unit: '% of lymphocytes',
    required: isRequired,
  });

export const FLOW_CYTOMETRY_FORM: FormDefinition = {
  id: 'flow-cytometry',
  name: 'Flow cytometry (lymphocyte subsets, B-cell markers)',
  version: 'flow-cytometry@1',
  kind: 'visit',
  sections: [
    section(
      'sample',
      'Sample',
      sample([
        ['whole-blood', 'Whole blood'],
        ['pbmc', 'Peripheral blood mononuclear cells'],
      ]),
    ),
    section('subsets', 'Subsets', [
      percent('cd19Percent', 'CD19+ B cells', true),
      item('cd19Count', 'CD19+ B cells, absolute', {
        type: 'integer',
        min: 0,
        max: 10_000,
        unit: 'cells/µL',
      }),
      percent('cd20Percent', 'CD20+ B cells'),
      percent('cd3Percent', 'CD3+ T cells'),
      percent('cd4Percent', 'CD3+CD4+ T cells'),
      percent('cd8Percent', 'CD3+CD8+ T cells'),
    ]),
  ],
  checks: [notAfterVisit('sampleDate', 'Sample date')],
};
