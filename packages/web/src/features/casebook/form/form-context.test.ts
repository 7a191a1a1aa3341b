import { describe, expect, it } from 'vitest';
import { browserFormContext } from './form-context.js';

describe('browserFormContext', () => {
  it('takes demographics from the screening record and the date from the visit', () => {
    const context = browserFormContext({
      visitDate: '2026-03-02',
      screening: {
        sex: 'female',
        birthDate: '1968-03-02',
        heightCm: 164,
        diagnosis: { symptomOnsetDate: '2024-02-10' },
      },
      ctcaeVersion: 'v5.0',
    });
    expect(context).toEqual({
      sex: 'female',
      birthDate: '1968-03-02',
      heightCm: 164,
      symptomOnsetDate: '2024-02-10',
      assessmentDate: '2026-03-02',
      ctcaeVersion: 'v5.0',
    });
  });

  it('leaves out what it does not know or cannot use', () => {
    expect(
      browserFormContext({
        visitDate: null,
        screening: { sex: 'other', heightCm: '164' },
        ctcaeVersion: undefined,
      }),
    ).toEqual({});
    expect(browserFormContext({ visitDate: null, screening: null, ctcaeVersion: undefined })).toEqual({});
  });
});
