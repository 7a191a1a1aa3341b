import { evaluateEligibility } from '@celltrial/core';
import { describe, expect, it } from 'vitest';
import { loadSeedProtocol } from '../protocol/testing/seed-protocols.js';
import { recordDifferences } from './record-diff.js';
import { checkScreeningDraft, pathSegments } from './screening-check.js';
import { draftFromRecord, emptyDraft } from './screening-draft.js';
import { eligibleRecord } from './testing/screening-fixtures.js';

const ALSUMMIT = loadSeedProtocol('nct04745299');

function statusOf(check: ReturnType<typeof checkScreeningDraft>, id: string) {
  return check.evaluation?.criteria.find((criterion) => criterion.id === id)?.status;
}

describe('checkScreeningDraft on NCT04745299', () => {
  it('finds the documented eligible record eligible, as the server would on save', () => {
    const record = eligibleRecord();
    const check = checkScreeningDraft(ALSUMMIT, draftFromRecord(record, ''));
    expect(check.problems).toEqual([]);
    expect(check.evaluation?.verdict).toBe('eligible');
    // The same function the server runs, on the same JSON: the browser and the server cannot disagree.
    expect(check.evaluation).toEqual(evaluateEligibility(ALSUMMIT, record as never));
  });

  it('keeps the verdict incomplete while a manual check is unanswered', () => {
    const record = eligibleRecord();
    record['manualChecks'] = { 'exc-4': false };
    const check = checkScreeningDraft(ALSUMMIT, draftFromRecord(record, ''));
    expect(check.evaluation?.verdict).toBe('incomplete');
    expect(statusOf(check, 'exc-13')).toBe('unknown');
  });

  it('turns ineligible at the ALSFRS-R boundary 30 and explains why', () => {
    const record = eligibleRecord();
    record['alsfrsR'] = { total: 30 };
    const check = checkScreeningDraft(ALSUMMIT, draftFromRecord(record, ''));
    expect(check.evaluation?.verdict).toBe('ineligible');
    const inc5 = check.evaluation?.criteria.find((criterion) => criterion.id === 'inc-5');
    expect(inc5?.status).toBe('not-met');
    expect(inc5?.reason).toMatch(/30/);
  });

  it('reports an impossible value with its field and evaluates without it (unknown, never met)', () => {
    const draft = { ...draftFromRecord(eligibleRecord(), ''), alsfrsRTotal: '52' };
    const check = checkScreeningDraft(ALSUMMIT, draft);
    expect(check.problems.map((problem) => problem.path)).toEqual(['alsfrsR.total']);
    expect(check.ignoredFields).toEqual(['alsfrsR.total']);
    expect(statusOf(check, 'inc-5')).toBe('unknown');
    expect(check.evaluation?.verdict).toBe('incomplete');
  });

  it('leaves out a whole list row when one of its fields is invalid', () => {
    const draft = draftFromRecord(eligibleRecord(), '');
    const broken = {
      ...draft,
      alsfrsRHistory: draft.alsfrsRHistory.map((p) => ({ ...p, date: '2025-13-40' })),
    };
    const check = checkScreeningDraft(ALSUMMIT, broken);
    expect(check.problems.map((problem) => problem.path)).toEqual(['alsfrsRHistory[0].date']);
    expect(check.ignoredFields).toEqual(['alsfrsRHistory[0].date']);
    expect(statusOf(check, 'inc-2')).toBe('unknown');
  });

  it('does not evaluate without a valid assessment date', () => {
    expect(checkScreeningDraft(ALSUMMIT, emptyDraft('')).evaluation).toBeNull();
    expect(checkScreeningDraft(ALSUMMIT, emptyDraft('2026-02-30')).evaluation).toBeNull();
  });

  it('an empty form on a date is incomplete: missing data never counts as eligible', () => {
    const check = checkScreeningDraft(ALSUMMIT, emptyDraft('2026-03-02'));
    expect(check.evaluation?.verdict).toBe('incomplete');
    expect(check.evaluation?.criteria.every((criterion) => criterion.status === 'unknown')).toBe(true);
  });
});

describe('pathSegments', () => {
  it('splits field paths with list indices and item keys', () => {
    expect(pathSegments('conditions[2].code')).toEqual(['conditions', 2, 'code']);
    expect(pathSegments('alsfrsR.items.5a')).toEqual(['alsfrsR', 'items', '5a']);
    expect(pathSegments('weightKg')).toEqual(['weightKg']);
  });
});

describe('recordDifferences', () => {
  it('lists each changed, added and removed field with both values', () => {
    const theirs = { assessmentDate: '2026-03-02', weightKg: 71, conditions: [] };
    const mine = { assessmentDate: '2026-03-02', weightKg: 70, fvcPercentPredicted: 85 };
    expect(recordDifferences(theirs, mine)).toEqual([
      { path: 'weightKg', theirs: '71', mine: '70' },
      { path: 'fvcPercentPredicted', theirs: '—', mine: '85' },
      { path: 'conditions', theirs: '(none)', mine: '—' },
    ]);
  });
});
