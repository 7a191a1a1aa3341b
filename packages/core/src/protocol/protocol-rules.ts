// The semantic rules of a protocol file: one id per rule, as printed by `celltrial protocol validate`.
// (Structural rules — unknown-key, missing-field, wrong-type, invalid-value, … — come from the schema.)
import type { ProtocolProblem } from './protocol-types.js';

export const PROTOCOL_RULES = {
  'duplicate-id': 'an id (or site code) is defined twice in the same list',
  'unknown-epoch': 'a visit names an epoch that is not defined',
  'unknown-form': 'a visit or procedure names a form that is not in `forms`',
  'unknown-form-definition': 'a form id names no definition in the form library (docs/forms.md)',
  'unknown-procedure': 'a visit or anchor names a procedure that is not in `procedures`',
  'unknown-arm': 'a visit, plan or escalation names an arm that is not in `design.arms`',
  'unknown-visit': 'an anchor, dose or endpoint names a visit that is not defined',
  'unknown-intervention': 'a dose or escalation names an intervention that is not defined',
  'unknown-part': 'randomization or escalation names a study part that is not in `design.parts`',
  'unknown-dose-level':
    'a starting level, dose, escalation level or rule names a dose level that is not defined',
  'unknown-stratum': 'a minimization factor names a stratum that is not in `randomization.strata`',
  'missing-dose-levels':
    'a dose given by level (or a modification rule set) has no dose levels to choose from',
  'missing-starting-level': 'dose levels exist but no starting level says which one is given first',
  'volume-range': 'a volume is neither a single `ml` nor a `minMl`–`maxMl` range with min ≤ max',
  'masking-count': 'the masking level does not match the number of masked roles',
  'model-arms': 'the intervention model does not fit the number of arms',
  'allocation-randomization': 'randomized allocation without a randomization section, or the reverse',
  'ratio-arms-mismatch': 'the randomization ratio does not name exactly the arms of the study',
  'ratio-size-mismatch': 'the arms’ planned sizes are not in the randomization ratio',
  'enrollment-exceeded':
    'planned arm, part or randomization sizes add up to more than the planned enrollment',
  'block-size-ratio': 'a permuted-block size is not a multiple of the ratio total',
  'escalation-counts': 'the 3+3 decision counts are inconsistent with the cohort sizes',
  'escalation-dose': 'the escalated intervention is not dosed by level',
  'age-range': 'the minimum age is above the maximum age',
  'criterion-rule-and-manual': 'a criterion has both a rule and `manual: true`',
  'rule-syntax': 'an eligibility rule does not parse (the message gives the column and what was expected)',
  'unknown-variable':
    'an eligibility rule names a variable, condition code or medication that screening records do not have',
  'rule-type':
    'an eligibility rule compares values of different types or uses a value its variable cannot take',
  'arm-without-doses': 'an arm that receives an intervention has no administration plan',
  'unscheduled-dose': 'a dose is planned at an unscheduled visit',
  'dose-visit-not-in-arm': 'a dose is planned at a visit that the arm does not attend',
  'missing-timing': 'a scheduled visit lacks its anchor, offsetDays or window',
  'unscheduled-timing': 'an unscheduled visit has an anchor, offset, window, repeat or events',
  'repeat-bound': 'a repeat needs exactly one of `count` or `untilDay` and at least one occurrence',
  'repeat-anchor': 'a repeating visit is anchored to the previous dose',
  'invalid-anchor': 'the study-day reference is anchored to the previous dose',
  'anchor-cycle': 'anchors lead back to the visit itself',
  'unscheduled-anchor': 'a visit is anchored to an unscheduled visit',
  'anchor-not-in-arm': 'a visit of an arm is anchored to a visit that arm does not attend',
  'procedure-not-scheduled': 'an anchor names a procedure that no scheduled visit performs',
  'no-previous-dose': 'a visit is anchored to the previous dose but no dose precedes it',
  'window-overlap': 'a visit window reaches into the window (or date) of the neighbouring visit',
  'dose-order': 'an arm’s doses are not in chronological order',
  'masked-calendar-differs': 'arms of a masked study have different visit calendars',
} as const;
export type ProtocolRule = keyof typeof PROTOCOL_RULES;

/** Collects problems for one validation pass. */
export class ProblemList {
  readonly items: ProtocolProblem[] = [];

  /** Adds a problem. */
  add(path: (string | number)[], rule: ProtocolRule, message: string): void {
    this.items.push({ path, rule, message });
  }

  /** Reports every value of `item[field]` that occurs more than once in a list, at the later occurrence. */
  duplicates<F extends string>(
    items: readonly Record<F, string>[] | undefined,
    path: (string | number)[],
    field: F,
  ): void {
    const seen = new Set<string>();
    (items ?? []).forEach((item, index) => {
      const id = item[field];
      if (seen.has(id)) {
        this.add([...path, index, field], 'duplicate-id', `${field} '${id}' is defined more than once`);
      }
      seen.add(id);
    });
  }
}
