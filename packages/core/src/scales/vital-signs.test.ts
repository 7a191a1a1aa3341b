import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  celsiusToFahrenheit,
  centimetresToInches,
  fahrenheitToCelsius,
  inchesToCentimetres,
  kilogramsToPounds,
  poundsToKilograms,
} from './units.js';
import { computeBmi } from './vital-signs.js';

describe('BMI', () => {
  it('is weight / height² in kg/m²: 70 kg, 175 cm → 22.857142…', () => {
    // 70 / 1.75² = 70 / 3.0625 = 22.857142857
    expect(computeBmi({ weightKg: 70, heightCm: 175 })).toEqual({ kind: 'ok', value: { bmi: 70 / 3.0625 } });
    const result = computeBmi({ weightKg: 70, heightCm: 175 });
    expect(result.kind === 'ok' ? result.value.bmi : Number.NaN).toBeCloseTo(22.857143, 6);
  });

  it('rejects impossible or unit-mistaken values naming the field', () => {
    expect(computeBmi({ weightKg: 154, heightCm: 1.75 })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'heightCm', rule: 'number-in-range' }],
    });
    expect(computeBmi({ weightKg: '70', heightCm: Number.NaN })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'weightKg' }, { path: 'heightCm' }],
    });
  });
});

describe('unit conversions (exact definitions)', () => {
  it('converts known values', () => {
    expect(poundsToKilograms(1)).toBe(0.45359237);
    expect(poundsToKilograms(154)).toBeCloseTo(69.85322498, 8);
    expect(inchesToCentimetres(69)).toBeCloseTo(175.26, 10);
    expect(fahrenheitToCelsius(98.6)).toBeCloseTo(37, 10);
    expect(fahrenheitToCelsius(32)).toBe(0);
    expect(celsiusToFahrenheit(100)).toBe(212);
    expect(celsiusToFahrenheit(-40)).toBe(-40);
  });

  it('round-trips (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (x) => {
        expect(kilogramsToPounds(poundsToKilograms(x))).toBeCloseTo(x, 9);
        expect(centimetresToInches(inchesToCentimetres(x))).toBeCloseTo(x, 9);
        expect(celsiusToFahrenheit(fahrenheitToCelsius(x))).toBeCloseTo(x, 9);
      }),
    );
  });
});
