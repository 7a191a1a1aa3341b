import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findLabTest } from '../../labs/lab-catalogue.js';
import type { Protocol } from '../../protocol/protocol-types.js';
import { ALSFRS_R_ITEMS } from '../../scales/alsfrs-r-items.js';
import { EDSS_FUNCTIONAL_SYSTEMS } from '../../scales/edss-rules.js';
import { formItems } from '../evaluate-form.js';
import { findFormDerivation } from '../form-derivations.js';
import { validateFormDefinition } from '../validate-form-definition.js';
import { closestFormDefinitionId, FORM_LIBRARY, findFormDefinition } from './form-library.js';

const protocolsDir = resolve(import.meta.dirname, '../../../../../protocols');

/** Form ids listed under `forms:` in the seed protocols. */
function protocolFormIds(): Set<string> {
  const ids = new Set<string>();
  for (const file of readdirSync(protocolsDir).filter((name) => name.endsWith('.yaml'))) {
    const protocol = parse(readFileSync(resolve(protocolsDir, file), 'utf8')) as Protocol;
    for (const form of protocol.forms) {
      ids.add(form.id);
    }
  }
  return ids;
}

function itemIds(id: string): string[] {
  const definition = findFormDefinition(id);
  if (definition === undefined) {
    throw new Error(`no definition ${id}`);
  }
  return formItems(definition).map((item) => item.id);
}

describe('FORM_LIBRARY', () => {
  for (const definition of FORM_LIBRARY) {
    it(`${definition.id} is internally consistent`, () => {
      expect(validateFormDefinition(definition)).toEqual({ kind: 'ok' });
      expect(definition.version).toBe(`${definition.id}@1`);
    });
  }

  it('has unique ids', () => {
    const ids = FORM_LIBRARY.map((definition) => definition.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers every form id the seed protocols use', () => {
    const used = protocolFormIds();
    expect(used.size).toBeGreaterThan(20);
    for (const id of used) {
      expect(findFormDefinition(id), id).toBeDefined();
    }
  });

  it('declares derived items exactly for the forms with a registered derivation', () => {
    for (const definition of FORM_LIBRARY) {
      const hasDerived = (definition.derivedItems ?? []).length > 0;
      expect(hasDerived, definition.id).toBe(findFormDerivation(definition.id) !== undefined);
    }
  });

  it('suggests the closest id for a typo and nothing for an unrelated word', () => {
    expect(closestFormDefinitionId('vital-sign')).toBe('vital-signs');
    expect(closestFormDefinitionId('alsfrs')).toBe('alsfrs-r');
    expect(closestFormDefinitionId('quality-of-life-questionnaire')).toBeUndefined();
    expect(findFormDefinition('nope')).toBeUndefined();
  });
});

describe('fixed item ids (other modules generate data with them)', () => {
  it('alsfrs-r: gastrostomy, q1…q12 with q5a/q5b, anchors from alsfrs-r-items.ts', () => {
    expect(itemIds('alsfrs-r')).toEqual([
      'gastrostomy',
      'q1',
      'q2',
      'q3',
      'q4',
      'q5a',
      'q5b',
      'q6',
      'q7',
      'q8',
      'q9',
      'q10',
      'q11',
      'q12',
    ]);
    const q11 = formItems(findFormDefinition('alsfrs-r')!).find((item) => item.id === 'q11');
    const anchor = ALSFRS_R_ITEMS.find((item) => item.key === '11')?.anchors[1] ?? '';
    expect(q11?.choices?.find((choice) => choice.value === 1)?.label).toContain(anchor);
  });

  it('spirometry, vital-signs, edss, survival-status, demographics, dosing, con-meds, dlt-assessment', () => {
    expect(itemIds('spirometry')).toEqual(expect.arrayContaining(['fvcL', 'fev1L', 'svcL']));
    expect(itemIds('vital-signs')).toEqual([
      'heartRate',
      'systolicBp',
      'diastolicBp',
      'respiratoryRate',
      'temperatureC',
      'weightKg',
      'heightCm',
    ]);
    expect(itemIds('edss')).toEqual([...Object.keys(EDSS_FUNCTIONAL_SYSTEMS), 'ambulation']);
    expect(itemIds('survival-status')).toEqual(
      expect.arrayContaining([
        'vitalStatus',
        'deathDate',
        'tracheostomy',
        'tracheostomyDate',
        'permanentVentilation',
        'permanentVentilationDate',
      ]),
    );
    expect(itemIds('demographics')).toEqual([
      'sex',
      'birthDate',
      'ethnicity',
      'symptomOnsetDate',
      'diagnosisDate',
      'onsetRegion',
    ]);
    expect(itemIds('dosing')).toEqual(
      expect.arrayContaining([
        'administeredAt',
        'doseLevel',
        'plannedDose',
        'actualDose',
        'doseUnit',
        'volumeMl',
        'lot',
        'route',
        'administeredBy',
      ]),
    );
    expect(itemIds('con-meds')).toEqual([
      'medication',
      'indication',
      'dose',
      'doseUnit',
      'route',
      'frequency',
      'startDate',
      'ongoing',
      'endDate',
    ]);
    expect(itemIds('dlt-assessment')).toEqual(['evaluable', 'dlt', 'notes']);
    expect(findFormDefinition('con-meds')?.kind).toBe('log');
    expect(findFormDefinition('adverse-events')?.kind).toBe('log');
  });

  it('labs: one quantity item per quantitative catalogue test, id = code, units = the catalogue units', () => {
    const labs = formItems(findFormDefinition('labs')!).filter((item) => item.type === 'quantity');
    expect(labs.map((item) => item.id)).toEqual(
      expect.arrayContaining([
        'hemoglobin',
        'wbc',
        'neutrophils',
        'sodium',
        'creatinine',
        'alt',
        'ast',
        'albumin',
      ]),
    );
    for (const item of labs) {
      const test = findLabTest(item.id);
      expect(test?.kind, item.id).toBe('quantitative');
      expect(item.labTest).toBe(item.id);
      expect(item.units).toEqual(test?.kind === 'quantitative' ? test.units.map((unit) => unit.unit) : []);
    }
  });

  it('viral-serology: coded items named by catalogue code with the catalogue results', () => {
    const serology = formItems(findFormDefinition('viral-serology')!).filter(
      (item) => item.type === 'choice',
    );
    expect(serology.map((item) => item.id)).toEqual(
      expect.arrayContaining(['hbsag', 'anti-hcv', 'hiv-ag-ab']),
    );
    for (const item of serology) {
      expect(item.choices?.map((choice) => choice.value).sort()).toEqual([
        'indeterminate',
        'negative',
        'positive',
      ]);
    }
  });

  it('eligibility links to the screening record', () => {
    expect(findFormDefinition('eligibility')?.linkedRecord).toBe('screening-record');
  });
});
