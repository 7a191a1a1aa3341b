// Facts about an intervention that its registry text states in words: route, a per-kg cell dose, the cell
// source and whether it is a placebo or sham. Each is taken only when the text names exactly one
// candidate; otherwise the mapper leaves a TODO.
import type { ProtocolRoute } from '@celltrial/core';

const ROUTE_PATTERNS: readonly (readonly [ProtocolRoute, RegExp])[] = [
  ['intrathecal', /\bintrathecal(?:ly)?\b/i],
  ['intravenous', /\bintravenous(?:ly)?\b|\bi\.v\.|\bIV (?:infusion|injection|bolus)\b/i],
  ['intranasal', /\bintranasal(?:ly)?\b|\bnasal (?:drops?|spray)\b/i],
  ['intramuscular', /\bintramuscular(?:ly)?\b/i],
  ['subcutaneous', /\bsubcutaneous(?:ly)?\b/i],
  ['intracerebroventricular', /\bintracerebroventricular(?:ly)?\b/i],
  [
    'oral',
    /\borally\b|\boral (?:tablets?|capsules?|solution|suspension|administration|dose)\b|\bby mouth\b/i,
  ],
];

/** Routes the text names (none, one, or several when it is ambiguous). */
export function statedRoutes(text: string): ProtocolRoute[] {
  return ROUTE_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([route]) => route);
}

const PER_KG_PATTERNS: readonly RegExp[] = [
  // 1x10^6 cells/kg, 1 × 10^6 MSCs per kg, 2×10e6/kg
  /(\d+(?:\.\d+)?)\s*[x×*]\s*10\s*(?:\^|e)?\s*(\d{1,2})\s*(?:[A-Za-z-]+\s*){0,3}?(?:\/|per)\s*(?:kg|kilogram)\b/gi,
  // 1 million cells per kg
  /(\d+(?:\.\d+)?)\s*(million|billion)\s*(?:[A-Za-z-]+\s*){0,3}?(?:\/|per)\s*(?:kg|kilogram)\b/gi,
];

const WORD_POWERS: Readonly<Record<string, number>> = { million: 6, billion: 9 };

function amountOf(mantissa: string, exponent: string): number {
  const power = WORD_POWERS[exponent.toLowerCase()] ?? Number(exponent);
  return Number(mantissa) * 10 ** power;
}

/** A per-kg cell dose stated in the text (e.g. "1x10^6 MSCs per kg"), when exactly one amount is stated. */
export function statedPerKgCellDose(text: string): number | undefined {
  if (!/\bcells?\b|\bMSCs?\b/i.test(text)) {
    return undefined;
  }
  const amounts = new Set<number>();
  for (const pattern of PER_KG_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      amounts.add(amountOf(match[1] ?? '', match[2] ?? ''));
    }
  }
  const [only] = [...amounts];
  return amounts.size === 1 && only !== undefined && only > 0 ? only : undefined;
}

/** 'autologous' or 'allogeneic' when the text says exactly one of them. */
export function statedCellSource(text: string): 'autologous' | 'allogeneic' | undefined {
  const autologous = /\bautologous\b/i.test(text);
  const allogeneic = /\ballogen(?:e)?ic\b/i.test(text);
  if (autologous === allogeneic) {
    return undefined;
  }
  return autologous ? 'autologous' : 'allogeneic';
}

/** 'placebo' or 'sham' when the intervention's name says so. */
export function dummyRole(name: string): 'placebo' | 'sham' | undefined {
  if (/\bplacebo\b/i.test(name)) {
    return 'placebo';
  }
  return /\bsham\b/i.test(name) ? 'sham' : undefined;
}
