import { CTCAE_V5_TERMS, type CtcaeTermEntry } from './ctcae-v5-terms.js';
import { compareTermText, normalizeTermText } from './term-text.js';

/** How a term matched a search: the whole term, its start, the start of a later word, or anywhere inside. */
export type CtcaeTermMatch = 'exact' | 'prefix' | 'word-prefix' | 'substring';

/** One search hit, best first. */
export interface CtcaeTermHit extends CtcaeTermEntry {
  readonly match: CtcaeTermMatch;
}

const MATCH_RANK: Readonly<Record<CtcaeTermMatch, number>> = {
  exact: 0,
  prefix: 1,
  'word-prefix': 2,
  substring: 3,
};

function matchOf(term: string, query: string): CtcaeTermMatch | null {
  const text = normalizeTermText(term);
  if (text === query) {
    return 'exact';
  }
  if (text.startsWith(query)) {
    return 'prefix';
  }
  // Word starts: after a space, a hyphen or a parenthesis ("Chest pain - cardiac", "Guillain-Barre").
  if (text.split(/[\s\-(]+/).some((word, index) => index > 0 && word.startsWith(query))) {
    return 'word-prefix';
  }
  return text.includes(query) ? 'substring' : null;
}

/**
 * Terms matching a query, ranked: exact, then prefix of the term, then prefix of a later word, then substring;
 * ties in term order. Case and extra whitespace are ignored; an empty query finds nothing.
 */
export function searchCtcaeTerms(
  query: string,
  options: { readonly limit?: number; readonly terms?: readonly CtcaeTermEntry[] } = {},
): CtcaeTermHit[] {
  const normalized = normalizeTermText(query);
  if (normalized === '') {
    return [];
  }
  const hits: CtcaeTermHit[] = [];
  for (const entry of options.terms ?? CTCAE_V5_TERMS) {
    const match = matchOf(entry.term, normalized);
    if (match !== null) {
      hits.push({ term: entry.term, soc: entry.soc, match });
    }
  }
  hits.sort((a, b) => MATCH_RANK[a.match] - MATCH_RANK[b.match] || compareTermText(a.term, b.term));
  const limit = options.limit;
  return limit === undefined ? hits : hits.slice(0, Math.max(0, limit));
}

/** The entry whose term equals `term` ignoring case and extra whitespace, or undefined. */
export function findCtcaeTerm(
  term: string,
  terms: readonly CtcaeTermEntry[] = CTCAE_V5_TERMS,
): CtcaeTermEntry | undefined {
  const normalized = normalizeTermText(term);
  return terms.find((entry) => normalizeTermText(entry.term) === normalized);
}
