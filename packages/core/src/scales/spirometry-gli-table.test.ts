import { describe, expect, it } from 'vitest';
import { gliPredict } from './spirometry-gli.js';
import { parseGliLookupTable, type GliTableSource } from './spirometry-gli-table.js';

/** A synthetic CSV text (no quoting) as the caller would hand it over: header, then records with file lines. */
function csv(edition: GliTableSource['edition'], text: string): GliTableSource {
  const [header = '', ...lines] = text.trim().split('\n');
  const columns = header.split(',');
  return {
    edition,
    source: 'synthetic.csv',
    columns,
    records: lines.map((line, i) => ({
      line: i + 2,
      values: Object.fromEntries(columns.map((c, k) => [c, line.split(',')[k] ?? ''])),
    })),
  };
}

const HEADER_2012 = 'sex,f,a0,a1,a2,a3,a4,a5,a6,p0,p1,p2,p3,p4,p5,q0,q1,agebound,l0,l1,m0,m1,s0,s1';
const ROW_2012 = '1,FVC,-6,1,0.5,-0.1,0,0,0,-4,0.5,0.2,0,0,0,1,0,64,0,0,0,0.04,0,0';

const problemsOf = (source: GliTableSource): string[] => {
  const parsed = parseGliLookupTable(source);
  return parsed.kind === 'invalid' ? parsed.problems.map((p) => `${p.line}: ${p.column}: ${p.rule}`) : [];
};

describe('parseGliLookupTable: GLI-2012 layout', () => {
  it('reads the published column layout into rows (sex 1 = male, 2 = female)', () => {
    const parsed = parseGliLookupTable(
      csv('gli-2012', `${HEADER_2012}\n${ROW_2012}\n${ROW_2012.replace(/^1,/, '2,')}`),
    );
    expect(parsed.kind).toBe('ok');
    if (parsed.kind === 'ok') {
      expect(parsed.table).toMatchObject({ edition: 'gli-2012', source: 'synthetic.csv' });
      expect(parsed.table.rows[0]).toEqual({
        sex: 'male',
        parameter: 'FVC',
        a: [-6, 1, 0.5, -0.1, 0, 0, 0],
        p: [-4, 0.5, 0.2, 0, 0, 0],
        q0: 1,
        q1: 0,
        ageBound: 64,
        l0: 0,
        l1: 0,
        m0: 0,
        m1: 0.04,
        s0: 0,
        s1: 0,
      });
      expect(parsed.table.rows[1]?.sex).toBe('female');
      // M = 1400 · e^(−6 − 0.1) = 3.140014807 (hand-computed in spirometry-gli-editions.test.ts)
      const predicted = gliPredict(parsed.table, {
        sex: 'male',
        ageYears: 64,
        heightCm: 175,
        ethnicity: 'african-american',
        parameter: 'FVC',
      });
      expect(predicted.kind === 'ok' && predicted.value.predicted).toBeCloseTo(3.140014807, 8);
    }
  });

  it('names every missing column on the header line, and checks nothing else', () => {
    expect(problemsOf(csv('gli-2012', 'sex,f,a0\n1,FVC,x'))).toEqual([
      ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'q0', 'q1', 'agebound'].map(
        (c) => `1: ${c}: required-column`,
      ),
      ...['l0', 'l1', 'm0', 'm1', 's0', 's1'].map((c) => `1: ${c}: required-column`),
    ]);
  });

  it('names row and column of non-numeric cells, unknown sex, empty parameter and bad age bounds', () => {
    const rows = [
      ROW_2012.replace(',-6,', ',NA,'),
      ROW_2012.replace(/^1,/, '3,'),
      ROW_2012.replace(',FVC,', ',,'),
      ROW_2012.replace(',64,', ',64.1,'),
      ROW_2012.replace(',64,', ',65,').replace(/,0$/, ','),
    ];
    expect(problemsOf(csv('gli-2012', [HEADER_2012, ...rows].join('\n')))).toEqual([
      '2: a0: number',
      '3: sex: one-of',
      '4: f: required',
      '5: agebound: quarter-year',
      '6: s1: number',
    ]);
    const parsed = parseGliLookupTable(csv('gli-2012', `${HEADER_2012}\n${rows[0] ?? ''}`));
    expect(parsed.kind === 'invalid' && parsed.problems[0]?.message).toBe('must be a number (got "NA")');
  });

  it('refuses a duplicate age bound of one sex and parameter, naming the first line', () => {
    const other = ROW_2012.replace(',FVC,', ',FEV1,');
    const parsed = parseGliLookupTable(csv('gli-2012', [HEADER_2012, ROW_2012, other, ROW_2012].join('\n')));
    expect(parsed).toEqual({
      kind: 'invalid',
      problems: [
        {
          line: 4,
          column: 'agebound',
          rule: 'unique-age-bound',
          message: 'male FVC agebound 64 already at line 2',
        },
      ],
    });
  });

  it('refuses two columns with the same name (ignoring case and spaces)', () => {
    expect(problemsOf(csv('gli-2012', `${HEADER_2012},M 0\n${ROW_2012},1`))).toEqual([
      '1: M 0: unique-column',
    ]);
  });

  it('refuses a file without data rows', () => {
    expect(problemsOf(csv('gli-2012', HEADER_2012))).toEqual(['1: rows: non-empty']);
  });
});

describe('parseGliLookupTable: GLI Global 2022', () => {
  const HEADER = 'sex,f,a0,a1,a2,p0,p1,q0,q1,agebound,l0,l1,m0,m1,s0,s1';

  it('reads the long layout without ethnicity columns; zero ethnicity columns are accepted', () => {
    const plain = parseGliLookupTable(
      csv('gli-global-2022', `${HEADER}\nmale,FVC,-6,1,0.5,-2,0,1,0,64,0,0,0,0.04,0,0`),
    );
    expect(plain.kind === 'ok' && plain.table.rows[0]?.a).toEqual([-6, 1, 0.5, 0, 0, 0, 0]);
    const zeros = parseGliLookupTable(
      csv('gli-global-2022', `${HEADER_2012}\n${ROW_2012.replace(/-0\.1,/, '0,').replace(',0.2,', ',0,')}`),
    );
    expect(zeros.kind).toBe('ok');
  });

  it('refuses ethnicity terms (race-neutral)', () => {
    expect(problemsOf(csv('gli-global-2022', `${HEADER_2012}\n${ROW_2012}`))).toEqual([
      '2: a3: race-neutral',
      '2: p2: race-neutral',
    ]);
  });

  it('reads the spline-sheet layout, taking v1 from the next quarter-year row', () => {
    // Column names as in the published workbook's sheets ('M Spline' …), with sex, f and the coefficients added.
    const text = [
      'Sex,F,agebound,Lspline,M Spline,S Spline,a0,a1,a2,p0,p1,q0,q1',
      'F,FVC,64,0,0.01,0.1,-6,1,0.5,-2,0,1,0',
      'F,FVC,64.25,0,0.05,0.2,-6,1,0.5,-2,0,1,0',
    ].join('\n');
    const parsed = parseGliLookupTable(csv('gli-global-2022', text));
    expect(parsed.kind).toBe('ok');
    if (parsed.kind === 'ok') {
      expect(parsed.table.rows.map((r) => [r.ageBound, r.m0, r.m1, r.s0, r.s1])).toEqual([
        [64, 0.01, 0.05, 0.1, 0.2],
        [64.25, 0.05, 0.05, 0.2, 0.2], // the last row keeps its own value
      ]);
      // age 64.125: fraction 0.5 ⇒ Mspline = 0.01 + 0.04·0.5 = 0.03; M = 160·√64.125·e^(−6 + 0.03)
      const predicted = gliPredict(parsed.table, {
        sex: 'female',
        ageYears: 64.125,
        heightCm: 160,
        parameter: 'FVC',
      });
      expect(predicted.kind === 'ok' && predicted.value.predicted).toBeCloseTo(
        160 * Math.sqrt(64.125) * Math.exp(-6 + 0.03),
        12,
      );
    }
  });

  it('names the missing spline columns of the sheet layout', () => {
    expect(
      problemsOf(
        csv('gli-global-2022', 'sex,f,agebound,mspline,a0,a1,a2,p0,p1,q0,q1\n1,FVC,64,0,0,0,0,0,0,0,0'),
      ),
    ).toEqual(['1: lspline: required-column', '1: sspline: required-column']);
  });
});
