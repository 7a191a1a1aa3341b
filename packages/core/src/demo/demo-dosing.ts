// The dosing form of a synthetic participant (form library `dosing`): the planned dose computed by the platform's
// own calculateDose (fixed, per kg with the dosing-visit weight, or by level), the administered dose within the
// protocol's tolerance, volume, lot, route, who gave it and when. Lots carry a DEMO- prefix so that no synthetic
// record can pass for a real product lot. In masked studies the site sees the same kit for every arm: the dose is
// then recorded as the administered volume (mL), never as a cell count.
import { calculateDose } from '../dosing/dose-calculation.js';
import type { ProtocolIntervention } from '../protocol/protocol-types.js';
import { randomInt, randomNormal, type Rng } from '../random/rng.js';
import { chance, clamp, demoRng, roundTo, uniform } from './demo-random.js';
import type { DemoSubject } from './demo-types.js';
import { weightAt } from './demo-vitals.js';

/** What the server knows about the dose planned at a visit (from the schedule's `dose:<intervention>[@<level>]`). */
export interface DemoDoseContext {
  readonly intervention: ProtocolIntervention;
  readonly doseLevel?: string;
  /** Record what a masked site sees: the volume given (or one dose), with a kit number as lot. */
  readonly masked?: boolean;
}

/** Default dose tolerance when the protocol gives none (percent). ASSUMED. */
const DEFAULT_TOLERANCE_PERCENT = 10;
/** Routes the dosing form offers (others are recorded as 'other'). */
const FORM_ROUTES: ReadonlySet<string> = new Set([
  'intrathecal',
  'intravenous',
  'intramuscular',
  'intranasal',
  'subcutaneous',
]);
const STAFF_INITIALS = ['AB', 'CK', 'DM', 'EL', 'JT', 'MR', 'NP', 'SP'] as const;

/** A number to `digits` significant digits (cell counts are reported this way: 5.02e7). */
function significant(value: number, digits: number): number {
  if (value === 0) {
    return 0;
  }
  const magnitude = Math.floor(Math.log10(Math.abs(value))) - digits + 1;
  return magnitude >= 0 ? Math.round(value / 10 ** magnitude) * 10 ** magnitude : roundTo(value, -magnitude);
}

/** Total volume given: a single volume (twice for per-nostril dosing) or a draw within the protocol's range. */
function volumeMl(intervention: ProtocolIntervention, rng: Rng): number | undefined {
  const volume = intervention.volume;
  if (volume === undefined) {
    return undefined;
  }
  if (volume.ml !== undefined) {
    return volume.per === 'nostril' ? volume.ml * 2 : volume.ml;
  }
  if (volume.minMl !== undefined && volume.maxMl !== undefined) {
    return roundTo(uniform(rng, volume.minMl, volume.maxMl), 1);
  }
  return volume.minMl ?? volume.maxMl;
}

interface Dose {
  readonly planned: number;
  readonly actual: number;
  readonly unit: string;
  readonly note?: string;
}

/** Share of administrations whose prepared dose differs from the plan (within tolerance). ASSUMED. */
const DEVIATING_SHARE = 0.15;

/** The dose the protocol defines (calculateDose), given within the tolerance; undefined when none is defined. */
function protocolDose(
  subject: DemoSubject,
  context: DemoDoseContext & { readonly visitDate: string; readonly rng: Rng },
): Dose | undefined {
  const calculation = calculateDose({
    intervention: context.intervention,
    ...(context.doseLevel === undefined ? {} : { doseLevel: context.doseLevel }),
    weightKg: weightAt(subject, context.visitDate),
  });
  if (calculation.kind !== 'ok') {
    return undefined;
  }
  // Most preparations match the plan exactly; the others deviate within the protocol's tolerance (with a note).
  if (!chance(context.rng, DEVIATING_SHARE)) {
    return { planned: calculation.amount, actual: calculation.amount, unit: calculation.unit };
  }
  const tolerance = (calculation.tolerancePercent ?? DEFAULT_TOLERANCE_PERCENT) / 100;
  const deviation = clamp(randomNormal(context.rng, 0, tolerance / 3), -tolerance * 0.9, tolerance * 0.9);
  const actual = significant(calculation.amount * (1 + deviation), 3);
  const percent = roundTo((100 * actual) / calculation.amount, 1);
  return {
    planned: calculation.amount,
    actual,
    unit: calculation.unit,
    note: `Prepared dose ${percent} % of planned, within the protocol tolerance`,
  };
}

/** The dosing form values for one administration. */
export function dosingFormValues(
  subject: DemoSubject & { readonly index: number },
  context: DemoDoseContext & { readonly visitDate: string },
): Record<string, unknown> {
  const rng = demoRng(subject.seed, 'dosing', context.visitDate, context.intervention.id);
  const minutes = randomInt(rng, 8 * 60 + 30, 15 * 60 + 30);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const compact = context.visitDate.replaceAll('-', '').slice(2);
  const number = String(randomInt(rng, 1, 9999)).padStart(4, '0');
  const autologous = context.intervention.source === 'autologous' && context.masked !== true;
  const volume = volumeMl(context.intervention, rng);
  const dose = context.masked === true ? undefined : protocolDose(subject, { ...context, rng });
  // Without a dose amount (placebo, masked kit, level without an amount) the dose is the volume, or one dose.
  const recorded = dose ?? {
    planned: volume ?? 1,
    actual: volume ?? 1,
    unit: volume === undefined ? 'dose' : 'mL',
  };
  return {
    administeredAt: `${context.visitDate}T${time}`,
    ...(context.doseLevel === undefined || context.masked === true ? {} : { doseLevel: context.doseLevel }),
    plannedDose: recorded.planned,
    actualDose: recorded.actual,
    doseUnit: recorded.unit,
    ...(volume === undefined ? {} : { volumeMl: volume }),
    lot: autologous
      ? `DEMO-AUTO-${String(subject.index + 1).padStart(4, '0')}-${compact}`
      : `DEMO-${context.masked === true ? 'KIT' : 'LOT'}-${compact.slice(0, 4)}-${number}`,
    route: FORM_ROUTES.has(context.intervention.route) ? context.intervention.route : 'other',
    administeredBy: STAFF_INITIALS[randomInt(rng, 0, STAFF_INITIALS.length - 1)],
    ...(dose?.note === undefined ? {} : { notes: dose.note }),
  };
}
