/**
 * The adverse-event (AE) record: closed vocabularies (ICH E2A seriousness criteria, the usual five-point causality
 * scale, action taken, outcome) and the normalised record that `validateAdverseEvent` returns.
 * docs/methods/adverse-events.md explains every field and rule.
 */

/** ICH E2A seriousness criteria ("important medical event" = medically significant by judgement). */
export const SERIOUSNESS_CRITERIA = [
  'death',
  'life-threatening',
  'hospitalisation',
  'disability',
  'congenital-anomaly',
  'important-medical-event',
] as const;
export type SeriousnessCriterion = (typeof SERIOUSNESS_CRITERIA)[number];

/** Causality of an AE to the product or to a study procedure, weakest first. */
export const RELATEDNESS_LEVELS = ['not-related', 'unlikely', 'possible', 'probable', 'definite'] as const;
export type Relatedness = (typeof RELATEDNESS_LEVELS)[number];

/** What was done with the investigational product because of the AE. */
export const AE_ACTIONS_TAKEN = [
  'none',
  'dose-reduced',
  'dose-delayed',
  'drug-withdrawn',
  'not-applicable',
] as const;
export type AeActionTaken = (typeof AE_ACTIONS_TAKEN)[number];

/** Outcome of the AE at the time of recording. */
export const AE_OUTCOMES = [
  'recovered',
  'recovering',
  'not-recovered',
  'recovered-with-sequelae',
  'fatal',
  'unknown',
] as const;
export type AeOutcome = (typeof AE_OUTCOMES)[number];

/** CTCAE grade of an AE: 1 mild, 2 moderate, 3 severe, 4 life-threatening, 5 death related to the AE. */
export type AeGrade = 1 | 2 | 3 | 4 | 5;

/** Causality to the product and to each study procedure the participant had (keyed by protocol procedure id). */
export interface AdverseEventRelatedness {
  /** null only for a non-serious AE whose causality was not (yet) assessed. */
  readonly product: Relatedness | null;
  readonly procedures: Readonly<Record<string, Relatedness>>;
}

/** A validated, normalised adverse event. Dates are ISO `YYYY-MM-DD`. */
export interface AdverseEvent {
  /** Verbatim term as reported (trimmed, inner whitespace collapsed). */
  readonly term: string;
  /** CTCAE term in its canonical spelling, or null when none was chosen. */
  readonly ctcaeTerm: string | null;
  /** SOC of the CTCAE term (null without one). */
  readonly soc: string | null;
  readonly onsetDate: string;
  readonly resolutionDate: string | null;
  readonly ongoing: boolean;
  readonly grade: AeGrade;
  readonly serious: boolean;
  /** Criteria in SERIOUSNESS_CRITERIA order, without duplicates; empty when not serious. */
  readonly seriousness: readonly SeriousnessCriterion[];
  readonly relatedness: AdverseEventRelatedness;
  /** Whether the event is listed in the reference safety information; null = not assessed. */
  readonly expected: boolean | null;
  readonly actionTaken: AeActionTaken;
  readonly outcome: AeOutcome;
  /** Date the site first knew of the event (for a serious AE: that it was serious; starts the SAE clock). */
  readonly awarenessDate: string | null;
}

/**
 * A relatedness counts as "related" (a suspected adverse reaction) when it is possible, probable or definite; not
 * related and unlikely count as unrelated. This is the usual binary reading of the five-point scale (ICH E2A: a
 * reasonable causal relationship "cannot be ruled out").
 */
export function isRelated(relatedness: Relatedness): boolean {
  return relatedness === 'possible' || relatedness === 'probable' || relatedness === 'definite';
}

/** True when the AE is related to the product or to any procedure. */
export function isRelatedToAnything(event: Pick<AdverseEvent, 'relatedness'>): boolean {
  const { product, procedures } = event.relatedness;
  return (product !== null && isRelated(product)) || Object.values(procedures).some(isRelated);
}

/** SUSAR status: serious, related to the product, and unexpected. */
export type SusarStatus = 'susar' | 'not-susar' | 'expectedness-unknown';

/**
 * Whether an AE is a SUSAR (suspected unexpected serious adverse reaction): serious, related to the
 * investigational product (not to a procedure alone) and not expected. A serious product-related AE whose
 * expectedness has not been assessed is 'expectedness-unknown' — it must be assessed before the SUSAR clock can
 * be judged.
 */
export function susarStatus(event: Pick<AdverseEvent, 'serious' | 'relatedness' | 'expected'>): SusarStatus {
  const product = event.relatedness.product;
  if (!event.serious || product === null || !isRelated(product)) {
    return 'not-susar';
  }
  if (event.expected === null) {
    return 'expectedness-unknown';
  }
  return event.expected ? 'not-susar' : 'susar';
}
