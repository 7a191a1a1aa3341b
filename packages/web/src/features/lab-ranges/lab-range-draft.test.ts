import { describe, expect, it } from 'vitest';
import {
  buildSaveBody,
  draftChanges,
  emptyRow,
  problemsFromIssues,
  rowFromRange,
  rowToInput,
  type DraftRow,
} from './lab-range-draft.js';
import { ALT, HB_FEMALE, HB_MALE } from './testing/lab-range-fixtures.js';

const SAVED = [HB_FEMALE, HB_MALE, ALT];
const savedDraft = (): DraftRow[] => SAVED.map(rowFromRange);

describe('rowFromRange / rowToInput', () => {
  it('round-trips a saved range without rounding', () => {
    const row = rowFromRange(ALT);
    expect(row.uln).toBe('0.583');
    expect(row.lln).toBe('');
    expect(rowToInput(row)).toEqual({
      kind: 'ok',
      input: {
        test: 'alt',
        unit: 'ukat/L',
        lln: null,
        uln: 0.583,
        sex: null,
        ageMin: null,
        ageMax: null,
        source: 'IFCC 37 °C',
      },
    });
  });

  it('names the fields that cannot be sent: no test, no unit, text that is not a number ≥ 0', () => {
    const result = rowToInput({ ...emptyRow('n1'), lln: '1,5', uln: '-3', ageMax: '65' });
    expect(result).toEqual({
      kind: 'invalid',
      problems: {
        test: 'choose a test',
        unit: 'choose a unit',
        lln: 'must be a number ≥ 0 (got "1,5")',
        uln: 'must be a number ≥ 0 (got "-3")',
      },
    });
  });

  it('keeps every digit typed (0.1234567 is sent as 0.1234567)', () => {
    const result = rowToInput({ ...rowFromRange(ALT), uln: ' 0.1234567 ' });
    expect(result.kind === 'ok' && result.input.uln).toBe(0.1234567);
  });
});

describe('draftChanges / buildSaveBody', () => {
  it('reports no change for the saved ranges, also when a number is retyped with the same value', () => {
    const draft = savedDraft().map((row) => (row.key === ALT.id ? { ...row, uln: '0.5830' } : row));
    expect(draftChanges(SAVED, draft)).toEqual({ changedTests: [], clearedTests: [] });
    expect(buildSaveBody(SAVED, draft)).toEqual({ kind: 'unchanged' });
  });

  it('sends every row of a changed test (both haemoglobin ranges when one changes) and no other test', () => {
    const draft = savedDraft().map((row) => (row.key === HB_MALE.id ? { ...row, uln: '175' } : row));
    const body = buildSaveBody(SAVED, draft);
    expect(body.kind).toBe('ok');
    if (body.kind !== 'ok') {
      return;
    }
    expect(body.keys).toEqual([HB_FEMALE.id, HB_MALE.id]);
    expect(body.ranges.map((r) => [r.test, r.sex, r.lln, r.uln])).toEqual([
      ['hemoglobin', 'female', 120, 155.5],
      ['hemoglobin', 'male', 130, 175],
    ]);
  });

  it('sends the remaining rows of a test when one of its rows is removed', () => {
    const draft = savedDraft().filter((row) => row.key !== HB_MALE.id);
    const body = buildSaveBody(SAVED, draft);
    expect(body.kind === 'ok' && body.keys).toEqual([HB_FEMALE.id]);
  });

  it('cannot clear a test: removing its last range is reported, not sent', () => {
    const draft = savedDraft().filter((row) => row.key !== ALT.id);
    expect(draftChanges(SAVED, draft)).toEqual({ changedTests: [], clearedTests: ['alt'] });
  });

  it('counts a new row without a test as a change and does not send it incomplete', () => {
    const draft = [...savedDraft(), emptyRow('new-1')];
    expect(draftChanges(SAVED, draft).changedTests).toEqual(['']);
    expect(buildSaveBody(SAVED, draft)).toEqual({
      kind: 'invalid',
      problems: { 'new-1': { test: 'choose a test', unit: 'choose a unit' } },
    });
  });
});

describe('problemsFromIssues', () => {
  it('puts each issue at the row that was sent at that index, and at its field or the row', () => {
    const placed = problemsFromIssues(
      [
        { path: 'body.ranges.1.unit', rule: 'unit-of-test', message: 'mg/dL is not a unit of ALT' },
        { path: 'body.ranges.1.lln', rule: 'lln-not-above-uln', message: 'lln not above uln: 9 > 2' },
        {
          path: 'body.ranges.0',
          rule: 'has-limit',
          message: 'a reference range needs an LLN, a ULN or both',
        },
        { path: 'body.ranges.7.lln', rule: 'x', message: 'beyond what was sent' },
        { path: 'body', rule: 'x', message: 'whole body' },
      ],
      ['a', 'b'],
    );
    expect(placed.rows).toEqual({
      a: { row: 'a reference range needs an LLN, a ULN or both' },
      b: { unit: 'mg/dL is not a unit of ALT', lln: 'lln not above uln: 9 > 2' },
    });
    expect(placed.general).toEqual(['beyond what was sent', 'whole body']);
  });
});
