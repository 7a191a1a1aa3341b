import {
  LAB_TESTS,
  type LabTest,
  type QualitativeLabTest,
  type QuantitativeLabTest,
} from '../../labs/lab-catalogue.js';
import { LAB_UNIT_LABELS } from '../../labs/lab-units.js';
import { labDerivedIds } from '../derive-labs.js';
import type { FormDefinition, FormDerivedItem, FormItem } from '../form-types.js';
import { choices, item, notAfterVisit, required, section } from './form-builders.js';

/**
 * Laboratory forms built from the lab catalogue (labs/lab-catalogue.ts), so item ids are catalogue codes and the
 * units are exactly the catalogue's units of each test. Safety labs: one quantity item per quantitative test
 * (haematology, chemistry); viral serology: one coded item per qualitative test.
 */

/** Tests every safety-lab entry needs to be complete (CBC with differential core, electrolytes, renal, liver). */
export const REQUIRED_SAFETY_LABS = [
  'hemoglobin',
  'wbc',
  'neutrophils',
  'lymphocytes',
  'platelets',
  'sodium',
  'potassium',
  'creatinine',
  'alt',
  'ast',
  'bilirubin-total',
] as const;

/** Serology results every screening entry needs (hepatitis B and C, HIV). */
export const REQUIRED_SEROLOGY = ['hbsag', 'anti-hcv', 'hiv-ag-ab'] as const;

function isQuantitative(test: LabTest): test is QuantitativeLabTest {
  return test.kind === 'quantitative';
}

function isQualitative(test: LabTest): test is QualitativeLabTest {
  return test.kind === 'qualitative';
}

function labItem(test: QuantitativeLabTest): FormItem {
  const units = test.units.map((unit) => unit.unit);
  const isRequired = (REQUIRED_SAFETY_LABS as readonly string[]).includes(test.code);
  return item(test.code, test.name, {
    type: 'quantity',
    labTest: test.code,
    units,
    ...(isRequired ? { required: true } : {}),
    ...(test.note === undefined ? {} : { help: test.note }),
  });
}

function derivedOf(test: QuantitativeLabTest): FormDerivedItem[] {
  const [si, flag, grade, term] = labDerivedIds(test.code);
  const rows: FormDerivedItem[] = [
    { id: si ?? '', label: `${test.name} (SI)`, unit: LAB_UNIT_LABELS[test.siUnit] },
    { id: flag ?? '', label: `${test.name}: flag vs site range` },
  ];
  if (test.ctcaeTerms.length > 0) {
    rows.push(
      { id: grade ?? '', label: `${test.name}: CTCAE grade` },
      { id: term ?? '', label: `${test.name}: CTCAE term` },
    );
  }
  return rows;
}

const quantitative = LAB_TESTS.filter(isQuantitative);

const collection = section('collection', 'Sample', [
  required('collectionDate', 'Sample collection date', { type: 'date' }),
]);

export const LABS_FORM: FormDefinition = {
  id: 'labs',
  name: 'Safety laboratory (haematology and chemistry)',
  version: 'labs@1',
  kind: 'visit',
  sections: [
    collection,
    section('hematology', 'Haematology', quantitative.filter((t) => t.panel === 'hematology').map(labItem)),
    section('chemistry', 'Chemistry', quantitative.filter((t) => t.panel === 'chemistry').map(labItem)),
  ],
  checks: [notAfterVisit('collectionDate', 'Sample collection date')],
  derivedItems: quantitative.flatMap(derivedOf),
};

function serologyItem(test: QualitativeLabTest): FormItem {
  const isRequired = (REQUIRED_SEROLOGY as readonly string[]).includes(test.code);
  return item(test.code, test.name, {
    type: 'choice',
    labTest: test.code,
    choices: choices(
      test.results.map((result) => [result, result[0]?.toUpperCase() + result.slice(1)] as const),
    ),
    ...(isRequired ? { required: true } : {}),
  });
}

export const VIRAL_SEROLOGY_FORM: FormDefinition = {
  id: 'viral-serology',
  name: 'Viral serology',
  version: 'viral-serology@1',
  kind: 'visit',
  sections: [collection, section('results', 'Results', LAB_TESTS.filter(isQualitative).map(serologyItem))],
  checks: [notAfterVisit('collectionDate', 'Sample collection date')],
};
