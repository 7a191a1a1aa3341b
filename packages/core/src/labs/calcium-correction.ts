import {
  describeValue,
  isFiniteNumber,
  problem,
  type ScaleProblem,
  type ScaleResult,
} from '../scales/scale-result.js';
import { convertBetweenUnits, resolveQuantitativeTest, resolveTestUnit } from './lab-conversion.js';
import type { LabUnit } from './lab-units.js';

/**
 * Albumin-corrected calcium, the quantity CTCAE hypo-/hypercalcemia grade ("corrected serum calcium"):
 * corrected Ca (mg/dL) = total Ca (mg/dL) + 0.8 × (4.0 − albumin (g/dL)), the formula commonly attributed to
 * Payne et al., BMJ 1973;4:643 [U: as widely quoted, not re-read from the paper]. Computed in mg/dL and g/dL and
 * returned in the calcium's own unit, unrounded.
 */

/** Reference albumin (g/dL) of the correction. */
export const CALCIUM_CORRECTION_ALBUMIN_G_DL = 4.0;
/** mg/dL of calcium added per g/dL of albumin below the reference. */
export const CALCIUM_CORRECTION_MG_DL_PER_G_DL = 0.8;

/** Corrected calcium in the unit the total calcium was given in. */
export interface CorrectedCalcium {
  readonly value: number;
  readonly unit: LabUnit;
  readonly formula: 'ca + 0.8 × (4.0 − albumin g/dL)';
}

/** Corrects a total calcium for albumin; units may be any of each test's units (mmol/L, mg/dL, g/L, g/dL…). */
export function correctCalciumForAlbumin(input: {
  readonly calcium: number;
  readonly calciumUnit: string;
  readonly albumin: number;
  readonly albuminUnit: string;
}): ScaleResult<CorrectedCalcium> {
  const calciumTest = resolveQuantitativeTest('calcium', 'calcium');
  const albuminTest = resolveQuantitativeTest('albumin', 'albumin');
  if (calciumTest.kind === 'invalid' || albuminTest.kind === 'invalid') {
    throw new Error('calcium and albumin must be in the laboratory catalogue');
  }
  const problems: ScaleProblem[] = [];
  for (const field of ['calcium', 'albumin'] as const) {
    const value = input[field];
    if (!isFiniteNumber(value) || value < 0) {
      problems.push(
        problem(field, 'non-negative-number', `${field} must be a number ≥ 0 (got ${describeValue(value)})`),
      );
    }
  }
  const caUnit = resolveTestUnit(calciumTest.test, input.calciumUnit, 'calciumUnit');
  const albUnit = resolveTestUnit(albuminTest.test, input.albuminUnit, 'albuminUnit');
  const caMgDl = resolveTestUnit(calciumTest.test, 'mg/dL', 'calciumUnit');
  const albGDl = resolveTestUnit(albuminTest.test, 'g/dL', 'albuminUnit');
  for (const outcome of [caUnit, albUnit]) {
    if (outcome.kind === 'invalid') {
      problems.push(outcome.problem);
    }
  }
  if (problems.length > 0 || caUnit.kind === 'invalid' || albUnit.kind === 'invalid') {
    return { kind: 'invalid', problems };
  }
  if (caMgDl.kind === 'invalid' || albGDl.kind === 'invalid') {
    throw new Error('calcium must have mg/dL and albumin g/dL in the catalogue');
  }
  const calciumMgDl = convertBetweenUnits(input.calcium, caUnit.unit, caMgDl.unit);
  const albuminGDl = convertBetweenUnits(input.albumin, albUnit.unit, albGDl.unit);
  const correctedMgDl =
    calciumMgDl + CALCIUM_CORRECTION_MG_DL_PER_G_DL * (CALCIUM_CORRECTION_ALBUMIN_G_DL - albuminGDl);
  return {
    kind: 'ok',
    value: {
      value: convertBetweenUnits(correctedMgDl, caMgDl.unit, caUnit.unit),
      unit: caUnit.unit.unit,
      formula: 'ca + 0.8 × (4.0 − albumin g/dL)',
    },
  };
}
