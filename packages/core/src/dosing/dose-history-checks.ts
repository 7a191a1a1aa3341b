// Input checks for `evaluateDoseModification`: the protocol's levels and rules, the dose date and the history.
import type { ProtocolIntervention } from '../protocol/protocol-types.js';
import { isIsoCalendarDate } from '../protocol/iso-date.js';
import { describeValue, problem, type ScaleProblem } from '../scales/scale-result.js';
import type { DoseHistory } from './dose-conditions.js';

function checkDate(problems: ScaleProblem[], path: string, value: unknown): void {
  if (typeof value !== 'string' || !isIsoCalendarDate(value)) {
    problems.push(
      problem(path, 'iso-date', `${path} must be a date written YYYY-MM-DD, got ${describeValue(value)}`),
    );
  }
}

function checkBoolean(problems: ScaleProblem[], path: string, value: unknown): void {
  if (typeof value !== 'boolean') {
    problems.push(problem(path, 'boolean', `${path} must be true or false, got ${describeValue(value)}`));
  }
}

/** Levels exist, are ordered lowest first (checked when their amounts are comparable) and rules are usable. */
export function checkProtocolPart(intervention: ProtocolIntervention): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const levels = intervention.doseLevels ?? [];
  if (intervention.doseModification === undefined) {
    const message = `'${intervention.id}' has no doseModification rules in the protocol`;
    problems.push(problem('intervention.doseModification', 'no-dose-modification', message));
  }
  if (levels.length === 0) {
    problems.push(
      problem('intervention.doseLevels', 'missing-dose-levels', `'${intervention.id}' has no dose levels`),
    );
  }
  const first = levels[0];
  const comparable =
    first !== undefined &&
    levels.every(
      (level) =>
        level.amount !== undefined &&
        level.unit === first.unit &&
        (level.perKg ?? false) === (first.perKg ?? false),
    );
  if (comparable) {
    levels.forEach((level, index) => {
      const below = levels[index - 1];
      if (below?.amount !== undefined && level.amount !== undefined && level.amount <= below.amount) {
        const message = `dose levels must be listed lowest first: '${level.id}' (${level.amount}) is not above '${below.id}' (${below.amount})`;
        problems.push(problem(`intervention.doseLevels[${index}]`, 'levels-ascending', message));
      }
    });
  }
  const ids = new Set(levels.map((level) => level.id));
  (intervention.doseModification?.rules ?? []).forEach((rule, index) => {
    const path = `intervention.doseModification.rules[${index}].then`;
    const action = rule.then;
    if (action.kind === 'set' && !ids.has(action.level)) {
      problems.push(
        problem(`${path}.level`, 'unknown-dose-level', `dose level '${action.level}' is not defined`),
      );
    }
    if (
      (action.kind === 'increase' || action.kind === 'decrease') &&
      !(Number.isInteger(action.steps) && action.steps >= 1)
    ) {
      problems.push(
        problem(`${path}.steps`, 'integer-min-1', `steps must be a whole number ≥ 1, got ${action.steps}`),
      );
    }
  });
  return problems;
}

/** Dates, grades, flags, levels and values of the history; conflicting same-day values of a measure. */
export function checkHistory(history: DoseHistory, levelIds: ReadonlySet<string>): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  history.doses.forEach((dose, index) => {
    checkDate(problems, `history.doses[${index}].date`, dose.date);
    if (!levelIds.has(dose.level)) {
      const message = `dose level ${describeValue(dose.level)} is not defined in the protocol`;
      problems.push(problem(`history.doses[${index}].level`, 'unknown-dose-level', message));
    }
  });
  history.adverseEvents.forEach((event, index) => {
    const path = `history.adverseEvents[${index}]`;
    checkDate(problems, `${path}.onsetDate`, event.onsetDate);
    if (!Number.isInteger(event.grade) || event.grade < 1 || event.grade > 5) {
      const message = `grade must be an integer from 1 to 5, got ${describeValue(event.grade)}`;
      problems.push(problem(`${path}.grade`, 'integer-1-5', message));
    }
    checkBoolean(problems, `${path}.relatedProduct`, event.relatedProduct);
    checkBoolean(problems, `${path}.relatedProcedure`, event.relatedProcedure);
  });
  history.dlts.forEach((entry, index) => {
    checkDate(problems, `history.dlts[${index}].date`, entry.date);
    checkBoolean(problems, `history.dlts[${index}].dlt`, entry.dlt);
  });
  const seen = new Map<string, number>();
  history.measures.forEach((entry, index) => {
    const path = `history.measures[${index}]`;
    checkDate(problems, `${path}.date`, entry.date);
    if (typeof entry.value !== 'number' || !Number.isFinite(entry.value)) {
      problems.push(
        problem(`${path}.value`, 'number', `value must be a number, got ${describeValue(entry.value)}`),
      );
      return;
    }
    const key = `${entry.measure}\u0000${entry.date}`;
    const earlier = seen.get(key);
    if (earlier !== undefined && earlier !== entry.value) {
      const message = `${entry.measure} has two different values on ${entry.date} (${earlier} and ${entry.value})`;
      problems.push(problem(path, 'one-value-per-day', message));
    }
    seen.set(key, entry.value);
  });
  return problems;
}
