// Guesses an endpoint's measure from the outcome title, only when the title names one known measure
// unambiguously (docs/registry-import.md, "Outcomes"). Anything else becomes `other:<slug of the title>`.
import type { ProtocolKnownMeasure, ProtocolMeasure } from '@celltrial/core';
import { slugify } from './draft-ids.js';

/** Title patterns of the measures the importer recognises, most specific first. */
const MEASURE_PATTERNS: readonly (readonly [ProtocolKnownMeasure, RegExp])[] = [
  ['alsfrs-r', /\bALS-?FRS(?:-?R|r)?\b|\bALS functional rating scale/i],
  ['cafs', /\bCAFS\b|combined assessment of function and survival/i],
  ['fvc', /\bFVC\b|forced vital capacity/i],
  ['svc', /\bSVC\b|slow vital capacity/i],
  ['edss', /\bEDSS\b|expanded disability status scale/i],
  ['dose-limiting-toxicity', /dose[- ]limiting toxicit/i],
  [
    'adverse-events',
    /adverse (?:events?|reactions?|effects?)|\bT?E?SAEs?\b|\bAEs?\b|\bTEAEs?\b|side[- ]effects?|\bCTCAE\b/i,
  ],
  ['tracheostomy-free-survival', /tracheostomy[- ]free survival/i],
  // Plain survival only: "progression-free survival" and the like are other measures.
  ['survival', /^(?!.*\b[a-z]+-free survival).*\b(?:overall )?survival\b/i],
];

/** Words left out of `other:` slugs so the slug keeps the informative ones. */
const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/** What the title says about the measure: a known measure, or `other:` with the slug of the title. */
export interface MeasureGuess {
  measure: ProtocolMeasure;
  /** true when exactly one known measure matched the title. */
  known: boolean;
  /** Known measures that matched when more than one did (the guess is then `other:`). */
  candidates: ProtocolKnownMeasure[];
}

/** Guesses the measure of an outcome from its title. */
export function guessMeasure(title: string): MeasureGuess {
  const matched = MEASURE_PATTERNS.filter(([, pattern]) => pattern.test(title)).map(([measure]) => measure);
  // Tracheostomy-free survival also matches the plain-survival pattern's word "survival": keep the specific one.
  const candidates = matched.includes('tracheostomy-free-survival')
    ? matched.filter((measure) => measure !== 'survival')
    : matched;
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) {
    return { measure: only, known: true, candidates: [] };
  }
  const words = title.split(/\s+/).filter((word) => !MINOR_WORDS.has(word.toLowerCase()));
  const slug = slugify(words.join(' '), 40) || 'outcome';
  return { measure: `other:${slug}`, known: false, candidates: candidates.length > 1 ? candidates : [] };
}
