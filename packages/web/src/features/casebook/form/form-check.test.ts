import { findFormDefinition, type FormDefinition } from '@celltrial/core';
import { describe, expect, it } from 'vitest';
import { checkFormDraft } from './form-check.js';
import { draftFromValues, type FormDraft } from './form-draft.js';

function definition(id: string): FormDefinition {
  const found = findFormDefinition(id);
  if (found === undefined) {
    throw new Error(`no form ${id} in core's library`);
  }
  return found;
}

const ALSFRS_R = definition('alsfrs-r');
const CON_MEDS = definition('con-meds');

function typed(form: FormDefinition, text: Record<string, string>): FormDraft {
  const draft = draftFromValues(form, {});
  return { ...draft, text: { ...draft.text, ...text } };
}

/** Every ALSFRS-R item answered 4 except speech (q1 = 3); no gastrostomy, so q5a is scored. */
const ALSFRS_R_TEXT = {
  gastrostomy: 'false',
  ...Object.fromEntries(
    ['q1', 'q2', 'q3', 'q4', 'q5a', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12'].map((id) => [id, '4']),
  ),
  q1: '3',
};

describe('checkFormDraft on ALSFRS-R', () => {
  it('scores the entry live: total, bulbar subscore and stages', () => {
    const check = checkFormDraft(ALSFRS_R, typed(ALSFRS_R, ALSFRS_R_TEXT), {});
    expect(check.evaluation.complete).toBe(true);
    // Hand calculation (Cedarbaum 1999 scoring): 11 items × 4 + speech 3 = 47; bulbar = q1+q2+q3 = 3+4+4 = 11.
    expect(check.evaluation.derived['total']?.value).toBe(47);
    expect(check.evaluation.derived['bulbar']?.value).toBe(11);
    // King's: only the bulbar region is involved → stage 1 (Roche 2012); MiToS: no domain lost → 0.
    expect(check.evaluation.derived['kings']?.value).toBe('1');
    expect(check.evaluation.derived['mitos']?.value).toBe(0);
  });

  it('hides item 5b without gastrostomy and never sends what was typed into it', () => {
    const check = checkFormDraft(ALSFRS_R, typed(ALSFRS_R, { ...ALSFRS_R_TEXT, q5b: '2' }), {});
    expect(check.shown.has('q5a')).toBe(true);
    expect(check.shown.has('q5b')).toBe(false);
    expect(check.values).not.toHaveProperty('q5b');
    expect(check.evaluation.errors).toEqual([]);
  });

  it('shows item 5b instead of 5a with a gastrostomy', () => {
    const check = checkFormDraft(ALSFRS_R, typed(ALSFRS_R, { ...ALSFRS_R_TEXT, gastrostomy: 'true' }), {});
    expect(check.shown.has('q5a')).toBe(false);
    expect(check.shown.has('q5b')).toBe(true);
    expect(check.evaluation.missing).toEqual(['q5b']);
    expect(check.evaluation.complete).toBe(false);
  });

  it('derives ΔFRS only with the symptom onset and visit dates in the context', () => {
    const draft = typed(ALSFRS_R, ALSFRS_R_TEXT);
    expect(checkFormDraft(ALSFRS_R, draft, {}).evaluation.derived['deltaFrs']).toBeUndefined();
    const withDates = checkFormDraft(ALSFRS_R, draft, {
      symptomOnsetDate: '2025-01-01',
      assessmentDate: '2026-01-01',
    });
    expect(withDates.evaluation.derived['deltaFrs']?.value).toBeGreaterThan(0);
  });
});

describe('checkFormDraft on concomitant medications', () => {
  it('asks for the end date only when the medication is not ongoing', () => {
    const ongoing = checkFormDraft(CON_MEDS, typed(CON_MEDS, { ongoing: 'true', endDate: '2026-01-01' }), {});
    expect(ongoing.shown.has('endDate')).toBe(false);
    expect(ongoing.values).not.toHaveProperty('endDate');
    const stopped = checkFormDraft(CON_MEDS, typed(CON_MEDS, { ongoing: 'false' }), {});
    expect(stopped.shown.has('endDate')).toBe(true);
    expect(stopped.evaluation.missing).toContain('endDate');
  });

  it('puts errors at the items, including both items of a cross-field check', () => {
    const draft = typed(CON_MEDS, {
      dose: 'lots',
      ongoing: 'false',
      startDate: '2026-02-01',
      endDate: '2026-01-01',
    });
    const check = checkFormDraft(CON_MEDS, draft, {});
    expect(check.errorsByItem.get('dose')?.[0]?.rule).toBe('finite-number');
    expect(check.errorsByItem.get('endDate')?.[0]?.message).toMatch(/before the start date/);
    expect(check.errorsByItem.get('startDate')?.[0]?.message).toMatch(/before the start date/);
  });
});
