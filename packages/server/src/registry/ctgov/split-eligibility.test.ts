import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecord } from './ctgov-test-records.js';
import { readCtgovRecord } from './import-ctgov.js';
import type { SplitCriterion } from './split-eligibility.js';
import { dedentPlainText, matchSectionHeader, splitEligibility } from './split-eligibility.js';

/** The criteria of a real record in ../shared/reference/ctgov/, split as the importer does. */
function splitRecord(file: string): Pick<SplitCriterion, 'kind' | 'text'>[] {
  const read = readCtgovRecord(readRecord(file));
  if (read.kind !== 'ok' || read.study.eligibility?.criteriaText === undefined) {
    throw new Error(`${file}: no eligibility text`);
  }
  const { criteriaText, criteriaFormat } = read.study.eligibility;
  return splitEligibility(criteriaText, criteriaFormat).map(({ kind, text }) => ({ kind, text }));
}

const inc = (text: string) => ({ kind: 'inclusion' as const, text });
const exc = (text: string) => ({ kind: 'exclusion' as const, text });

describe('splitEligibility: markdown (API v2)', () => {
  it('splits bullets under "Inclusion Criteria:" / "Exclusion Criteria:" paragraphs', () => {
    const text = 'Inclusion Criteria:\n\n* Age 18 or older\n* ALS\n\nExclusion Criteria:\n\n* Pregnancy';
    expect(splitEligibility(text, 'markdown')).toEqual([
      inc('Age 18 or older'),
      inc('ALS'),
      exc('Pregnancy'),
    ]);
  });

  it('resolves markdown escapes and once-more-escaped HTML entities', () => {
    const text =
      'Inclusion Criteria:\n\n* FVC \\>= 50%\n* Age \\&gt;18 and \\<75\n* BMI 18\\-30 kg/m\\^2 \\[WHO\\]';
    expect(splitEligibility(text, 'markdown').map((c) => c.text)).toEqual([
      'FVC >= 50%',
      'Age >18 and <75',
      'BMI 18-30 kg/m^2 [WHO]',
    ]);
  });

  it('keeps nested items inside their parent criterion, numbered as in the record', () => {
    const text =
      'Inclusion Criteria:\n\n1. Adequate organ function:\n\n   * ANC \\>= 1500\n   * Platelets\n2. Consent';
    expect(splitEligibility(text, 'markdown')).toEqual([
      inc('Adequate organ function:\n- ANC >= 1500\n- Platelets'),
      inc('Consent'),
    ]);
  });

  it('reads markdown headings as section headings and drops emphasis markers', () => {
    const text =
      '## Inclusion criteria\n\n- **Definite** ALS\n\n## Exclusion criteria\n\n- _Prior_ stem cells';
    expect(splitEligibility(text, 'markdown')).toEqual([inc('Definite ALS'), exc('Prior stem cells')]);
  });

  it('takes criterion text written on the heading line', () => {
    expect(splitEligibility('Exclusion Criteria: prior gene therapy', 'markdown')).toEqual([
      exc('prior gene therapy'),
    ]);
  });

  it('keeps a group label as the note of the criteria under it', () => {
    const text = 'Inclusion Criteria:\n\nFor caregivers:\n\n* Lives with the participant';
    expect(splitEligibility(text, 'markdown')).toEqual([
      { kind: 'inclusion', text: 'Lives with the participant', group: 'For caregivers' },
    ]);
  });

  it('flags criteria before any section heading as assumed inclusion', () => {
    expect(splitEligibility('Adults with ALS.', 'markdown')).toEqual([
      { kind: 'inclusion', text: 'Adults with ALS.', kindAssumed: true },
    ]);
  });

  it('returns no criteria for blank text', () => {
    expect(splitEligibility(' \n\n ', 'markdown')).toEqual([]);
  });

  it('recovers every item of an escaped bullet list (property)', () => {
    // Any item text, escaped as ClinicalTrials.gov escapes markup characters, comes back unchanged.
    const word = fc.stringMatching(/^[A-Za-z0-9<>=*_[\]()#+.%/-]{1,12}$/);
    const item = fc
      .array(word, { minLength: 1, maxLength: 6 })
      .map((words) => words.join(' '))
      .filter((text) => matchSectionHeader(text) === undefined && /[A-Za-z0-9]/.test(text));
    const escape = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!<>]/g, '\\$&');
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 5 }),
        fc.array(item, { maxLength: 5 }),
        (ins, exs) => {
          const list = (items: string[]): string => items.map((text) => `* ${escape(text)}`).join('\n');
          const text = `Inclusion Criteria:\n\n${list(ins)}${exs.length > 0 ? `\n\nExclusion Criteria:\n\n${list(exs)}` : ''}`;
          expect(splitEligibility(text, 'markdown')).toEqual([...ins.map(inc), ...exs.map(exc)]);
        },
      ),
    );
  });
});

describe('splitEligibility: plain text (legacy XML)', () => {
  it('removes the XML layout indentation and joins hard-wrapped lines', () => {
    const text =
      'Inclusion Criteria:\n\n          -  Ejection fraction\n             > 40%\n\n        Exclusion Criteria:\n\n          -  HIV';
    expect(dedentPlainText(text).split('\n')[2]).toBe('  -  Ejection fraction');
    expect(splitEligibility(text, 'plain')).toEqual([inc('Ejection fraction > 40%'), exc('HIV')]);
  });

  it('keeps characters that are markup in markdown', () => {
    const text = 'Inclusion Criteria:\n\n  -  ALT < 2*ULN and AST < 2*ULN\n\n  -  Not \\on dialysis';
    expect(splitEligibility(text, 'plain').map((c) => c.text)).toEqual([
      'ALT < 2*ULN and AST < 2*ULN',
      'Not \\on dialysis',
    ]);
  });

  it('reads a bulleted "INCLUSION/EXCLUSION CRITERIA:" as a label, not a criterion', () => {
    const text = '-  INCLUSION/EXCLUSION CRITERIA:\n\n        Adults with Gaucher disease.';
    expect(splitEligibility(text, 'plain')).toEqual([
      {
        kind: 'inclusion',
        text: 'Adults with Gaucher disease.',
        group: 'INCLUSION/EXCLUSION CRITERIA',
        kindAssumed: true,
      },
    ]);
  });
});

describe('matchSectionHeader', () => {
  it.each([
    ['Inclusion Criteria:', { kind: 'inclusion' }],
    ['Key Exclusion Criteria', { kind: 'exclusion' }],
    ['Non-inclusion criteria:', { kind: 'exclusion' }],
    [
      'Inclusion Criteria for CKD Participants:',
      { kind: 'inclusion', label: 'Inclusion Criteria for CKD Participants' },
    ],
    ['Inclusion Criteria: type 1 diabetes', { kind: 'inclusion', inline: 'type 1 diabetes' }],
  ])('%s', (text, expected) => {
    expect(matchSectionHeader(text)).toEqual(expected);
  });

  it('does not take a criterion that mentions criteria for a heading', () => {
    expect(matchSectionHeader('Meets the El Escorial criteria')).toBeUndefined();
  });
});

// Golden splits of real records (../shared/reference/ctgov/); each expected list was written by reading
// the record's eligibilityCriteria (v2) or <criteria><textblock> (XML) item by item.
describe('splitEligibility: real records', () => {
  it('v2 NCT07223242: numbered lists, nested ordered and bulleted sub-items, \\>= and \\< escapes', () => {
    expect(splitRecord('v2/NCT07223242.json')).toEqual([
      inc('Age>= 18 yrs'),
      inc('LVEF (Left Ventricular Ejection Fraction) >= 50%'),
      inc(
        'History of HFpEF or at risk of HFpEF\n' +
          '1. HFpEF diagnosis based on:- -HF hospitalization within 12 months-\n' +
          '  - NT-proBNP >360 pg/mL\n' +
          '2. Risk of HFpEF based on:-\n' +
          '  - >2 risk factors (h/o diabetes, hypertension, obesity, physical inactivity by self-report)',
      ),
      inc('SPPB < 10 or VO2<60th percentile'),
      inc('BMI >=28 (for randomization in phase II)'),
      inc('Able to use cell phone and mobile application'),
      exc('Hospitalization 1 month prior to baseline visit'),
      exc('History of recurrent falls'),
      exc('eGFR (Estimated Glomerular Filtration Rate) <20ml/min/1.73m'),
      exc('Active changes in HF therapies over 2 weeks prior to baseline visit'),
      exc('Inability participate in exercise training therapy'),
      exc('Inability to perform CPET (Cardiopulmonary Exercise Testing) testing'),
      exc('Severe left side valvular heart disease'),
      exc('End stage pulmonary disease, requiring continuous supplemental oxygen'),
      exc(
        'Major surgery within 3 months of screening or major elective surgery during the duration of the study.',
      ),
      exc('Unstable weight defined by >5% change in body weight in last 30 days before first study visit.'),
      exc('Pregnancy'),
    ]);
  });

  it('v2 NCT07242664: criterion on the "Inclusion Criteria:" line, \\<= \\> \\^ escapes', () => {
    expect(splitRecord('v2/NCT07242664.json')).toEqual([
      inc('type 1 diabetes for at least 12 months'),
      inc('18-64 years of age'),
      inc('HbA1c <= 9.0%.'),
      inc('Body Mass Index (BMI) between 18.5 and 29.0 kg/m^2'),
      inc('treated with a stable insulin regimen for at least 2 months, in a dose > 0.2 and < 1.2 U/kg/day'),
      exc('blood pressure outside the range 90 to 140 mmHg (systolic) or 50 to 99 mmHg (diastolic)'),
      exc('clinically significant concomitant diseases'),
      exc(
        'recurrent severe hypoglycemia (more than 1 severe hypoglycemic episode requiring assistance from another person within 180 days before screening)',
      ),
      exc('hypoglycemia unawareness'),
      exc('estimated glomerular filtration rate (eGFR) <60.0 mL/min/1.73 m2'),
    ]);
  });

  it('v2 NCT06813014: typographic bullets, \\&gt; / \\&lt; entities, items nested under the first one', () => {
    // The record nests the remaining exclusion items under the first; the split keeps the nesting it has.
    expect(splitRecord('v2/NCT06813014.json')).toEqual([
      inc('Age: >18 years old\n- Members of Old Order Amish community in Lancaster, PA'),
      exc(
        'Pregnancy (reproductive age women will undergo pregnancy tests immediately before receiving the drug)\n' +
          '- Diabetes: HbA1c > 6.5% or fasting plasma glucose >126 mg/dL\n' +
          '- Estimated glomerular filtration rates (eGFR) <60 mL/min/1.73 m2\n' +
          '- Anemia: hematocrit < 35%\n' +
          '- Thyroid status: TSH<0.4 or TSH>5.5\n' +
          '- ALT or AST in excess of 2X upper limit of normal\n' +
          "- Drugs that in the physician's judgment would alter response to sitagliptin\n" +
          "- Significant health issues that in the physician's judgment could increase the risk for participants.",
      ),
    ]);
  });

  it('v2 NCT03630471: no "Inclusion Criteria" heading, group labels per participant type', () => {
    const criteria = splitRecord('v2/NCT03630471.json');
    expect(criteria.filter((c) => c.kind === 'inclusion')).toHaveLength(9);
    expect(criteria.filter((c) => c.kind === 'exclusion')).toHaveLength(8);
    expect(criteria[0]).toEqual(
      inc('Enrolled as a student in Grades 9-12 (corresponding to 13-20 years of age)'),
    );
    expect(criteria[9]).toEqual(
      exc(
        'Requiring urgent medical attention (defined as needing emergency treatment or in-patient admission)',
      ),
    );
  });

  it('XML NCT00497952 (allogeneic HSCT in MS): hard-wrapped hyphen bullets, nested bullets, &gt; / &lt;', () => {
    const criteria = splitRecord('xml/NCT00497952.xml');
    expect(criteria.slice(0, 12)).toEqual([
      inc('Clinically definite MS according to the McDonald criteria'),
      inc('Confirmed diagnosis of relapsing-remitting MS.'),
      inc('Age between 18 and 55 years'),
      inc('Extended Disability Status Score (EDSS) between 0 and 5.0'),
      inc(
        'Independently ambulatory (eligible for inclusion if subject was acutely non-ambulatory within the previous year and return of function is substantiated with EDSS score.)',
      ),
      inc('Relapse within the last year or sustained disability progression of 1.0 for six months'),
      inc(
        'Treatment with high dose, high frequency Interferon-β therapy, or failure to tolerate Interferon-β therapy',
      ),
      inc('Diffusing capacity of the lung for carbon monoxide (DLCO)> 50% (unless cleared by physician)'),
      inc('Ejection fraction (EF) > 40% (unless cleared by cardiologist)'),
      inc(
        'Required initial laboratory data (obtained within 30 days prior to transplant, unless otherwise specified)\n' +
          '- HIV-1,2 antigen and antibody negative\n' +
          '- HBsAg negative (chronic hepatitis B carriers without clinical evidence of liver disease can be considered on an individual basis if it is determined that the added risk is justified by the prognosis and lack of treatment alternatives)\n' +
          '- Hepatitis C antibody negative (positive antibody allowed if antigen (RNA)-negative and no clinical evidence of cirrhosis)\n' +
          '- Cytomegalovirus (CMV), hepatitis B, Human T-lymphotropic virus (HTLV)-1,2, Epstein-Barr virus (EBV), and Herpes antibody status known\n' +
          '- Pregnancy test negative (women of childbearing potential only)',
      ),
      inc(
        'No life-threatening organ dysfunction.\n' +
          '- Uncontrolled or severe cardiovascular disease, including recent (<6 months) myocardial infarction, angina (symptomatic despite optimal medical management), life-threatening arrhythmia or hypertension',
      ),
      inc('Able to give informed consent'),
    ]);
    expect(criteria.slice(12).map((c) => c.kind)).toEqual(Array(9).fill('exclusion'));
    expect(criteria[20]).toEqual(exc('Poor compliance'));
  });

  it('XML NCT00004457 (ALS): "PROTOCOL ENTRY CRITERIA:" label and paragraphs, no sections', () => {
    expect(splitEligibility(readCtgovRecordCriteria('xml/NCT00004457.xml'), 'plain')).toEqual([
      {
        kind: 'inclusion',
        text: '--Disease Characteristics-- Clinically diagnosed probable or definite, sporadic or familial amyotrophic lateral sclerosis',
        group: 'PROTOCOL ENTRY CRITERIA',
        kindAssumed: true,
      },
      {
        kind: 'inclusion',
        text: '--Patient Characteristics-- Pulmonary: No artificial ventilation required Other: No other neurodegenerative diseases No concurrent or history of unstable medical illness',
        group: 'PROTOCOL ENTRY CRITERIA',
        kindAssumed: true,
      },
    ]);
  });
});

function readCtgovRecordCriteria(file: string): string {
  const read = readCtgovRecord(readRecord(file));
  const text = read.kind === 'ok' ? read.study.eligibility?.criteriaText : undefined;
  if (text === undefined) {
    throw new Error(`${file}: no eligibility text`);
  }
  return text;
}
