/**
 * ALSFRS-R items and their 0–4 anchor texts (Cedarbaum et al., J Neurol Sci 1999;169:13-21), as reproduced in the
 * sources listed in docs/methods/alsfrs-r.md (clinical.md §1.1, marked [V]). Short anchor texts only, for data entry.
 */

/** The keys an ALSFRS-R record uses: items 1–12 with item 5 split into 5a (no gastrostomy) and 5b (gastrostomy). */
export const ALSFRS_R_ITEM_KEYS = [
  '1',
  '2',
  '3',
  '4',
  '5a',
  '5b',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
] as const;
export type AlsfrsRItemKey = (typeof ALSFRS_R_ITEM_KEYS)[number];

/** The twelve scored positions (item 5 is whichever of 5a / 5b was answered). */
export const ALSFRS_R_ITEM_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export type AlsfrsRItemNumber = (typeof ALSFRS_R_ITEM_NUMBERS)[number];

/** An item score: 4 = normal … 0 = total loss of function. */
export type AlsfrsRItemScore = 0 | 1 | 2 | 3 | 4;

export const ALSFRS_R_DOMAINS = ['bulbar', 'fineMotor', 'grossMotor', 'respiratory'] as const;
export type AlsfrsRDomain = (typeof ALSFRS_R_DOMAINS)[number];

/** Which item numbers make up each domain subscore (0–12 each). */
export const ALSFRS_R_DOMAIN_ITEMS: Readonly<Record<AlsfrsRDomain, readonly AlsfrsRItemNumber[]>> = {
  bulbar: [1, 2, 3],
  fineMotor: [4, 5, 6],
  grossMotor: [7, 8, 9],
  respiratory: [10, 11, 12],
};

/** One item of the questionnaire as a form shows it. */
export interface AlsfrsRItemDefinition {
  readonly key: AlsfrsRItemKey;
  readonly number: AlsfrsRItemNumber;
  readonly name: string;
  /** Column name used by the PRO-ACT database. */
  readonly proActName: string;
  readonly domain: AlsfrsRDomain;
  /** Anchor text for each score, 4 (normal) down to 0. */
  readonly anchors: Readonly<Record<AlsfrsRItemScore, string>>;
  /** Shown with 5a / 5b: which participants answer this variant. */
  readonly appliesTo?: 'without-gastrostomy' | 'with-gastrostomy';
}

/** The 13 item definitions in questionnaire order (5a and 5b both listed; a form shows one of them). */
export const ALSFRS_R_ITEMS: readonly AlsfrsRItemDefinition[] = [
  {
    key: '1',
    number: 1,
    name: 'Speech',
    proActName: 'Q1_Speech',
    domain: 'bulbar',
    anchors: {
      4: 'Normal speech processes',
      3: 'Detectable speech disturbance',
      2: 'Intelligible with repeating',
      1: 'Speech combined with nonvocal communication',
      0: 'Loss of useful speech',
    },
  },
  {
    key: '2',
    number: 2,
    name: 'Salivation',
    proActName: 'Q2_Salivation',
    domain: 'bulbar',
    anchors: {
      4: 'Normal',
      3: 'Slight but definite excess of saliva in mouth; may have nighttime drooling',
      2: 'Moderately excessive saliva; may have minimal drooling',
      1: 'Marked excess of saliva with some drooling',
      0: 'Marked drooling; requires constant tissue or handkerchief',
    },
  },
  {
    key: '3',
    number: 3,
    name: 'Swallowing',
    proActName: 'Q3_Swallowing',
    domain: 'bulbar',
    anchors: {
      4: 'Normal eating habits',
      3: 'Early eating problems – occasional choking',
      2: 'Dietary consistency changes',
      1: 'Needs supplemental tube feeding',
      0: 'NPO (exclusively parenteral or enteral feeding)',
    },
  },
  {
    key: '4',
    number: 4,
    name: 'Handwriting',
    proActName: 'Q4_Handwriting',
    domain: 'fineMotor',
    anchors: {
      4: 'Normal',
      3: 'Slow or sloppy; all words legible',
      2: 'Not all words are legible',
      1: 'Able to grip pen but unable to write',
      0: 'Unable to grip pen',
    },
  },
  {
    key: '5a',
    number: 5,
    name: 'Cutting food and handling utensils (without gastrostomy)',
    proActName: 'Q5a_Cutting_without_Gastrostomy',
    domain: 'fineMotor',
    appliesTo: 'without-gastrostomy',
    anchors: {
      4: 'Normal',
      3: 'Somewhat slow and clumsy, but no help needed',
      2: 'Can cut most foods, although clumsy and slow; some help needed',
      1: 'Food must be cut by someone, but can still feed slowly',
      0: 'Needs to be fed',
    },
  },
  {
    key: '5b',
    number: 5,
    name: 'Cutting food and handling utensils (alternate scale for patients with gastrostomy)',
    proActName: 'Q5b_Cutting_with_Gastrostomy',
    domain: 'fineMotor',
    appliesTo: 'with-gastrostomy',
    anchors: {
      4: 'Normal',
      3: 'Clumsy but able to perform all manipulations independently',
      2: 'Some help needed with closures and fasteners',
      1: 'Provides minimal assistance to caregiver',
      0: 'Unable to perform any aspect of task',
    },
  },
  {
    key: '6',
    number: 6,
    name: 'Dressing and hygiene',
    proActName: 'Q6_Dressing_and_Hygiene',
    domain: 'fineMotor',
    anchors: {
      4: 'Normal function',
      3: 'Independent and complete self-care with effort or decreased efficiency',
      2: 'Intermittent assistance or substitute methods',
      1: 'Needs attendant for self-care',
      0: 'Total dependence',
    },
  },
  {
    key: '7',
    number: 7,
    name: 'Turning in bed and adjusting bed clothes',
    proActName: 'Q7_Turning_in_Bed',
    domain: 'grossMotor',
    anchors: {
      4: 'Normal',
      3: 'Somewhat slow and clumsy, but no help needed',
      2: 'Can turn alone or adjust sheets, but with great difficulty',
      1: 'Can initiate, but not turn or adjust sheets alone',
      0: 'Helpless',
    },
  },
  {
    key: '8',
    number: 8,
    name: 'Walking',
    proActName: 'Q8_Walking',
    domain: 'grossMotor',
    anchors: {
      4: 'Normal',
      3: 'Early ambulation difficulties',
      2: 'Walks with assistance',
      1: 'Nonambulatory functional movement only',
      0: 'No purposeful leg movement',
    },
  },
  {
    key: '9',
    number: 9,
    name: 'Climbing stairs',
    proActName: 'Q9_Climbing_Stairs',
    domain: 'grossMotor',
    anchors: {
      4: 'Normal',
      3: 'Slow',
      2: 'Mild unsteadiness or fatigue',
      1: 'Needs assistance',
      0: 'Cannot do',
    },
  },
  {
    key: '10',
    number: 10,
    name: 'Dyspnea',
    proActName: 'R_1_Dyspnea',
    domain: 'respiratory',
    anchors: {
      4: 'None',
      3: 'Occurs when walking',
      2: 'Occurs with one or more of: eating, bathing, dressing (ADL)',
      1: 'Occurs at rest, difficulty breathing when either sitting or lying',
      0: 'Significant difficulty, considering using mechanical respiratory support',
    },
  },
  {
    key: '11',
    number: 11,
    name: 'Orthopnea',
    proActName: 'R_2_Orthopnea',
    domain: 'respiratory',
    anchors: {
      4: 'None',
      3: 'Some difficulty sleeping at night due to shortness of breath; does not routinely use more than two pillows',
      2: 'Needs extra pillows in order to sleep (more than two)',
      1: 'Can only sleep sitting up',
      0: 'Unable to sleep',
    },
  },
  {
    key: '12',
    number: 12,
    name: 'Respiratory insufficiency',
    proActName: 'R_3_Respiratory_Insufficiency',
    domain: 'respiratory',
    anchors: {
      4: 'None',
      3: 'Intermittent use of BiPAP (NIPPV)',
      2: 'Continuous use of BiPAP during the night',
      1: 'Continuous use of BiPAP during the night and day',
      0: 'Invasive mechanical ventilation by intubation or tracheostomy',
    },
  },
];

/** A complete, validated ALSFRS-R record: a score for each of the 12 positions and which item-5 scale was used. */
export interface AlsfrsRItems {
  readonly scores: Readonly<Record<AlsfrsRItemNumber, AlsfrsRItemScore>>;
  /** 'a' = item 5a (no gastrostomy), 'b' = item 5b (participant has a gastrostomy). */
  readonly item5Scale: 'a' | 'b';
}
