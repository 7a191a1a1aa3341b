import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CTCAE_LAB_TERMS } from '../labs/ctcae-terms.js';
import { findCtcaeTerm, searchCtcaeTerms } from './ctcae-term-search.js';
import { CTCAE_SOCS, CTCAE_V5_TERMS } from './ctcae-v5-terms.js';
import { compareTermText, normalizeTermText } from './term-text.js';

describe('CTCAE_V5_TERMS', () => {
  it('is a subset of 150–250 terms, each once, sorted, each in a known SOC', () => {
    expect(CTCAE_V5_TERMS.length).toBeGreaterThanOrEqual(150);
    expect(CTCAE_V5_TERMS.length).toBeLessThanOrEqual(250);
    const names = CTCAE_V5_TERMS.map((entry) => normalizeTermText(entry.term));
    expect(new Set(names).size).toBe(names.length);
    expect([...CTCAE_V5_TERMS].sort((a, b) => compareTermText(a.term, b.term))).toEqual(CTCAE_V5_TERMS);
    for (const entry of CTCAE_V5_TERMS) {
      expect(CTCAE_SOCS as readonly string[]).toContain(entry.soc);
      expect(entry.term).toBe(entry.term.trim());
    }
  });

  it('contains every laboratory term graded by labs/', () => {
    for (const term of CTCAE_LAB_TERMS) {
      expect(findCtcaeTerm(term)?.term).toBe(term);
    }
  });

  it('files the terms of the brief under their CTCAE v5.0 SOC', () => {
    const expected: [string, string][] = [
      ['Headache', 'Nervous system disorders'],
      ['Back pain', 'Musculoskeletal and connective tissue disorders'],
      ['Fever', 'General disorders and administration site conditions'],
      ['Injection site reaction', 'General disorders and administration site conditions'],
      ['Meningismus', 'Nervous system disorders'],
      ['Nausea', 'Gastrointestinal disorders'],
      ['Vomiting', 'Gastrointestinal disorders'],
      ['Dizziness', 'Nervous system disorders'],
      ['Fatigue', 'General disorders and administration site conditions'],
      ['Infusion related reaction', 'Injury, poisoning and procedural complications'],
      ['Allergic reaction', 'Immune system disorders'],
      ['Anaphylaxis', 'Immune system disorders'],
      ['Cerebrospinal fluid leakage', 'Nervous system disorders'],
      ['Epistaxis', 'Respiratory, thoracic and mediastinal disorders'],
      ['Nasal congestion', 'Respiratory, thoracic and mediastinal disorders'],
      ['Sinusitis', 'Infections and infestations'],
      ['Anemia', 'Blood and lymphatic system disorders'],
    ];
    for (const [term, soc] of expected) {
      expect(findCtcaeTerm(term)).toEqual({ term, soc });
    }
  });
});

describe('searchCtcaeTerms', () => {
  it('ranks exact, then prefix, then word prefix, then substring', () => {
    const hits = searchCtcaeTerms('pain');
    expect(hits.slice(0, 3).map((hit) => [hit.term, hit.match])).toEqual([
      ['Pain', 'exact'],
      ['Pain in extremity', 'prefix'],
      ['Pain of skin', 'prefix'],
    ]);
    expect(hits.find((hit) => hit.term === 'Back pain')?.match).toBe('word-prefix');
    const matches = hits.map((hit) => hit.match);
    const order = ['exact', 'prefix', 'word-prefix', 'substring'];
    expect([...matches].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(matches);
  });

  it('ignores case and extra whitespace; finds words after hyphens', () => {
    expect(searchCtcaeTerms('  HEAD ')[0]).toEqual({
      term: 'Headache',
      soc: 'Nervous system disorders',
      match: 'prefix',
    });
    expect(searchCtcaeTerms('cardiac').map((hit) => hit.term)).toContain('Chest pain - cardiac');
    expect(searchCtcaeTerms('barre')[0]?.term).toBe('Guillain-Barre syndrome');
    expect(searchCtcaeTerms('ache').map((hit) => [hit.term, hit.match])).toEqual([
      ['Headache', 'substring'],
      ['Toothache', 'substring'],
    ]);
  });

  it('finds nothing for an empty query and honours the limit', () => {
    expect(searchCtcaeTerms('   ')).toEqual([]);
    expect(searchCtcaeTerms('a', { limit: 5 })).toHaveLength(5);
    expect(searchCtcaeTerms('zzz')).toEqual([]);
  });

  it('every hit contains the query, and every term containing it is a hit (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CTCAE_V5_TERMS), fc.nat(), fc.nat(), (entry, a, b) => {
        const text = normalizeTermText(entry.term);
        const start = a % text.length;
        const query = text.slice(start, start + 1 + (b % 6));
        fc.pre(query.trim() !== '');
        const hits = searchCtcaeTerms(query);
        expect(hits.map((hit) => hit.term)).toContain(entry.term);
        const expected = CTCAE_V5_TERMS.filter((candidate) =>
          normalizeTermText(candidate.term).includes(normalizeTermText(query)),
        );
        expect(hits).toHaveLength(expected.length);
      }),
    );
  });
});
