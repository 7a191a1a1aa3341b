/**
 * A number for explanations: at most three decimals, trailing zeros dropped; a non-integer that would print as an
 * integer keeps up to six decimals (2.0001 → "2.0001", never "2"). Display only; never used to decide.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) {
    return String(value);
  }
  const short = Number(value.toFixed(3));
  return String(Number.isInteger(short) ? Number(value.toFixed(6)) : short);
}
