import { describe, expect, it } from 'vitest';
import { doseText, doseVisitsOf, modificationHeadline, percentText, volumeText } from './dosing-labels.js';

describe('dosing labels', () => {
  it('writes amounts as core formats them (no rounding beyond the exact value)', () => {
    // docs/methods/dosing.md: 1×10^6 cells/kg × 72.3 kg = 7.23×10^7 cells.
    expect(doseText(72_300_000, 'cells')).toBe('7.23×10^7 cells');
    expect(doseText(32_300_000, 'cells')).toBe('3.23×10^7 cells');
    expect(doseText(2, 'mL')).toBe('2 mL');
  });

  it('writes volumes per nostril, ranges, or a dash', () => {
    expect(volumeText({ volumeMl: 1, volumeRangeMl: null, per: 'nostril' })).toBe('1 mL per nostril');
    expect(volumeText({ volumeMl: null, volumeRangeMl: { min: 5, max: 10 }, per: 'administration' })).toBe(
      '5–10 mL',
    );
    expect(volumeText({ volumeMl: null, volumeRangeMl: null, per: null })).toBe('—');
  });

  it('says what the modification decided', () => {
    const rule = { id: 'reduce-after-grade-3', text: 'reduce', assumption: true };
    expect(
      modificationHeadline({
        kind: 'decision',
        action: 'decrease',
        previousLevel: 'dl-5e7',
        nextLevel: 'dl-1e7',
        rule,
        reasons: [],
        notMet: [],
      }),
    ).toBe('Decrease: dl-5e7 → dl-1e7');
    expect(
      modificationHeadline({
        kind: 'decision',
        action: 'discontinue',
        previousLevel: 'dl-5e7',
        nextLevel: null,
        rule,
        reasons: [],
        notMet: [],
      }),
    ).toBe('Discontinue: dl-5e7 → no dose');
    expect(modificationHeadline(null)).toBe('No dose-modification rules');
  });

  it('signs percentages with one decimal', () => {
    expect(percentText(12.5)).toBe('+12.5 %');
    expect(percentText(-3)).toBe('−3.0 %');
    expect(percentText(0)).toBe('±0.0 %');
  });

  it('lists the dosing visits of every arm once, in visit order, and marks repeating ones', () => {
    const visits = doseVisitsOf({
      administrations: [
        {
          arm: 'a',
          doses: [
            { visit: 'inj-2', intervention: 'x' },
            { visit: 'v4', intervention: 'x' },
          ],
        },
        { arm: 'b', doses: [{ visit: 'v4', intervention: 'p' }] },
      ],
      visits: [
        { id: 'v1', name: 'Screening', epoch: 's' },
        { id: 'v4', name: 'Dose 1', epoch: 't' },
        { id: 'inj-2', name: 'Dose 2', epoch: 't', repeat: { everyDays: 30, count: 2 } },
      ],
    });
    expect(visits).toEqual([
      { id: 'v4', name: 'Dose 1', repeats: false },
      { id: 'inj-2', name: 'Dose 2', repeats: true },
    ]);
  });
});
