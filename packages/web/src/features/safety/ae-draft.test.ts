import type { AdverseEventView } from '@celltrial/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error.js';
import {
  aeDifferences,
  draftFromAe,
  emptyAeDraft,
  fieldKeyOf,
  fieldsFromDraft,
  issuesByField,
  missingFields,
} from './ae-draft.js';
import { aeView } from './testing/safety-fixtures.js';

const UTC_PLUS_1 = () => -60;
const utcWallClock = (iso: string): [string, string] => {
  const text = new Date(iso).toISOString();
  return [text.slice(0, 10), text.slice(11, 16)];
};

describe('fieldsFromDraft', () => {
  it('builds a serious AE with awareness as date-time with the local offset, and causality per procedure', () => {
    const fields = fieldsFromDraft(
      {
        ...emptyAeDraft(),
        term: 'Severe headache after LP',
        ctcaeTerm: ' Headache ',
        onsetDate: '2026-03-01',
        grade: '3',
        serious: true,
        seriousness: ['hospitalisation'],
        product: 'possible',
        procedures: { 'lumbar-puncture': 'probable', 'bone-marrow-aspiration': '' },
        expected: 'no',
        actionTaken: 'none',
        outcome: 'recovering',
        awarenessDate: '2026-03-02',
        awarenessTime: '09:15',
      },
      UTC_PLUS_1,
    );
    expect(fields).toEqual({
      term: 'Severe headache after LP',
      ctcaeTerm: 'Headache',
      onsetDate: '2026-03-01',
      resolutionDate: null,
      ongoing: true,
      grade: 3,
      serious: true,
      seriousness: ['hospitalisation'],
      // A procedure left "not assessed" is not sent (the server names it when the AE is serious).
      relatedness: { product: 'possible', procedures: { 'lumbar-puncture': 'probable' } },
      expected: false,
      actionTaken: 'none',
      outcome: 'recovering',
      awarenessAt: '2026-03-02T09:15:00+01:00',
      awarenessDate: null,
      narrative: null,
    });
  });

  it('sends a non-serious AE without criteria, with the awareness date alone and "not assessed" as null', () => {
    const fields = fieldsFromDraft({
      ...emptyAeDraft(),
      term: 'Back pain',
      onsetDate: '2026-03-01',
      ongoing: false,
      resolutionDate: '2026-03-03',
      grade: '1',
      seriousness: ['death'],
      actionTaken: 'none',
      outcome: 'recovered',
      awarenessDate: '2026-03-01',
    });
    expect(fields).toMatchObject({
      ctcaeTerm: null,
      resolutionDate: '2026-03-03',
      seriousness: [],
      relatedness: { product: null, procedures: {} },
      expected: null,
      awarenessAt: null,
      awarenessDate: '2026-03-01',
    });
  });

  it('sends a blank grade as 0 so that the server names the field (never a silent default)', () => {
    expect(fieldsFromDraft(emptyAeDraft()).grade).toBe(0);
  });
});

describe('draftFromAe', () => {
  it('round-trips a saved AE to the same fields (awareness shown in local time names the same instant)', () => {
    const ae = aeView({ awarenessAt: '2026-03-02T08:15:00.000Z', awarenessDate: '2026-03-02' });
    const draft = draftFromAe(ae, utcWallClock);
    expect(draft).toMatchObject({
      grade: '3',
      awarenessDate: '2026-03-02',
      awarenessTime: '08:15',
      expected: 'no',
    });
    const fields = fieldsFromDraft(draft, () => 0);
    expect(fields.awarenessAt).toBe('2026-03-02T08:15:00+00:00');
    expect(new Date(fields.awarenessAt ?? '').getTime()).toBe(new Date(ae.awarenessAt ?? '').getTime());
    expect(fields.relatedness).toEqual(ae.relatedness);
  });
});

describe('server problems', () => {
  it('files each problem under its field, folding list indices and the body prefix', () => {
    expect(fieldKeyOf('body.seriousness[1]')).toBe('seriousness');
    expect(fieldKeyOf('seriousness.0')).toBe('seriousness');
    expect(fieldKeyOf('relatedness.procedures.lumbar-puncture')).toBe(
      'relatedness.procedures.lumbar-puncture',
    );
    const error = new ApiError({
      status: 422,
      code: 'FORM_INVALID',
      message: 'the adverse event is not valid',
      details: {
        issues: [
          { path: 'grade', rule: 'integer-range', message: 'grade must be 1–5' },
          { path: 'awarenessAt', rule: 'required-when-serious', message: 'a serious AE needs awarenessAt' },
          { path: 'grade', rule: 'grade-5-is-death', message: 'grade 5 is death' },
        ],
      },
    });
    const issues = issuesByField(error);
    expect(issues.get('grade')).toEqual(['grade must be 1–5', 'grade 5 is death']);
    expect(issues.get('awarenessAt')).toEqual(['a serious AE needs awarenessAt']);
    expect(issuesByField(new ApiError({ status: 409, code: 'STALE_VERSION', message: 'stale' })).size).toBe(
      0,
    );
  });

  it('lists the fields the form needs before sending', () => {
    expect([...missingFields(emptyAeDraft()).keys()]).toEqual([
      'term',
      'onsetDate',
      'grade',
      'actionTaken',
      'outcome',
    ]);
  });
});

describe('aeDifferences', () => {
  it('names the fields that differ, with labels and procedure names', () => {
    const theirs: AdverseEventView = aeView({ grade: 3 });
    const mine = fieldsFromDraft({ ...draftFromAe(theirs, utcWallClock), grade: '2' }, () => 0);
    mine.relatedness.procedures['lumbar-puncture'] = 'definite';
    const rows = aeDifferences(
      fieldsFromDraft(draftFromAe(theirs, utcWallClock), () => 0),
      mine,
      new Map([['lumbar-puncture', 'Lumbar puncture']]),
    );
    expect(rows).toEqual([
      { label: 'Grade', theirs: '3', mine: '2' },
      { label: 'Related to Lumbar puncture', theirs: 'Probable', mine: 'Definite' },
    ]);
  });
});
