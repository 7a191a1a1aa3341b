import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityKind,
  activityLabel,
  ageRange,
  anchorLabel,
  allocationLabel,
  formatAmount,
  formatCalendarDate,
  formatDose,
  formatTimestamp,
  formatVolume,
  humanize,
  maskingLabel,
  measureLabel,
  modelLabel,
  randomizationMethodLabel,
  ratioLabel,
  studyDayConvention,
} from './protocol-labels.js';
import { loadSeedProtocol } from './testing/seed-protocols.js';

const SUPERSCRIPT_DIGITS = '\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079';

/** Reads "2.5×10⁷" back into a number (the inverse of formatAmount for large values). */
function parseAmount(text: string): number {
  const [mantissa = '', power = ''] = text.split('\u00d710');
  if (power === '') {
    return Number(mantissa);
  }
  const exponent = [...power].map((char) => String(SUPERSCRIPT_DIGITS.indexOf(char))).join('');
  return Number(`${mantissa}e${exponent}`);
}

describe('formatAmount', () => {
  it('writes cell counts as protocols do', () => {
    expect(formatAmount(1e6)).toBe('1\u00d710\u2076');
    expect(formatAmount(5e7)).toBe('5\u00d710\u2077');
    expect(formatAmount(2.5e7)).toBe('2.5\u00d710\u2077');
    expect(formatAmount(1e10)).toBe('1\u00d710\u00b9\u2070');
    expect(formatAmount(3)).toBe('3');
    expect(formatAmount(1.5)).toBe('1.5');
  });

  it('never rounds: the text reads back as the same number', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), (value) => {
        expect(parseAmount(formatAmount(value))).toBe(value);
      }),
    );
  });
});

describe('labels of the seed protocols', () => {
  const hadassah = loadSeedProtocol('nct04821479');
  const alsummit = loadSeedProtocol('nct04745299');
  const mayo = loadSeedProtocol('nct03268603');
  const exosomes = loadSeedProtocol('nct06598202');

  it('describes the design in registry words', () => {
    expect(allocationLabel(hadassah.design.allocation)).toBe('N/A');
    expect(modelLabel(hadassah.design.model)).toBe('Single group assignment');
    expect(maskingLabel(hadassah.design.masking)).toBe('None (open label)');
    expect(maskingLabel(alsummit.design.masking)).toBe(
      'Quadruple (Participant, Care provider, Investigator, Outcomes assessor)',
    );
    expect(humanize('sham-comparator')).toBe('Sham comparator');
  });

  it('describes doses and volumes', () => {
    const [msc] = hadassah.interventions;
    expect(msc?.dose && formatDose(msc.dose)).toBe(
      '1\u00d710\u2076 cells/kg body weight (weight at the dosing visit)',
    );
    expect(msc?.volume && formatVolume(msc.volume)).toBe('3 ml in normal saline');
    const [aamsc] = mayo.interventions;
    expect(aamsc?.dose && formatDose(aamsc.dose)).toBe('By dose level');
    expect(aamsc?.volume && formatVolume(aamsc.volume)).toBe("5\u201310 ml in Lactated Ringer's");
    const [drops] = exosomes.interventions;
    expect(drops?.volume && formatVolume(drops.volume)).toBe('1 ml per nostril');
    expect(formatDose({ kind: 'fixed', amount: 1e8, unit: 'cells', tolerancePercent: 20 })).toBe(
      '1\u00d710\u2078 cells \u00b120 %',
    );
  });

  it('describes randomization', () => {
    const randomization = alsummit.design.randomization;
    expect(randomization && ratioLabel(alsummit, randomization)).toBe(
      '1:2:2 (Single cycle administration group : Multiple administration group : Control group)',
    );
    expect(randomization && randomizationMethodLabel(randomization)).toBe('Permuted blocks of 5 and 10');
    expect(
      randomizationMethodLabel({
        ratio: { a: 1, b: 1 },
        method: {
          kind: 'minimization',
          factors: [{ stratum: 'site' }, { stratum: 'onset' }],
          bestArmProbability: 0.8,
        },
      }),
    ).toBe('Minimization on site, onset (best arm with probability 0.8)');
  });

  it('names measures and age ranges', () => {
    expect(measureLabel('alsfrs-r')).toBe('ALSFRS-R');
    expect(measureLabel('adverse-events')).toBe('Adverse events');
    expect(measureLabel('other:serum-cytokines')).toBe('Serum cytokines');
    expect(ageRange(hadassah.eligibility)).toBe('18 to 65 years');
    expect(ageRange(mayo.eligibility)).toBe('18 years and older');
    expect(ageRange({ maxAgeYears: 45 })).toBe('Up to 45 years');
    expect(ageRange({})).toBe('Any age');
  });

  it('names calendar activities', () => {
    expect(activityLabel(mayo, 'dose:aamsc@dl-5e7')).toBe(
      'Dose: Autologous Adipose-derived Mesenchymal Stromal Cells (5\u00d710^7 cells)',
    );
    expect(activityLabel(hadassah, 'dose:msc')).toBe('Dose: Mesenchymal stem cells (MSC)');
    expect(activityLabel(alsummit, 'dose:per-arm')).toBe('Dose (product depends on the arm)');
    expect(activityLabel(hadassah, 'bone-marrow-aspiration')).toBe(
      'Bone marrow aspiration (150 ml, light general anaesthesia)',
    );
    expect(activityLabel(hadassah, 'alsfrs-r')).toBe('ALSFRS-R');
    expect(activityLabel(hadassah, 'unknown-thing')).toBe('unknown-thing');
    expect(anchorLabel(hadassah, 'visit:scr')).toBe('Screening (inclusion)');
    expect(anchorLabel(hadassah, { procedure: 'bone-marrow-aspiration' })).toBe(
      'Bone marrow aspiration (150 ml, light general anaesthesia)',
    );
    expect(anchorLabel(hadassah, 'previous-dose')).toBe('Previous dose');
    expect(studyDayConvention(hadassah)).toBe('Day 0 = first dose');
    expect(studyDayConvention(loadSeedProtocol('nct06360861'))).toBe('Day 1 = first dose (no day 0)');
    expect(['dose:msc', 'bone-marrow-aspiration', 'alsfrs-r'].map((a) => activityKind(hadassah, a))).toEqual([
      'dose',
      'procedure',
      'form',
    ]);
  });
});

describe('dates', () => {
  it('adds the weekday to a calendar date', () => {
    // 1970-01-01 was a Thursday; 2026-07-06 is a Monday; 2000-02-29 a Tuesday (leap day).
    expect(formatCalendarDate('1970-01-01')).toBe('Thu 1970-01-01');
    expect(formatCalendarDate('2026-07-06')).toBe('Mon 2026-07-06');
    expect(formatCalendarDate('2000-02-29')).toBe('Tue 2000-02-29');
    expect(formatCalendarDate('1969-12-31')).toBe('Wed 1969-12-31');
  });

  it('writes timestamps in UTC to the minute', () => {
    expect(formatTimestamp('2026-03-02T09:15:42.123Z')).toBe('2026-03-02 09:15 UTC');
    expect(formatTimestamp('2026-03-02T11:15:00+02:00')).toBe('2026-03-02 09:15 UTC');
    expect(formatTimestamp('not a date')).toBe('not a date');
  });
});
