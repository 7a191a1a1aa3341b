import {
  absolute,
  above,
  atLeast,
  below,
  plusOf,
  requires,
  timesOf,
  type CtcaeGradeTexts,
  type CtcaeLabRule,
  type CtcaeLabTerm,
  type LabGradingStep,
} from './ctcae-terms.js';

/**
 * CTCAE lab terms whose thresholds differ between v5.0 (27 Nov 2017) and v4.03 (14 Jun 2010): clinical.md §4 rows
 * marked v4 vs v5; grade texts and criteria as in admiral `ncictcaev5.json` / `ncictcaev4.json`.
 * v5 liver tests switch to multiples of BASELINE when the baseline was abnormal (baseline > ULN, admiral's
 * BNRIND = HIGH); v4 grades them on ULN only.
 */

const uln = (times: number) => timesOf('uln', times);
const base = (times: number) => timesOf('baseline', times);

const texts = (
  ...[g1, g2, g3, g4, g5 = '-']: readonly [string, string, string, string, string?]
): CtcaeGradeTexts => ({
  1: g1,
  2: g2,
  3: g3,
  4: g4,
  5: g5,
});

/** ULN-multiple steps for grades 4, 3, 2, 1 (">x × ULN" each). */
function ulnSteps([g4, g3, g2]: readonly [number, number, number]): readonly LabGradingStep[] {
  return [requires('uln'), above(4, uln(g4)), above(3, uln(g3)), above(2, uln(g2)), above(1, uln(1))];
}

interface LiverSpec {
  readonly term: CtcaeLabTerm;
  readonly test: string;
  readonly cuts: readonly [number, number, number];
  /** Grade 1 with abnormal baseline: the multiple of baseline and whether it is inclusive ("2.0 - 2.5 x"). */
  readonly abnormalGrade1: { readonly times: number; readonly inclusive: boolean };
}

const LIVER: readonly LiverSpec[] = [
  {
    term: 'Alanine aminotransferase increased',
    test: 'alt',
    cuts: [20, 5, 3],
    abnormalGrade1: { times: 1.5, inclusive: true },
  },
  {
    term: 'Aspartate aminotransferase increased',
    test: 'ast',
    cuts: [20, 5, 3],
    abnormalGrade1: { times: 1.5, inclusive: true },
  },
  {
    term: 'Blood bilirubin increased',
    test: 'bilirubin-total',
    cuts: [10, 3, 1.5],
    abnormalGrade1: { times: 1, inclusive: false },
  },
  {
    term: 'Alkaline phosphatase increased',
    test: 'alp',
    cuts: [20, 5, 2.5],
    abnormalGrade1: { times: 2, inclusive: true },
  },
  { term: 'GGT increased', test: 'ggt', cuts: [20, 5, 2.5], abnormalGrade1: { times: 2, inclusive: true } },
];

const range = (low: string, high: number, what: string): string => `${low} - ${high.toFixed(1)} x ${what}`;

function liverTextsV5({ cuts: [g4, g3, g2], abnormalGrade1 }: LiverSpec): CtcaeGradeTexts {
  const g1Low = abnormalGrade1.inclusive
    ? abnormalGrade1.times.toFixed(1)
    : `> ${abnormalGrade1.times.toFixed(1)}`;
  const both = (low: string, high: number) =>
    `${range(low, high, 'ULN')} if baseline was normal; ${range(low, high, 'baseline')} if baseline was abnormal`;
  return texts(
    `>ULN - ${g2.toFixed(1)} x ULN if baseline was normal; ${g1Low} - ${g2.toFixed(1)} x baseline if baseline was abnormal`,
    both(`>${g2.toFixed(1)}`, g3),
    both(`>${g3.toFixed(1)}`, g4),
    `>${g4.toFixed(1)} x ULN if baseline was normal; >${g4.toFixed(1)} x baseline if baseline was abnormal`,
  );
}

function liverTextsV4({ cuts: [g4, g3, g2] }: LiverSpec): CtcaeGradeTexts {
  return texts(
    `>ULN - ${g2.toFixed(1)} x ULN`,
    `>${g2.toFixed(1)} - ${g3.toFixed(1)} x ULN`,
    `>${g3.toFixed(1)} - ${g4.toFixed(1)} x ULN`,
    `>${g4.toFixed(1)} x ULN`,
  );
}

function liverRuleV5(spec: LiverSpec): CtcaeLabRule {
  const [g4, g3, g2] = spec.cuts;
  const { times, inclusive } = spec.abnormalGrade1;
  return {
    version: 'v5.0',
    term: spec.term,
    test: spec.test,
    direction: 'high',
    unit: spec.test === 'bilirubin-total' ? 'umol/L' : 'U/L',
    grades: liverTextsV5(spec),
    steps: ulnSteps(spec.cuts),
    abnormalBaseline: {
      steps: [
        requires('uln'),
        above(4, base(g4)),
        above(3, base(g3)),
        above(2, base(g2)),
        inclusive ? atLeast(1, base(times)) : above(1, base(times)),
      ],
    },
  };
}

function liverRuleV4(spec: LiverSpec): CtcaeLabRule {
  return {
    version: 'v4.0',
    term: spec.term,
    test: spec.test,
    direction: 'high',
    unit: spec.test === 'bilirubin-total' ? 'umol/L' : 'U/L',
    grades: liverTextsV4(spec),
    steps: ulnSteps(spec.cuts),
  };
}

const CREATININE_G234 = [
  '>1.5 - 3.0 x baseline; >1.5 - 3.0 x ULN',
  '>3.0 baseline; >3.0 - 6.0 x ULN',
  '>6.0 x ULN',
] as const;

const creatinineUpper: readonly LabGradingStep[] = [
  above(4, uln(6)),
  above(3, uln(3)),
  above(3, base(3)),
  above(2, uln(1.5)),
  above(2, base(1.5)),
];

const HGB_INCREASED_V4 = ' above ULN or above baseline if baseline is above ULN';

/** The v5.0 rules of terms that changed between versions. */
export const V5_ONLY_RULES: readonly CtcaeLabRule[] = [
  ...LIVER.map(liverRuleV5),
  {
    version: 'v5.0',
    term: 'Creatinine increased',
    test: 'creatinine',
    direction: 'high',
    unit: 'umol/L',
    grades: texts('>ULN - 1.5 x ULN', ...CREATININE_G234),
    steps: [...creatinineUpper, requires('uln'), above(1, uln(1))],
    note: 'Baseline clauses (grades 2-3) apply only when a baseline is given.',
  },
  {
    version: 'v5.0',
    term: 'Hyponatremia',
    test: 'sodium',
    direction: 'low',
    unit: 'mmol/L',
    grades: texts(
      '<LLN - 130 mmol/L',
      '125-129 mmol/L and asymptomatic',
      '125-129 mmol/L symptomatic; 120-124 mmol/L regardless of symptoms',
      '<120 mmol/L; life-threatening consequences',
      'Death',
    ),
    steps: [
      below(4, absolute(120)),
      below(3, absolute(125)),
      below(2, absolute(130), 'asymptomatic (lab-only)'),
      requires('lln'),
      below(1, timesOf('lln', 1)),
    ],
    worstCaseSteps: [
      below(4, absolute(120)),
      below(3, absolute(130), 'symptomatic (admiral worst case)'),
      requires('lln'),
      below(1, timesOf('lln', 1)),
    ],
    note: '125-129 mmol/L is grade 2 when asymptomatic, grade 3 when symptomatic: the investigator may upgrade.',
  },
  {
    version: 'v5.0',
    term: 'Hemoglobin increased',
    test: 'hemoglobin',
    direction: 'high',
    unit: 'g/L',
    grades: texts(
      'Increase in >0 - 2 g/dL above ULN',
      'Increase in >2 - 4 g/dL above ULN',
      'Increase in >4 g/dL above ULN',
      '-',
    ),
    steps: [
      requires('uln'),
      above(3, plusOf('uln', 40)),
      above(2, plusOf('uln', 20)),
      above(1, plusOf('uln', 0)),
    ],
  },
];

/** The v4.03 rules of terms that changed between versions. */
export const V4_ONLY_RULES: readonly CtcaeLabRule[] = [
  ...LIVER.map(liverRuleV4),
  {
    version: 'v4.0',
    term: 'Creatinine increased',
    test: 'creatinine',
    direction: 'high',
    unit: 'umol/L',
    grades: texts('>1 - 1.5 x baseline; >ULN - 1.5 x ULN', ...CREATININE_G234),
    steps: [...creatinineUpper, above(1, uln(1)), above(1, base(1)), requires('uln', 'baseline')],
    note: 'Grade 1 needs both ULN and baseline unless one of them already fires (admiral).',
  },
  {
    version: 'v4.0',
    term: 'Hyponatremia',
    test: 'sodium',
    direction: 'low',
    unit: 'mmol/L',
    grades: texts(
      '<LLN - 130 mmol/L',
      '-',
      '<130 - 120 mmol/L',
      '<120 mmol/L; life-threatening consequences',
      'Death',
    ),
    steps: [below(4, absolute(120)), below(3, absolute(130)), requires('lln'), below(1, timesOf('lln', 1))],
  },
  {
    version: 'v4.0',
    term: 'Hemoglobin increased',
    test: 'hemoglobin',
    direction: 'high',
    unit: 'g/L',
    grades: texts(
      `Increase in >0 - 2 gm/dL${HGB_INCREASED_V4}`,
      `Increase in >2 - 4 gm/dL${HGB_INCREASED_V4}`,
      `Increase in >4 gm/dL${HGB_INCREASED_V4}`,
      '-',
    ),
    steps: [
      requires('uln'),
      above(3, plusOf('uln', 40)),
      above(2, plusOf('uln', 20)),
      above(1, plusOf('uln', 0)),
    ],
    abnormalBaseline: {
      steps: [
        above(3, plusOf('baseline', 40)),
        above(2, plusOf('baseline', 20)),
        above(1, plusOf('baseline', 0)),
      ],
    },
  },
];
