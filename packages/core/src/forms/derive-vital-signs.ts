import { computeBmi } from '../scales/vital-signs.js';
import {
  emptyOutput,
  inputsNotReady,
  numberValue,
  type DerivationInput,
  type DerivationOutput,
} from './derivation-types.js';

/**
 * Vital-signs form → body-mass index (computeBmi: weight kg / height m²). Height is the form's own heightCm when
 * entered, else the context's (measured at screening); the derived value says which through its algorithm id.
 */

export const BMI_ALGORITHM = 'bmi-quetelet@1';

export function deriveVitalSigns(input: DerivationInput): DerivationOutput {
  const output = emptyOutput();
  const notReady = inputsNotReady(input, { required: ['weightKg'], optional: ['heightCm'] });
  if (notReady !== null) {
    output.notes.push({ derived: ['bmi'], message: `BMI not derived: ${notReady}` });
    return output;
  }
  const entered = numberValue(input.values, 'heightCm');
  const heightCm = entered ?? input.context.heightCm;
  if (heightCm === undefined) {
    output.notes.push({
      derived: ['bmi'],
      message: 'BMI not derived: no height on the form or in the context',
    });
    return output;
  }
  const bmi = computeBmi({ weightKg: input.values['weightKg'], heightCm });
  if (bmi.kind === 'invalid') {
    const reasons = bmi.problems.map((problem) => problem.message).join('; ');
    output.notes.push({ derived: ['bmi'], message: `BMI not derived: ${reasons}` });
    return output;
  }
  output.derived['bmi'] = { value: bmi.value.bmi, algorithm: BMI_ALGORITHM };
  if (entered === undefined) {
    output.notes.push({ derived: ['bmi'], message: `BMI uses the context height ${heightCm} cm` });
  }
  return output;
}
