/**
 * Unit conversions for vital signs. Exact definitions: 1 lb = 0.45359237 kg (international pound, 1959),
 * 1 in = 2.54 cm (international inch, 1959), °C = (°F − 32) × 5/9. No rounding: round only for display.
 */

/** Kilograms in one international avoirdupois pound (exact). */
export const KG_PER_LB = 0.45359237;
/** Centimetres in one international inch (exact). */
export const CM_PER_IN = 2.54;

/** Pounds → kilograms. */
export function poundsToKilograms(lb: number): number {
  return lb * KG_PER_LB;
}

/** Kilograms → pounds. */
export function kilogramsToPounds(kg: number): number {
  return kg / KG_PER_LB;
}

/** Inches → centimetres. */
export function inchesToCentimetres(inches: number): number {
  return inches * CM_PER_IN;
}

/** Centimetres → inches. */
export function centimetresToInches(cm: number): number {
  return cm / CM_PER_IN;
}

/** Degrees Fahrenheit → degrees Celsius. */
export function fahrenheitToCelsius(f: number): number {
  return ((f - 32) * 5) / 9;
}

/** Degrees Celsius → degrees Fahrenheit. */
export function celsiusToFahrenheit(c: number): number {
  return (c * 9) / 5 + 32;
}
