import { describe, expect, it } from 'vitest';
import type { FormCheck, FormDefinition, FormItem } from './form-types.js';
import { validateFormDefinition } from './validate-form-definition.js';

const BASE: FormDefinition = {
  id: 'demo',
  name: 'Demo',
  version: 'demo@1',
  kind: 'visit',
  sections: [
    {
      id: 'main',
      title: 'Main',
      items: [
        { id: 'done', label: 'Done', type: 'boolean', required: true },
        { id: 'start', label: 'Start', type: 'date', showWhen: { item: 'done', equals: true } },
        { id: 'end', label: 'End', type: 'date' },
        { id: 'count', label: 'Count', type: 'integer', min: 0, max: 10 },
        { id: 'kind', label: 'Kind', type: 'choice', choices: [{ value: 'a', label: 'A' }] },
      ],
    },
  ],
  checks: [
    {
      id: 'order',
      severity: 'error',
      message: 'end before start',
      items: ['end', 'start'],
      assert: { compare: ['end', '>=', 'start'] },
    },
  ],
};

function withItems(items: FormItem[]): FormDefinition {
  return { ...BASE, sections: [{ id: 'main', title: 'Main', items }] };
}

function withCheck(check: FormCheck): FormDefinition {
  return { ...BASE, checks: [check] };
}

function rules(definition: FormDefinition): string[] {
  const result = validateFormDefinition(definition);
  return result.kind === 'ok' ? [] : result.problems.map((p) => `${p.path}:${p.rule}`);
}

const items = BASE.sections[0]?.items ?? [];

describe('validateFormDefinition', () => {
  it('accepts a consistent definition', () => {
    expect(validateFormDefinition(BASE)).toEqual({ kind: 'ok' });
  });

  it('refuses a bad id, version and empty sections', () => {
    expect(rules({ ...BASE, id: 'Demo Form', version: 'Demo Form@1' })).toEqual(['id:form-id']);
    expect(rules({ ...BASE, version: 'demo@0' })).toEqual(['version:form-version']);
    expect(rules({ ...BASE, sections: [], checks: [] })).toEqual(['sections:sections-non-empty']);
  });

  it('refuses duplicate item ids and empty choice lists', () => {
    expect(rules(withItems([...items, { id: 'count', label: 'Again', type: 'text' }]))).toContain(
      'sections.0.items.5.id:unique-item-id',
    );
    expect(rules(withItems([...items, { id: 'x', label: 'X', type: 'choice', choices: [] }]))).toEqual([
      'sections.0.items.5.choices:choices-non-empty',
      'sections.0.items.5.choices:choices-non-empty',
    ]);
    expect(rules(withItems([...items, { id: 'x', label: 'X', type: 'choice' }]))).toEqual([
      'sections.0.items.5.choices:choices-non-empty',
    ]);
  });

  it('refuses attributes that do not fit the item type', () => {
    const bad: FormItem[] = [
      { id: 'a', label: 'A', type: 'text', min: 1 },
      { id: 'b', label: 'B', type: 'integer', decimals: 2 },
      { id: 'c', label: 'C', type: 'decimal', min: 5, max: 1 },
      { id: 'd', label: 'D', type: 'boolean', choices: [{ value: 'x', label: 'X' }] },
      { id: 'e', label: 'E', type: 'integer', choices: [{ value: 1.5, label: 'half' }] },
    ];
    expect(rules(withItems([...items, ...bad]))).toEqual([
      'sections.0.items.5.min:numeric-only',
      'sections.0.items.6.decimals:decimals',
      'sections.0.items.7.min:min-not-above-max',
      'sections.0.items.8.choices:choices-type',
      'sections.0.items.9.choices.0:integer-choice',
    ]);
  });

  it('refuses lab items whose test or units are not in the catalogue', () => {
    const bad: FormItem[] = [
      { id: 'alt', label: 'ALT', type: 'quantity', labTest: 'alt', units: ['U/L', 'mg/dL'] },
      { id: 'x', label: 'X', type: 'quantity', labTest: 'unobtainium', units: ['U/L'] },
      { id: 'hbsag', label: 'HBsAg', type: 'quantity', labTest: 'hbsag', units: ['U/L'] },
      { id: 'y', label: 'Y', type: 'quantity' },
    ];
    expect(rules(withItems([...items, ...bad]))).toEqual([
      'sections.0.items.5.units:unit-of-test',
      'sections.0.items.6.labTest:known-test',
      'sections.0.items.7.labTest:lab-item-type',
      'sections.0.items.8.units:units-non-empty',
    ]);
  });

  it('requires skip conditions to name an earlier item with a valid value', () => {
    const later: FormItem = { id: 'x', label: 'X', type: 'text', showWhen: { item: 'y', equals: 'a' } };
    const wrongValue: FormItem = {
      id: 'z',
      label: 'Z',
      type: 'text',
      showWhen: { item: 'kind', equals: 'b' },
    };
    const self: FormItem = { id: 'w', label: 'W', type: 'text', showWhen: { item: 'w', present: true } };
    const empty: FormItem = { id: 'v', label: 'V', type: 'text', showWhen: { any: [] } };
    expect(
      rules(withItems([...items, later, { id: 'y', label: 'Y', type: 'text' }, wrongValue, self, empty])),
    ).toEqual([
      'sections.0.items.5.showWhen.item:condition-item',
      'sections.0.items.7.showWhen:condition-value',
      'sections.0.items.8.showWhen.item:condition-item',
      'sections.0.items.9.showWhen:condition-non-empty',
    ]);
  });

  it('requires checks to reference existing, comparable items', () => {
    const base = { id: 'c', severity: 'warning', message: 'm' } as const;
    expect(rules(withCheck({ ...base, items: ['nope'], assert: { compare: ['nope', '<', 3] } }))).toEqual([
      'checks.0.items:check-item',
      'checks.0.assert.compare.0:check-item',
    ]);
    expect(
      rules(withCheck({ ...base, items: ['count'], assert: { compare: ['count', '<', 'start'] } })),
    ).toEqual(['checks.0.assert.compare:comparable']);
    expect(
      rules(
        withCheck({
          ...base,
          items: ['start'],
          assert: { compare: ['start', '<=', 'context.assessmentDate'] },
        }),
      ),
    ).toEqual([]);
    expect(
      rules(
        withCheck({ ...base, items: ['start'], assert: { compare: ['start', '<=', 'context.heightCm'] } }),
      ),
    ).toEqual(['checks.0.assert.compare:comparable']);
    expect(
      rules(withCheck({ ...base, items: ['kind'], assert: { compare: ['kind', '==', 'kind'] } })),
    ).toEqual(['checks.0.assert.compare:comparable']);
    expect(rules(withCheck({ ...base, items: [], assert: { atMostOneOf: ['count'] } }))).toEqual([
      'checks.0.items:check-items',
      'checks.0.assert:group-size',
    ]);
    expect(
      rules(
        withCheck({
          ...base,
          severity: 'incomplete',
          items: ['count'],
          assert: { compare: ['count', '<', 3] },
        }),
      ),
    ).toEqual(['checks.0.severity:incomplete-assertion']);
    expect(rules({ ...BASE, checks: [BASE.checks[0]!, BASE.checks[0]!] })).toEqual([
      'checks.1.id:unique-check-id',
    ]);
  });

  it('refuses derived ids that shadow an item or repeat', () => {
    const derivedItems = [
      { id: 'count', label: 'Count again' },
      { id: 'total', label: 'Total' },
      { id: 'total', label: 'Total' },
    ];
    expect(rules({ ...BASE, derivedItems })).toEqual([
      'derivedItems.0.id:unique-derived-id',
      'derivedItems.2.id:unique-derived-id',
    ]);
  });
});
