import {
  absolute,
  above,
  below,
  requires,
  timesOf,
  type CtcaeGradeTexts,
  type CtcaeLabRule,
  type CtcaeVersion,
} from './ctcae-terms.js';

/**
 * CTCAE lab terms whose numeric thresholds are the same in v5.0 (Nov 2017) and v4.03 (Jun 2010) — clinical.md §4
 * "same" / "wording only" rows; grade texts from admiral `ncictcaev5.json` / `ncictcaev4.json` (which transcribe
 * CTCAE). Where only the wording differs, both texts are kept.
 */

const lln = timesOf('lln', 1);
const uln = timesOf('uln', 1);
const DEATH = 'Death';
const LIFE = 'Life-threatening consequences; urgent intervention indicated';

const texts = (
  ...[g1, g2, g3, g4, g5 = '-']: readonly [string, string, string, string, string?]
): CtcaeGradeTexts => ({
  1: g1,
  2: g2,
  3: g3,
  4: g4,
  5: g5,
});

/** "Low" count terms: grade 4/3/2 absolute (10⁹/L), grade 1 below LLN. */
function lowCount(
  version: CtcaeVersion,
  spec: {
    readonly term: CtcaeLabRule['term'];
    readonly test: string;
    readonly cuts: readonly [number, number, number];
  },
  grades: CtcaeGradeTexts,
): CtcaeLabRule {
  const [g4, g3, g2] = spec.cuts;
  return {
    version,
    term: spec.term,
    test: spec.test,
    direction: 'low',
    unit: '10*9/L',
    grades,
    steps: [
      below(4, absolute(g4)),
      below(3, absolute(g3)),
      below(2, absolute(g2)),
      requires('lln'),
      below(1, lln),
    ],
  };
}

/** Terms graded identically by v5.0 and v4.03, for the given version. */
export function commonLabRules(version: CtcaeVersion): readonly CtcaeLabRule[] {
  const v5 = version === 'v5.0';
  return [
    {
      version,
      term: 'Anemia',
      test: 'hemoglobin',
      direction: 'low',
      unit: 'g/L',
      grades: texts(
        'Hemoglobin (Hgb) <LLN - 10.0 g/dL; <LLN - 6.2 mmol/L; <LLN - 100 g/L',
        'Hgb <10.0 - 8.0 g/dL; <6.2 - 4.9 mmol/L; <100 - 80g/L',
        'Hgb <8.0 g/dL; <4.9 mmol/L; <80 g/L; transfusion indicated',
        LIFE,
        DEATH,
      ),
      steps: [below(3, absolute(80)), below(2, absolute(100)), requires('lln'), below(1, lln)],
      note: 'Grade 4 (life-threatening) and 5 (death) are clinical: a lab value alone gives at most grade 3.',
    },
    {
      version,
      term: 'Leukocytosis',
      test: 'wbc',
      direction: 'high',
      unit: '10*9/L',
      grades: texts(
        '-',
        '-',
        '>100,000/mm3',
        'Clinical manifestations of leucostasis; urgent intervention indicated',
        DEATH,
      ),
      steps: [above(3, absolute(100))],
      note: 'Grade 4 (leukostasis) is clinical: a lab value alone gives at most grade 3.',
    },
    lowCount(
      version,
      { term: 'White blood cell decreased', test: 'wbc', cuts: [1, 2, 3] },
      texts(
        '<LLN - 3000/mm3; <LLN - 3.0 x 10e9 /L',
        '<3000 - 2000/mm3; <3.0 - 2.0 x 10e9 /L',
        '<2000 - 1000/mm3; <2.0 - 1.0 x 10e9 /L',
        '<1000/mm3; <1.0 x 10e9 /L',
      ),
    ),
    lowCount(
      version,
      { term: 'Neutrophil count decreased', test: 'neutrophils', cuts: [0.5, 1, 1.5] },
      texts(
        '<LLN - 1500/mm3; <LLN - 1.5 x 10e9 /L',
        '<1500 - 1000/mm3; <1.5 - 1.0 x 10e9 /L',
        '<1000 - 500/mm3; <1.0 - 0.5 x 10e9 /L',
        '<500/mm3; <0.5 x 10e9 /L',
      ),
    ),
    lowCount(
      version,
      { term: 'Lymphocyte count decreased', test: 'lymphocytes', cuts: [0.2, 0.5, 0.8] },
      texts(
        '<LLN - 800/mm3; <LLN - 0.8 x 10e9/L',
        '<800 - 500/mm3; <0.8 - 0.5 x 10e9 /L',
        '<500 - 200/mm3; <0.5 - 0.2 x 10e9 /L',
        '<200/mm3; <0.2 x 10e9 /L',
      ),
    ),
    lowCount(
      version,
      { term: 'Platelet count decreased', test: 'platelets', cuts: [25, 50, 75] },
      texts(
        '<LLN - 75,000/mm3; <LLN - 75.0 x 10e9 /L',
        '<75,000 - 50,000/mm3; <75.0 - 50.0 x 10e9 /L',
        '<50,000 - 25,000/mm3; <50.0 - 25.0 x 10e9 /L',
        '<25,000/mm3; <25.0 x 10e9 /L',
      ),
    ),
    {
      version,
      term: 'Lymphocyte count increased',
      test: 'lymphocytes',
      direction: 'high',
      unit: '10*9/L',
      grades: texts('-', '>4000/mm3 - 20,000/mm3', '>20,000/mm3', '-'),
      steps: [above(3, absolute(20)), above(2, absolute(4))],
    },
    {
      version,
      term: 'CPK increased',
      test: 'ck',
      direction: 'high',
      unit: 'U/L',
      grades: texts('>ULN - 2.5 x ULN', '>2.5 x ULN - 5 x ULN', '>5 x ULN - 10 x ULN', '>10 x ULN'),
      steps: [
        requires('uln'),
        above(4, timesOf('uln', 10)),
        above(3, timesOf('uln', 5)),
        above(2, timesOf('uln', 2.5)),
        above(1, uln),
      ],
    },
    {
      version,
      term: 'Hypernatremia',
      test: 'sodium',
      direction: 'high',
      unit: 'mmol/L',
      grades: texts(
        '>ULN - 150 mmol/L',
        v5 ? '>150 - 155 mmol/L; intervention initiated' : '>150 - 155 mmol/L',
        '>155 - 160 mmol/L; hospitalization indicated',
        '>160 mmol/L; life-threatening consequences',
        DEATH,
      ),
      steps: [
        above(4, absolute(160)),
        above(3, absolute(155)),
        above(2, absolute(150)),
        requires('uln'),
        above(1, uln),
      ],
    },
    {
      version,
      term: 'Hypokalemia',
      test: 'potassium',
      direction: 'low',
      unit: 'mmol/L',
      grades: texts(
        '<LLN - 3.0 mmol/L',
        v5
          ? 'Symptomatic with <LLN - 3.0 mmol/L; intervention indicated'
          : '<LLN - 3.0 mmol/L; symptomatic; intervention indicated',
        '<3.0 - 2.5 mmol/L; hospitalization indicated',
        '<2.5 mmol/L; life-threatening consequences',
        DEATH,
      ),
      steps: [
        below(4, absolute(2.5)),
        below(3, absolute(3)),
        requires('lln'),
        below(1, lln, 'asymptomatic, no intervention (lab-only)'),
      ],
      worstCaseSteps: [
        below(4, absolute(2.5)),
        below(3, absolute(3)),
        requires('lln'),
        below(2, lln, 'symptomatic; intervention indicated (admiral worst case)'),
      ],
      note: '<LLN - 3.0 mmol/L is grade 1, or grade 2 when symptomatic / intervention indicated: the investigator may upgrade.',
    },
    {
      version,
      term: 'Hyperkalemia',
      test: 'potassium',
      direction: 'high',
      unit: 'mmol/L',
      grades: texts(
        '>ULN - 5.5 mmol/L',
        v5 ? '>5.5 - 6.0 mmol/L; intervention initiated' : '>5.5 - 6.0 mmol/L',
        '>6.0 - 7.0 mmol/L; hospitalization indicated',
        '>7.0 mmol/L; life-threatening consequences',
        DEATH,
      ),
      steps: [
        above(4, absolute(7)),
        above(3, absolute(6)),
        above(2, absolute(5.5)),
        requires('uln'),
        above(1, uln),
      ],
    },
    ...calciumRules(version),
    {
      version,
      term: 'Hypomagnesemia',
      test: 'magnesium',
      direction: 'low',
      unit: 'mmol/L',
      grades: texts(
        '<LLN - 1.2 mg/dL; <LLN - 0.5 mmol/L',
        '<1.2 - 0.9 mg/dL; <0.5 - 0.4 mmol/L',
        '<0.9 - 0.7 mg/dL; <0.4 - 0.3 mmol/L',
        '<0.7 mg/dL; <0.3 mmol/L; life-threatening consequences',
        DEATH,
      ),
      steps: [
        below(4, absolute(0.3)),
        below(3, absolute(0.4)),
        below(2, absolute(0.5)),
        requires('lln'),
        below(1, lln),
      ],
    },
    {
      version,
      term: 'Hypermagnesemia',
      test: 'magnesium',
      direction: 'high',
      unit: 'mmol/L',
      grades: texts(
        '>ULN - 3.0 mg/dL; >ULN - 1.23 mmol/L',
        '-',
        '>3.0 - 8.0 mg/dL; >1.23 - 3.30 mmol/L',
        '>8.0 mg/dL; >3.30 mmol/L; life-threatening consequences',
        DEATH,
      ),
      steps: [above(4, absolute(3.3)), above(3, absolute(1.23)), requires('uln'), above(1, uln)],
    },
    {
      version,
      term: 'Hypoglycemia',
      test: 'glucose',
      direction: 'low',
      unit: 'mmol/L',
      grades: texts(
        '<LLN - 55 mg/dL; <LLN - 3.0 mmol/L',
        '<55 - 40 mg/dL; <3.0 - 2.2 mmol/L',
        '<40 - 30 mg/dL; <2.2 - 1.7 mmol/L',
        '<30 mg/dL; <1.7 mmol/L; life-threatening consequences; seizures',
        DEATH,
      ),
      steps: [
        below(4, absolute(1.7)),
        below(3, absolute(2.2)),
        below(2, absolute(3)),
        requires('lln'),
        below(1, lln),
      ],
    },
    {
      version,
      term: 'Hypoalbuminemia',
      test: 'albumin',
      direction: 'low',
      unit: 'g/L',
      grades: texts(
        '<LLN - 3 g/dL; <LLN - 30 g/L',
        '<3 - 2 g/dL; <30 - 20 g/L',
        '<2 g/dL; <20 g/L',
        LIFE,
        DEATH,
      ),
      steps: [below(3, absolute(20)), below(2, absolute(30)), requires('lln'), below(1, lln)],
      note: 'Grade 4 (life-threatening) is clinical: a lab value alone gives at most grade 3.',
    },
  ];
}

const HYPO_CA = texts(
  'Corrected serum calcium of <LLN - 8.0 mg/dL; <LLN - 2.0 mmol/L; Ionized calcium <LLN - 1.0 mmol/L',
  'Corrected serum calcium of <8.0 - 7.0 mg/dL; <2.0 - 1.75 mmol/L; Ionized calcium <1.0 - 0.9 mmol/L; symptomatic',
  'Corrected serum calcium of <7.0 - 6.0 mg/dL; <1.75 - 1.5 mmol/L; Ionized calcium <0.9 - 0.8 mmol/L; hospitalization indicated',
  'Corrected serum calcium of <6.0 mg/dL; <1.5 mmol/L; Ionized calcium <0.8 mmol/L; life-threatening consequences',
  DEATH,
);
const HYPER_CA = texts(
  'Corrected serum calcium of >ULN - 11.5 mg/dL; >ULN - 2.9 mmol/L; Ionized calcium >ULN - 1.5 mmol/L',
  'Corrected serum calcium of >11.5 - 12.5 mg/dL; >2.9 - 3.1 mmol/L; Ionized calcium >1.5 - 1.6 mmol/L; symptomatic',
  'Corrected serum calcium of >12.5 - 13.5 mg/dL; >3.1 - 3.4 mmol/L; Ionized calcium >1.6 - 1.8 mmol/L; hospitalization indicated',
  'Corrected serum calcium of >13.5 mg/dL; >3.4 mmol/L; Ionized calcium >1.8 mmol/L; life-threatening consequences',
  DEATH,
);

/** Hypo-/hypercalcemia for albumin-corrected and ionized calcium (admiral splits the two; CTCAE term is one). */
function calciumRules(version: CtcaeVersion): readonly CtcaeLabRule[] {
  const hypo = (test: string, [g4, g3, g2]: readonly [number, number, number]): CtcaeLabRule => ({
    version,
    term: 'Hypocalcemia',
    test,
    direction: 'low',
    unit: 'mmol/L',
    grades: HYPO_CA,
    steps: [
      below(4, absolute(g4)),
      below(3, absolute(g3)),
      below(2, absolute(g2)),
      requires('lln'),
      below(1, lln),
    ],
  });
  const hyper = (test: string, [g4, g3, g2]: readonly [number, number, number]): CtcaeLabRule => ({
    version,
    term: 'Hypercalcemia',
    test,
    direction: 'high',
    unit: 'mmol/L',
    grades: HYPER_CA,
    steps: [
      above(4, absolute(g4)),
      above(3, absolute(g3)),
      above(2, absolute(g2)),
      requires('uln'),
      above(1, uln),
    ],
  });
  return [
    hypo('calcium-corrected', [1.5, 1.75, 2]),
    hypo('calcium-ionized', [0.8, 0.9, 1]),
    hyper('calcium-corrected', [3.4, 3.1, 2.9]),
    hyper('calcium-ionized', [1.8, 1.6, 1.5]),
  ];
}
