import { ALSFRS_R_ALGORITHM, scoreAlsfrsR } from '../scales/alsfrs-r.js';
import { deltaFrsFromDates } from '../scales/delta-frs.js';
import {
  emptyOutput,
  inputsNotReady,
  type DerivationInput,
  type DerivationOutput,
} from './derivation-types.js';

/**
 * ALSFRS-R form → scoreAlsfrsR (total, domain subscores, King's and MiToS stages) and ΔFRS from the context's
 * symptom onset and visit dates. Form items q1…q12 with q5a / q5b map to the scorer's keys '1'…'12', '5a', '5b'.
 */

export const ALSFRS_R_DERIVED = [
  'total',
  'bulbar',
  'fineMotor',
  'grossMotor',
  'respiratory',
  'kings',
  'mitos',
] as const;

const NUMBERED = ['q1', 'q2', 'q3', 'q4', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12'] as const;

export function deriveAlsfrsR(input: DerivationInput): DerivationOutput {
  const output = emptyOutput();
  const item5 = input.values['gastrostomy'] === true ? 'q5b' : 'q5a';
  const notReady = inputsNotReady(input, { required: ['gastrostomy', ...NUMBERED, item5] });
  if (notReady !== null) {
    output.notes.push({
      derived: [...ALSFRS_R_DERIVED, 'deltaFrs'],
      message: `ALSFRS-R not scored: ${notReady}`,
    });
    return output;
  }
  const items: Record<string, unknown> = { [item5.slice(1)]: input.values[item5] };
  for (const key of NUMBERED) {
    items[key.slice(1)] = input.values[key];
  }
  const scored = scoreAlsfrsR({ items, gastrostomy: input.values['gastrostomy'] });
  if (scored.kind === 'invalid') {
    // The form's own rules accept exactly what the scorer accepts; reaching here is a definition bug.
    throw new Error(`ALSFRS-R form accepted values the scorer refuses: ${JSON.stringify(scored.problems)}`);
  }
  const score = scored.value;
  const set = (id: string, value: unknown): void => {
    output.derived[id] = { value, algorithm: ALSFRS_R_ALGORITHM };
  };
  set('total', score.total);
  set('bulbar', score.bulbar);
  set('fineMotor', score.fineMotor);
  set('grossMotor', score.grossMotor);
  set('respiratory', score.respiratory);
  set('kings', score.kings.stage);
  set('mitos', score.mitos.stage);
  const { symptomOnsetDate, assessmentDate } = input.context;
  if (symptomOnsetDate === undefined || assessmentDate === undefined) {
    const absent = [
      ...(symptomOnsetDate === undefined ? ['symptom onset date'] : []),
      ...(assessmentDate === undefined ? ['visit date'] : []),
    ].join(' and ');
    output.notes.push({ derived: ['deltaFrs'], message: `ΔFRS not derived: no ${absent} in the context` });
    return output;
  }
  const delta = deltaFrsFromDates({ total: score.total, symptomOnsetDate, assessmentDate });
  if (delta.kind === 'invalid') {
    const reasons = delta.problems.map((problem) => problem.message).join('; ');
    output.notes.push({ derived: ['deltaFrs'], message: `ΔFRS not derived: ${reasons}` });
    return output;
  }
  set('deltaFrs', delta.value.deltaFrs);
  return output;
}
