import { ctcaeAlgorithm, type Protocol } from '@celltrial/core';
import { describe, expect, it } from 'vitest';
import { seedProtocol } from '../../testing/test-protocol.js';
import { labCandidates } from './lab-ae-proposals.js';
import { escapeHtml } from './sae-report-html.js';
import { aeProceduresOf } from './safety-support.js';

describe('aeProceduresOf', () => {
  it('lists protocol procedures, then the procedure each route implies, once', () => {
    expect(aeProceduresOf(seedProtocol('nct04821479.yaml')).map((p) => `${p.origin}:${p.id}`)).toEqual([
      'protocol:bone-marrow-aspiration',
      'route:lumbar-puncture',
    ]);
    // Exosomes and placebo are both intranasal: one nasal-administration entry.
    expect(aeProceduresOf(seedProtocol('nct06598202.yaml')).map((p) => p.id)).toEqual([
      'nasal-administration',
    ]);
    expect(aeProceduresOf(seedProtocol('nct06360861.yaml')).map((p) => p.id)).toEqual([
      'intravenous-infusion',
    ]);
  });
});

describe('labCandidates', () => {
  const safety: Protocol['safety'] = { ctcaeVersion: 'v5.0', aeGradeThreshold: 3 };
  const graded = (code: string, grade: number, version = 'v5.0') => ({
    [`${code}.ctcaeGrade`]: { value: grade, algorithm: ctcaeAlgorithm(version) },
    [`${code}.ctcaeTerm`]: { value: `${code} term`, algorithm: ctcaeAlgorithm(version) },
  });

  it('keeps grades at or above the threshold, graded with the protocol version, with the entered value', () => {
    const out = labCandidates({
      values: {
        platelets: { value: 40, unit: '10*9/L' },
        neutrophils: { value: 1.2, unit: '10*9/L' },
        alt: { value: 500, unit: 'U/L' },
      },
      derived: { ...graded('platelets', 3), ...graded('neutrophils', 2), ...graded('alt', 4, 'v4.0') },
      safety,
    });
    expect(out).toEqual([
      {
        test: 'platelets',
        value: 40,
        unit: '10*9/L',
        grade: 3,
        ctcaeTerm: 'platelets term',
        reason: 'platelets term grade 3 ≥ protocol AE threshold 3 (platelets 40 10*9/L, CTCAE v5.0)',
      },
    ]);
  });

  it('proposes nothing for grade 0 even with threshold 1', () => {
    const out = labCandidates({
      values: { sodium: { value: 140, unit: 'mmol/L' } },
      derived: graded('sodium', 0),
      safety: { ...safety, aeGradeThreshold: 1 },
    });
    expect(out).toEqual([]);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a> ×10^6`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt; ×10^6',
    );
  });
});
