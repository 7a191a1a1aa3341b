import { describe, expect, it } from 'vitest';
import {
  RELATEDNESS_LEVELS,
  isRelated,
  isRelatedToAnything,
  susarStatus,
  type AdverseEvent,
} from './adverse-event-types.js';
import { CTCAE_V5_TERMS } from './ctcae-v5-terms.js';
import {
  AE_TERM_MAX_LENGTH,
  validateAdverseEvent,
  type AdverseEventInput,
  type AdverseEventValidation,
} from './validate-adverse-event.js';

const context = {
  today: '2026-03-10',
  ctcaeTerms: CTCAE_V5_TERMS,
  procedures: ['lumbar-puncture', 'bone-marrow-aspiration'],
};

/** A post-lumbar-puncture headache, non-serious and resolved. */
const headache: AdverseEventInput = {
  term: '  post-LP   headache ',
  ctcaeTerm: 'headache',
  onsetDate: '2026-03-02',
  resolutionDate: '2026-03-04',
  ongoing: false,
  grade: 2,
  serious: false,
  seriousness: [],
  relatedness: { product: 'unlikely', procedures: { 'lumbar-puncture': 'probable' } },
  actionTaken: 'none',
  outcome: 'recovered',
};

/** Meningitis after an intrathecal dose, serious, ongoing. */
const meningitis: AdverseEventInput = {
  term: 'Bacterial meningitis',
  ctcaeTerm: 'Meningitis',
  onsetDate: '2026-03-05',
  ongoing: true,
  grade: 3,
  serious: true,
  seriousness: ['important-medical-event', 'hospitalisation'],
  relatedness: {
    product: 'possible',
    procedures: { 'lumbar-puncture': 'probable', 'bone-marrow-aspiration': 'not-related' },
  },
  expected: false,
  actionTaken: 'dose-delayed',
  outcome: 'recovering',
  awarenessDate: '2026-03-06',
};

function event(result: AdverseEventValidation): AdverseEvent {
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.event;
}

function rules(input: AdverseEventInput): string[] {
  const result = validateAdverseEvent(input, context);
  return result.kind === 'invalid' ? result.problems.map((p) => `${p.path}:${p.rule}`) : [];
}

describe('validateAdverseEvent', () => {
  it('normalises a non-serious AE: trimmed term, canonical CTCAE spelling and SOC', () => {
    expect(event(validateAdverseEvent(headache, context))).toEqual({
      term: 'post-LP headache',
      ctcaeTerm: 'Headache',
      soc: 'Nervous system disorders',
      onsetDate: '2026-03-02',
      resolutionDate: '2026-03-04',
      ongoing: false,
      grade: 2,
      serious: false,
      seriousness: [],
      relatedness: { product: 'unlikely', procedures: { 'lumbar-puncture': 'probable' } },
      expected: null,
      actionTaken: 'none',
      outcome: 'recovered',
      awarenessDate: null,
    });
  });

  it('accepts a serious AE with causality to the product and every procedure; criteria in a fixed order', () => {
    const result = event(validateAdverseEvent(meningitis, context));
    expect(result.seriousness).toEqual(['hospitalisation', 'important-medical-event']);
    expect(result.soc).toBe('Infections and infestations');
    expect(result.awarenessDate).toBe('2026-03-06');
    expect(susarStatus(result)).toBe('susar');
    expect(isRelatedToAnything(result)).toBe(true);
  });

  it('accepts an AE without a CTCAE term (free text only)', () => {
    const result = event(validateAdverseEvent({ ...headache, ctcaeTerm: null }, context));
    expect(result).toMatchObject({ ctcaeTerm: null, soc: null, term: 'post-LP headache' });
  });

  it('refuses a term outside the dictionary and suggests the closest', () => {
    const result = validateAdverseEvent({ ...headache, ctcaeTerm: 'Headach' }, context);
    expect(result.kind === 'invalid' && result.problems).toEqual([
      {
        path: 'ctcaeTerm',
        rule: 'ctcae-term',
        message: "'Headach' is not in the CTCAE term list (did you mean 'Headache'?)",
      },
    ]);
    expect(rules({ ...headache, ctcaeTerm: 'Post-dural puncture headache' })).toEqual([
      'ctcaeTerm:ctcae-term',
    ]);
  });

  it('requires the fields, each by name', () => {
    expect(rules({})).toEqual([
      'term:required',
      'onsetDate:required',
      'ongoing:required',
      'grade:required',
      'serious:required',
      'actionTaken:required',
      'outcome:required',
    ]);
  });

  it('checks values: dates, grade, vocabularies, length', () => {
    expect(
      rules({
        ...headache,
        term: 'x'.repeat(AE_TERM_MAX_LENGTH + 1),
        onsetDate: '2026-02-30',
        resolutionDate: '2026-03-11',
        grade: 2.5,
        actionTaken: 'stopped',
        outcome: 'better',
      }),
    ).toEqual([
      'term:max-length',
      'onsetDate:iso-date',
      'resolutionDate:not-in-future',
      'grade:integer-1-5',
      'actionTaken:one-of',
      'outcome:one-of',
    ]);
    expect(rules({ ...headache, grade: 0 })).toEqual(['grade:integer-1-5']);
    expect(rules({ ...headache, grade: 6 })).toEqual(['grade:integer-1-5']);
  });

  it('keeps dates in order', () => {
    expect(rules({ ...headache, resolutionDate: '2026-03-01' })).toEqual(['resolutionDate:not-before-onset']);
    expect(rules({ ...meningitis, awarenessDate: '2026-03-04' })).toEqual(['awarenessDate:not-before-onset']);
    expect(
      rules({
        ...headache,
        onsetDate: '2026-03-11',
        resolutionDate: null,
        ongoing: true,
        outcome: 'recovering',
      }),
    ).toEqual(['onsetDate:not-in-future']);
  });

  it('ties seriousness to the serious flag', () => {
    expect(rules({ ...meningitis, seriousness: [] })).toEqual(['seriousness:required-when-serious']);
    expect(rules({ ...headache, seriousness: ['hospitalisation'] })).toEqual([
      'seriousness:only-when-serious',
    ]);
    expect(rules({ ...meningitis, seriousness: ['hospitalisation', 'admitted', 'hospitalisation'] })).toEqual(
      ['seriousness[1]:one-of', 'seriousness[2]:no-duplicates'],
    );
  });

  it('requires causality to the product and to every procedure the participant had, for a serious AE', () => {
    expect(rules({ ...meningitis, relatedness: { procedures: { 'lumbar-puncture': 'possible' } } })).toEqual([
      'relatedness.product:required-when-serious',
      'relatedness.procedures.bone-marrow-aspiration:required-when-serious',
    ]);
    expect(rules({ ...headache, relatedness: {} })).toEqual([]);
    expect(
      rules({ ...headache, relatedness: { product: 'maybe', procedures: { biopsy: 'possible' } } }),
    ).toEqual(['relatedness.product:one-of', 'relatedness.procedures.biopsy:unknown-procedure']);
  });

  it('requires the awareness date for a serious AE (it starts the 24-hour clock)', () => {
    expect(rules({ ...meningitis, awarenessDate: null })).toEqual(['awarenessDate:required-when-serious']);
  });

  it('makes grade 5, outcome fatal and the criterion death go together', () => {
    const death: AdverseEventInput = {
      ...meningitis,
      grade: 5,
      ongoing: false,
      outcome: 'fatal',
      seriousness: ['death'],
    };
    expect(rules(death)).toEqual([]);
    expect(rules({ ...death, outcome: 'not-recovered', ongoing: true })).toEqual([
      'outcome:grade-5-is-death',
    ]);
    expect(rules({ ...death, seriousness: ['hospitalisation'] })).toEqual(['seriousness:grade-5-is-death']);
    expect(rules({ ...death, serious: false, seriousness: [] })).toEqual(['serious:grade-5-is-death']);
    expect(rules({ ...death, grade: 4 })).toEqual(['grade:fatal-is-grade-5', 'grade:fatal-is-grade-5']);
  });

  it('makes ongoing, resolution date and outcome agree', () => {
    expect(rules({ ...headache, ongoing: true })).toEqual([
      'resolutionDate:ongoing-has-no-resolution',
      'outcome:ongoing-outcome',
    ]);
    expect(rules({ ...headache, resolutionDate: null })).toEqual(['resolutionDate:resolved-needs-date']);
    expect(rules({ ...headache, outcome: 'recovering' })).toEqual(['outcome:ended-outcome']);
    expect(rules({ ...headache, resolutionDate: null, outcome: 'unknown' })).toEqual([]);
  });

  it('throws when the context date is malformed (a programming error, not input)', () => {
    expect(() => validateAdverseEvent(headache, { ...context, today: '10/03/2026' })).toThrow(RangeError);
  });
});

describe('relatedness and SUSAR status', () => {
  it('counts possible, probable and definite as related', () => {
    expect(RELATEDNESS_LEVELS.filter(isRelated)).toEqual(['possible', 'probable', 'definite']);
  });

  it('needs serious + product-related + unexpected; a procedure alone does not make a SUSAR', () => {
    const base = event(validateAdverseEvent(meningitis, context));
    expect(susarStatus({ ...base, expected: true })).toBe('not-susar');
    expect(susarStatus({ ...base, expected: null })).toBe('expectedness-unknown');
    expect(susarStatus({ ...base, serious: false })).toBe('not-susar');
    const procedureOnly = {
      ...base,
      relatedness: { product: 'unlikely' as const, procedures: base.relatedness.procedures },
    };
    expect(susarStatus(procedureOnly)).toBe('not-susar');
    expect(isRelatedToAnything(procedureOnly)).toBe(true);
  });
});
