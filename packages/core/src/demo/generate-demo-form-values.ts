// Step 2 of the demo-data generator (docs/demo-data.md): the values of one form at one visit date of a synthetic
// participant. Values depend only on the participant, the form and the date (draws are keyed by them), so the
// server may ask in any order, ask twice, and the screening-day forms equal the screening record.
import { alsfrsAssessmentAt, alsfrsFormValues } from './demo-alsfrs.js';
import { dosingFormValues, type DemoDoseContext } from './demo-dosing.js';
import { edssAssessmentAt, edssFormValues } from './demo-edss.js';
import { labValuesAt } from './demo-labs.js';
import { spirometryAt, spirometryFormValues } from './demo-spirometry.js';
import type { DemoParticipant } from './demo-types.js';
import { vitalSignsAt } from './demo-vitals.js';

/** Form ids the generator fills (item ids: docs/demo-data.md). */
export const DEMO_FORM_IDS = [
  'alsfrs-r',
  'spirometry',
  'vital-signs',
  'labs',
  'viral-serology',
  'edss',
  'survival-status',
  'dosing',
] as const;
export type DemoFormId = (typeof DEMO_FORM_IDS)[number];

export function isDemoFormId(formId: string): formId is DemoFormId {
  return (DEMO_FORM_IDS as readonly string[]).includes(formId);
}

export interface DemoFormOptions {
  readonly formId: string;
  /** `YYYY-MM-DD`: the visit (assessment) date. */
  readonly visitDate: string;
  /** Required for `dosing`: the intervention (and dose level) planned at this visit. */
  readonly dose?: DemoDoseContext;
}

/** Screening-record serology fields and the viral-serology form items (lab catalogue codes) they correspond to. */
const SEROLOGY_ITEMS: readonly (readonly [string, string])[] = [
  ['hbsAg', 'hbsag'],
  ['hbcAb', 'anti-hbc'],
  ['hcvAb', 'anti-hcv'],
  ['hivAb', 'hiv-ag-ab'],
  ['htlvAb', 'htlv-ab'],
  ['syphilisAb', 'treponema-ab'],
];

/** The viral-serology results: negative, except what the participant's history lists as positive. */
function viralSerologyValues(participant: DemoParticipant): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [field, code] of SEROLOGY_ITEMS) {
    values[code] = participant.history.positiveSerology.includes(field) ? 'positive' : 'negative';
  }
  return values;
}

/** The survival-status form: vital status, tracheostomy and permanent ventilation as of the visit date. */
export function survivalStatusValues(
  participant: DemoParticipant,
  visitDate: string,
): Record<string, unknown> | null {
  const { outcome } = participant;
  if (outcome.kind === 'died' && visitDate >= outcome.date) {
    return {
      vitalStatus: 'dead',
      deathDate: outcome.date,
      ...(participant.disease === 'ALS' ? { causeOfDeath: 'Respiratory failure' } : {}),
      tracheostomy: false,
      permanentVentilation: false,
    };
  }
  if (outcome.kind === 'tracheostomy' && visitDate >= outcome.date) {
    return {
      vitalStatus: 'alive',
      tracheostomy: true,
      tracheostomyDate: outcome.date,
      permanentVentilation: true,
      permanentVentilationDate: outcome.date,
    };
  }
  if (outcome.kind === 'withdrew' && visitDate >= outcome.date) {
    return null;
  }
  return { vitalStatus: 'alive', tracheostomy: false, permanentVentilation: false };
}

/** The date from which nothing but survival status is collected (the outcome date), if any. */
function stopDate(participant: DemoParticipant): string | undefined {
  return participant.outcome.kind === 'ongoing' ? undefined : participant.outcome.date;
}

/**
 * The values of `formId` at `visitDate`, or null when nothing is collected: an unknown form id (see
 * `isDemoFormId`), a date after `asOfDate`, a screen failure after screening, a date on or after death,
 * tracheostomy or withdrawal (survival status continues after death and tracheostomy), or a disease-specific form
 * of the other disease (ALSFRS-R in MS, EDSS in ALS). Throws when `dose` is missing for `dosing`.
 */
export function generateDemoFormValues(
  participant: DemoParticipant,
  options: DemoFormOptions,
): Record<string, unknown> | null {
  const { formId, visitDate } = options;
  if (!isDemoFormId(formId) || visitDate > participant.asOfDate) {
    return null;
  }
  if (participant.screenFailure && visitDate > participant.screeningDate) {
    return null;
  }
  if (formId === 'survival-status') {
    return survivalStatusValues(participant, visitDate);
  }
  const stop = stopDate(participant);
  if (stop !== undefined && visitDate >= stop) {
    return null;
  }
  switch (formId) {
    case 'alsfrs-r': {
      const assessment = alsfrsAssessmentAt(participant, visitDate);
      return assessment === undefined ? null : alsfrsFormValues(assessment);
    }
    case 'spirometry':
      return { position: 'seated', ...spirometryFormValues(spirometryAt(participant, visitDate)) };
    case 'vital-signs':
      return vitalSignsAt(participant, visitDate);
    case 'labs':
      return { collectionDate: visitDate, ...labValuesAt(participant, visitDate) };
    case 'viral-serology':
      return { collectionDate: visitDate, ...viralSerologyValues(participant) };
    case 'edss': {
      const point = edssAssessmentAt(participant, visitDate);
      return point === undefined ? null : edssFormValues(point);
    }
    case 'dosing':
      if (options.dose === undefined) {
        throw new RangeError(
          'generateDemoFormValues: the dosing form needs options.dose (intervention and level)',
        );
      }
      return dosingFormValues(participant, { ...options.dose, visitDate });
  }
}
