// Exact arithmetic on numbers as they are written (their shortest round-trip decimal form), so that
// 1×10^6 cells/kg × 72.3 kg is 72 300 000 cells and not 72 299 999.99999999, and a prepared dose exactly 20 %
// above target is "within ±20 %". Values are held as an integer significand (BigInt) and a power of ten.

/** significand × 10^exponent, exactly. */
export interface ExactDecimal {
  readonly significand: bigint;
  readonly exponent: number;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** The exact decimal a finite number prints as (String(value)); throws on NaN or ±Infinity. */
export function toExactDecimal(value: number): ExactDecimal {
  if (!Number.isFinite(value)) {
    throw new RangeError(`not a finite number: ${value}`);
  }
  const match = NUMBER_TEXT.exec(String(value));
  if (match === null) {
    throw new RangeError(`unexpected number text: ${String(value)}`);
  }
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const significand = BigInt(`${sign}${whole}${fraction}`);
  return { significand, exponent: Number(exponent) - fraction.length };
}

/** The nearest double to an exact decimal. */
export function fromExactDecimal(value: ExactDecimal): number {
  return Number(`${value.significand}e${value.exponent}`);
}

export function multiplyExact(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return { significand: a.significand * b.significand, exponent: a.exponent + b.exponent };
}

function align(a: ExactDecimal, b: ExactDecimal): [bigint, bigint] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [
    a.significand * 10n ** BigInt(a.exponent - exponent),
    b.significand * 10n ** BigInt(b.exponent - exponent),
  ];
}

export function subtractExact(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const [left, right] = align(a, b);
  return { significand: left - right, exponent: Math.min(a.exponent, b.exponent) };
}

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function compareExact(a: ExactDecimal, b: ExactDecimal): number {
  const [left, right] = align(a, b);
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

export function absExact(value: ExactDecimal): ExactDecimal {
  return value.significand < 0n ? { significand: -value.significand, exponent: value.exponent } : value;
}

/** a × b computed exactly from the numbers as written, rounded once to the nearest double. */
export function exactProduct(a: number, b: number): number {
  return fromExactDecimal(multiplyExact(toExactDecimal(a), toExactDecimal(b)));
}

/** A dose amount for people: 72300000 → "7.23×10^7"; small amounts stay as written. */
export function formatAmount(value: number): string {
  if (Math.abs(value) < 1e5) {
    return String(value);
  }
  const [mantissa, exponent] = value.toExponential().split('e');
  return `${mantissa}×10^${Number(exponent)}`;
}
