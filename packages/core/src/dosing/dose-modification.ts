import { isIsoCalendarDate } from '../protocol/iso-date.js';
import type {
  ProtocolDoseAction,
  ProtocolDoseLevel,
  ProtocolDoseRule,
  ProtocolIntervention,
} from '../protocol/protocol-types.js';
import { describeValue, problem, type ScaleProblem } from '../scales/scale-result.js';
import { allOf, evaluateCondition, type DoseHistory, type Truth } from './dose-conditions.js';
import { checkHistory, checkProtocolPart } from './dose-history-checks.js';

/**
 * The protocol's dose-modification rules applied before a dose after the first: rules in order, the first whose
 * conditions are all met applies; a step up or down never goes past the highest or lowest level. A rule whose
 * outcome cannot be known (missing data, an investigator's judgement not given) stops the evaluation with
 * 'needs-judgement', because a later rule may only apply if it does not. docs/methods/dosing.md.
 */

export interface DoseModificationInput {
  /** The intervention, with `doseLevels` (lowest first) and `doseModification`. */
  readonly intervention: ProtocolIntervention;
  /** Level of the previous dose. */
  readonly currentLevel: string;
  readonly history: DoseHistory;
  /** Day of the dose being decided. Data dated after it is not considered. */
  readonly doseDate: string;
  /** Investigator's answers to rules with an `investigator-judgement` condition, by rule id. */
  readonly judgements?: Readonly<Record<string, boolean>>;
}

export interface DoseRuleRef {
  readonly id: string;
  readonly text: string;
  /** True when the protocol marks the rule as an assumption (not stated by the source protocol). */
  readonly assumption: boolean;
}

/** A rule that was evaluated and did not apply, with its conditions' data. */
export interface DoseRuleNotMet {
  readonly rule: DoseRuleRef;
  readonly reasons: readonly string[];
}

export type DoseModificationResult =
  | {
      readonly kind: 'decision';
      readonly action: ProtocolDoseAction;
      /** Level of the next dose; null when the action is hold or discontinue (no dose now). */
      readonly nextLevel: string | null;
      readonly rule: DoseRuleRef;
      /** Each condition with the data that satisfied it, then how the action was applied. */
      readonly reasons: readonly string[];
      readonly notMet: readonly DoseRuleNotMet[];
    }
  | {
      readonly kind: 'needs-judgement';
      /** The rule that could not be decided; null when no rule applies at all. */
      readonly rule: DoseRuleRef | null;
      readonly reasons: readonly string[];
      /** The conditions that could not be evaluated. */
      readonly unresolved: readonly string[];
      readonly notMet: readonly DoseRuleNotMet[];
    }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

function ruleRef(rule: ProtocolDoseRule): DoseRuleRef {
  return { id: rule.id, text: rule.text, assumption: rule.assumption === true };
}

function stepTo(
  levels: readonly ProtocolDoseLevel[],
  from: number,
  move: { readonly direction: 1 | -1; readonly steps: number },
): { readonly level: ProtocolDoseLevel; readonly reason: string } {
  const wanted = from + move.direction * move.steps;
  const target = Math.min(Math.max(wanted, 0), levels.length - 1);
  const level = levels[target];
  const current = levels[from];
  if (level === undefined || current === undefined) {
    throw new RangeError('dose level index out of range');
  }
  const verb = move.direction === 1 ? 'up' : 'down';
  const planned = `${move.steps} level(s) ${verb} from '${current.id}'`;
  if (target === wanted) {
    return { level, reason: `${planned}: '${level.id}' (${level.name})` };
  }
  const edge = move.direction === 1 ? 'highest' : 'lowest';
  return {
    level,
    reason: `${planned} would pass the ${edge} level; the dose stays at the ${edge} level '${level.id}' (${level.name})`,
  };
}

function applyAction(
  action: ProtocolDoseAction,
  levels: readonly ProtocolDoseLevel[],
  from: number,
): { readonly nextLevel: string | null; readonly reason: string } {
  const current = levels[from];
  if (current === undefined) {
    throw new RangeError('dose level index out of range');
  }
  switch (action.kind) {
    case 'increase':
    case 'decrease': {
      const step = stepTo(levels, from, {
        direction: action.kind === 'increase' ? 1 : -1,
        steps: action.steps,
      });
      return { nextLevel: step.level.id, reason: step.reason };
    }
    case 'set': {
      const level = levels.find((candidate) => candidate.id === action.level);
      return {
        nextLevel: action.level,
        reason: `set the level to '${action.level}' (${level?.name ?? '?'})`,
      };
    }
    case 'keep':
      return { nextLevel: current.id, reason: `keep the level '${current.id}' (${current.name})` };
    case 'hold':
      return {
        nextLevel: null,
        reason: `hold: no dose now; the level stays '${current.id}' for the next evaluation`,
      };
    case 'discontinue':
      return { nextLevel: null, reason: 'discontinue dosing' };
  }
}

interface Prepared {
  readonly levels: readonly ProtocolDoseLevel[];
  readonly from: number;
  readonly since: { readonly 'previous-dose': string; readonly 'first-dose': string };
  readonly rules: readonly ProtocolDoseRule[];
}

function prepare(input: DoseModificationInput): Prepared | { readonly problems: ScaleProblem[] } {
  const problems = checkProtocolPart(input.intervention);
  const levels = input.intervention.doseLevels ?? [];
  const ids = new Set(levels.map((level) => level.id));
  if (!isIsoCalendarDate(input.doseDate)) {
    const message = `doseDate must be a date written YYYY-MM-DD, got ${describeValue(input.doseDate)}`;
    problems.push(problem('doseDate', 'iso-date', message));
  }
  const from = levels.findIndex((level) => level.id === input.currentLevel);
  if (from < 0) {
    const message = `current level ${describeValue(input.currentLevel)} is not one of ${[...ids].join(', ')}`;
    problems.push(problem('currentLevel', 'unknown-dose-level', message));
  }
  problems.push(...checkHistory(input.history, ids));
  if (problems.length > 0) {
    return { problems };
  }
  const earlier = input.history.doses.filter((dose) => dose.date < input.doseDate);
  const dates = earlier.map((dose) => dose.date).sort();
  const firstDose = dates[0];
  const previousDate = dates.at(-1);
  if (firstDose === undefined || previousDate === undefined) {
    const message =
      'dose modification applies before each dose after the first: no earlier dose in the history';
    return { problems: [problem('history.doses', 'no-previous-dose', message)] };
  }
  const previousLevels = new Set(
    earlier.filter((dose) => dose.date === previousDate).map((dose) => dose.level),
  );
  if (!previousLevels.has(input.currentLevel) || previousLevels.size > 1) {
    const message = `the previous dose (${previousDate}) was given at ${[...previousLevels].join(', ')}, not '${input.currentLevel}'`;
    return { problems: [problem('currentLevel', 'matches-previous-dose', message)] };
  }
  return {
    levels,
    from,
    since: { 'previous-dose': previousDate, 'first-dose': firstDose },
    rules: input.intervention.doseModification?.rules ?? [],
  };
}

/** Applies the protocol's dose-modification rules for the dose on `doseDate`. */
export function evaluateDoseModification(input: DoseModificationInput): DoseModificationResult {
  const prepared = prepare(input);
  if ('problems' in prepared) {
    return { kind: 'invalid', problems: prepared.problems };
  }
  const notMet: DoseRuleNotMet[] = [];
  for (const rule of prepared.rules) {
    const window = {
      since: prepared.since,
      doseDate: input.doseDate,
      judgement: input.judgements?.[rule.id],
    };
    const outcomes = rule.when.map((condition) => evaluateCondition(condition, input.history, window));
    const truth: Truth = allOf(outcomes.map((outcome) => outcome.truth));
    const reasons = outcomes.map((outcome) => outcome.reason);
    if (truth === 'not-met') {
      notMet.push({
        rule: ruleRef(rule),
        reasons: outcomes.filter((o) => o.truth === 'not-met').map((o) => o.reason),
      });
      continue;
    }
    if (truth === 'unknown') {
      const unresolved = outcomes
        .filter((outcome) => outcome.truth === 'unknown')
        .map((outcome) => outcome.reason);
      return { kind: 'needs-judgement', rule: ruleRef(rule), reasons, unresolved, notMet };
    }
    const applied = applyAction(rule.then, prepared.levels, prepared.from);
    const conditions = reasons.length === 0 ? ['no conditions: applies when no earlier rule did'] : reasons;
    return {
      kind: 'decision',
      action: rule.then,
      nextLevel: applied.nextLevel,
      rule: ruleRef(rule),
      reasons: [...conditions, applied.reason],
      notMet,
    };
  }
  const reasons = ['no rule applies and the protocol has no fallback rule: the investigator decides'];
  return { kind: 'needs-judgement', rule: null, reasons, unresolved: [], notMet };
}
