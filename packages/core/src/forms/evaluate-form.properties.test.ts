import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormEntry, formItems } from './evaluate-form.js';
import type { FormContext, FormDefinition, FormItem } from './form-types.js';
import { isAbsent } from './form-values.js';
import { FORM_LIBRARY, findFormDefinition } from './library/form-library.js';

const libraryAlsfrs = findFormDefinition('alsfrs-r')!;

/** Values that are often valid for the item (so derivations and checks run), mixed with arbitrary JSON. */
function valueFor(item: FormItem): fc.Arbitrary<unknown> {
  const plausible: fc.Arbitrary<unknown>[] = [];
  const min = item.min ?? -1000;
  const max = item.max ?? 1e7;
  switch (item.type) {
    case 'integer':
      plausible.push(fc.integer({ min: Math.ceil(min) - 1, max: Math.floor(max) + 1 }));
      break;
    case 'decimal':
      plausible.push(
        fc.double({ min: min - 1, max: max + 1, noNaN: true }),
        fc
          .integer({ min: Math.ceil(min * 100), max: Math.floor(Math.min(max, 1e6) * 100) })
          .map((n) => n / 100),
      );
      break;
    case 'date':
      plausible.push(fc.constantFrom('2024-02-29', '2025-02-29', '2025-06-15', '1899-12-31', '2025-6-1'));
      break;
    case 'datetime':
      plausible.push(fc.constantFrom('2025-06-15T10:30', '2025-06-15T24:00', '2025-06-15'));
      break;
    case 'boolean':
      plausible.push(fc.boolean());
      break;
    case 'text':
      plausible.push(fc.string({ maxLength: 30 }));
      break;
    case 'choice':
      break;
    case 'quantity':
      plausible.push(
        fc.record({
          value: fc.oneof(
            fc.double({ min: -1, max: 1e4, noNaN: true }),
            fc.constant(Number.POSITIVE_INFINITY),
          ),
          unit: fc.constantFrom(...(item.units ?? []), 'mg/dl', 'IU/L', 'parsecs'),
        }),
      );
      break;
  }
  if (item.choices !== undefined && item.choices.length > 0) {
    plausible.push(fc.constantFrom(...item.choices.map((choice) => choice.value)));
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(...plausible) },
    { weight: 1, arbitrary: fc.jsonValue() },
    fc.constant(undefined),
  );
}

function entryFor(definition: FormDefinition): fc.Arbitrary<Record<string, unknown>> {
  const items = formItems(definition);
  const known = fc.record(Object.fromEntries(items.map((item) => [item.id, valueFor(item)])), {
    requiredKeys: [],
  });
  const unknown = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue(), { maxKeys: 2 });
  return fc.tuple(known, unknown).map(([a, b]) => ({ ...b, ...a }));
}

const context: fc.Arbitrary<FormContext> = fc.record(
  {
    sex: fc.constantFrom('male', 'female'),
    ageYears: fc.integer({ min: 18, max: 90 }),
    heightCm: fc.integer({ min: 140, max: 200 }),
    ethnicity: fc.constantFrom('caucasian', 'african-american', 'other'),
    symptomOnsetDate: fc.constantFrom('2023-01-15', '2026-01-01'),
    assessmentDate: fc.constantFrom('2025-06-15'),
    ctcaeVersion: fc.constantFrom('v4.0', 'v5.0'),
    labRanges: fc.constant([
      { test: 'alt', unit: 'U/L', lln: 7, uln: 40 },
      { test: 'hemoglobin', unit: 'g/L', lln: 120, uln: 160 },
    ] as const),
    labBaseline: fc.constant({ alt: 0.4 }),
  },
  { requiredKeys: [] },
);

const case_ = fc
  .constantFrom(...FORM_LIBRARY)
  .chain((definition) => fc.tuple(fc.constant(definition), entryFor(definition), context));

describe('evaluateFormEntry invariants (property)', () => {
  it('never mutates its input, never throws, and keeps every accepted number exactly as entered', () => {
    fc.assert(
      fc.property(case_, ([definition, values, ctx]) => {
        const before = structuredClone({ values, ctx });
        const result = evaluateFormEntry(definition, { values, context: ctx });
        expect({ values, ctx }).toEqual(before);
        for (const [id, accepted] of Object.entries(result.values)) {
          const entered = values[id];
          if (typeof accepted === 'object') {
            expect(accepted.value).toBe((entered as { value: unknown }).value);
          } else {
            expect(accepted).toBe(entered);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('accepts each entered value or names it in an issue; every issue names a real item or the unknown key', () => {
    fc.assert(
      fc.property(case_, ([definition, values, ctx]) => {
        const result = evaluateFormEntry(definition, { values, context: ctx });
        const ids = new Set(formItems(definition).map((item) => item.id));
        const named = new Set(result.errors.map((issue) => issue.item));
        for (const [key, value] of Object.entries(values)) {
          if (!isAbsent(value)) {
            expect(key in result.values || named.has(key), key).toBe(true);
          }
        }
        for (const issue of [...result.errors, ...result.warnings]) {
          expect(ids.has(issue.item) || (issue.rule === 'unknown-item' && !ids.has(issue.item))).toBe(true);
          expect(issue.message.length).toBeGreaterThan(0);
        }
        for (const id of result.missing) {
          expect(ids.has(id)).toBe(true);
          expect(result.values).not.toHaveProperty(id);
        }
        expect(result.complete).toBe(result.errors.length === 0 && result.missing.length === 0);
      }),
      { numRuns: 400 },
    );
  });

  it('derives only declared values', () => {
    fc.assert(
      fc.property(case_, ([definition, values, ctx]) => {
        const declared = new Set((definition.derivedItems ?? []).map((derived) => derived.id));
        const result = evaluateFormEntry(definition, { values, context: ctx });
        for (const id of Object.keys(result.derived)) {
          expect(declared.has(id), `${definition.id}: ${id}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('ALSFRS-R mapping (property)', () => {
  it('scores every complete valid entry: total = sum of the 12 shown items, subscores add up', () => {
    const score = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(fc.array(score, { minLength: 12, maxLength: 12 }), fc.boolean(), (scores, gastrostomy) => {
        const values: Record<string, unknown> = { gastrostomy };
        scores.forEach((value, index) => {
          const n = index + 1;
          const item5 = gastrostomy ? 'q5b' : 'q5a';
          values[n === 5 ? item5 : `q${n}`] = value;
        });
        const result = evaluateFormEntry(libraryAlsfrs, { values, context: {} });
        expect(result.complete).toBe(true);
        const derived = (id: string) => result.derived[id]?.value as number;
        expect(derived('total')).toBe(scores.reduce((a, b) => a + b, 0));
        expect(
          derived('bulbar') + derived('fineMotor') + derived('grossMotor') + derived('respiratory'),
        ).toBe(derived('total'));
      }),
    );
  });
});
