import type { FormDefinition } from '@celltrial/core';
import { describe, expect, it } from 'vitest';
import {
  changedItemIds,
  displayValue,
  draftFromValues,
  draftToValues,
  parseNumberText,
} from './form-draft.js';

const DEFINITION: FormDefinition = {
  id: 'test-form',
  name: 'Test form',
  version: 'test-form@1',
  kind: 'visit',
  sections: [
    {
      id: 'all',
      title: 'All types',
      items: [
        { id: 'count', label: 'Count', type: 'integer' },
        { id: 'weight', label: 'Weight', type: 'decimal', unit: 'kg' },
        { id: 'note', label: 'Note', type: 'text' },
        { id: 'day', label: 'Day', type: 'date' },
        { id: 'when', label: 'When', type: 'datetime' },
        { id: 'flag', label: 'Flag', type: 'boolean' },
        {
          id: 'score',
          label: 'Score',
          type: 'integer',
          choices: [
            { value: 0, label: '0 – none' },
            { value: 4, label: '4 – normal' },
          ],
        },
        { id: 'route', label: 'Route', type: 'choice', choices: [{ value: 'oral', label: 'Oral' }] },
        { id: 'glucose', label: 'Glucose', type: 'quantity', units: ['mmol/L', 'mg/dL'] },
      ],
    },
  ],
  checks: [],
};

const VALUES = {
  count: 3,
  weight: 70.25,
  note: 'seen',
  day: '2026-03-02',
  when: '2026-03-02T09:30',
  flag: false,
  score: 4,
  route: 'oral',
  glucose: { value: 5.4, unit: 'mg/dL' },
};

describe('form draft', () => {
  it('round-trips every item type through the inputs without changing a value', () => {
    const draft = draftFromValues(DEFINITION, VALUES);
    expect(draft.text['flag']).toBe('false');
    expect(draft.text['score']).toBe('4');
    expect(draft.units['glucose']).toBe('mg/dL');
    expect(draftToValues(DEFINITION, draft)).toEqual(VALUES);
  });

  it('leaves empty inputs out (a cleared value is absent) and starts quantities in the first unit', () => {
    const draft = draftFromValues(DEFINITION, {});
    expect(draft.units['glucose']).toBe('mmol/L');
    expect(draftToValues(DEFINITION, draft)).toEqual({});
    const cleared = {
      ...draftFromValues(DEFINITION, VALUES),
      text: { ...draftFromValues(DEFINITION, VALUES).text, note: '  ' },
    };
    expect(draftToValues(DEFINITION, cleared)).not.toHaveProperty('note');
  });

  it('sends text that is not a number as text, so the engine names the item and rule', () => {
    expect(parseNumberText(' 1.50 ')).toBe(1.5);
    expect(parseNumberText('-2e3')).toBe(-2000);
    expect(parseNumberText('1,5')).toBe('1,5');
    expect(parseNumberText('abc')).toBe('abc');
    const draft = draftFromValues(DEFINITION, {});
    const typed = { ...draft, text: { ...draft.text, count: 'three', glucose: '5,4' } };
    expect(draftToValues(DEFINITION, typed)).toEqual({
      count: 'three',
      glucose: { value: '5,4', unit: 'mmol/L' },
    });
  });

  it('keeps only the items asked for', () => {
    const draft = draftFromValues(DEFINITION, VALUES);
    expect(Object.keys(draftToValues(DEFINITION, draft, (id) => id === 'note'))).toEqual(['note']);
  });

  it('shows stored values for people', () => {
    const [score, glucose] = [DEFINITION.sections[0]?.items[6], DEFINITION.sections[0]?.items[8]];
    expect(displayValue(score, 4)).toBe('4 – normal');
    expect(displayValue(glucose, { value: 5.4, unit: 'mg/dL' })).toBe('5.4 mg/dL');
    expect(displayValue(undefined, true)).toBe('Yes');
    expect(displayValue(undefined, undefined)).toBe('—');
  });

  it('compares value maps regardless of key order and lists changed items in form order', () => {
    expect(changedItemIds(DEFINITION, VALUES, { ...VALUES, note: 'changed', count: undefined })).toEqual([
      'count',
      'note',
    ]);
  });
});
