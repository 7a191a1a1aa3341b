import type { AnalysisMeasure } from '@celltrial/contracts';
import { daysBetweenIsoDates, daysToMonths, type Protocol } from '@celltrial/core';
import type { AnalysisFormRow } from './analysis-rows.js';

/** Where each measure comes from: a form's derived value (docs/analysis.md, "Data"). */
export const MEASURE_SOURCES: Record<AnalysisMeasure, { formKey: string; derived: string; label: string }> = {
  'alsfrs-r': { formKey: 'alsfrs-r', derived: 'total', label: 'ALSFRS-R total' },
  fvc: { formKey: 'spirometry', derived: 'fvcPercentPredicted', label: 'FVC % predicted' },
  svc: { formKey: 'spirometry', derived: 'svcPercentPredicted', label: 'SVC % predicted' },
  edss: { formKey: 'edss', derived: 'edss', label: 'EDSS' },
};

export const MEASURE_ORDER: readonly AnalysisMeasure[] = ['alsfrs-r', 'fvc', 'svc', 'edss'];

export function isAnalysisMeasure(measure: string): measure is AnalysisMeasure {
  return (MEASURE_ORDER as readonly string[]).includes(measure);
}

/** The derived value of a form record for a measure: a finite number, or undefined. */
export function derivedNumber(form: AnalysisFormRow, key: string): number | undefined {
  const entry = form.derived[key];
  const value =
    entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)['value'] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Months between two calendar dates (days / 30.4375). */
export function monthsBetween(from: string, to: string): number {
  return daysToMonths(daysBetweenIsoDates(from, to));
}

export type SplitOutcome =
  { kind: 'none' } | { kind: 'split'; visit: string } | { kind: 'undefined'; reason: string };

/**
 * The split of a run-in design: when the protocol has a run-in or lead-in epoch and an endpoint compares
 * slopes, month 0 is the first-dose visit (the same visit in every arm's administration plan).
 */
export function splitOf(protocol: Protocol): SplitOutcome {
  const hasRunIn = protocol.epochs.some((e) => e.kind === 'run-in' || e.kind === 'lead-in');
  const comparesSlopes = protocol.endpoints.some((e) => e.analysis.method === 'slope-comparison');
  if (!hasRunIn || !comparesSlopes) {
    return { kind: 'none' };
  }
  const firstDoses = new Set(protocol.administrations.map((a) => a.doses[0]?.visit ?? ''));
  const [visit] = [...firstDoses];
  if (firstDoses.size !== 1 || visit === undefined || visit === '') {
    return {
      kind: 'undefined',
      reason:
        firstDoses.size > 1
          ? `the arms start dosing at different visits (${[...firstDoses].join(', ')}): no common split`
          : 'the protocol has a run-in but no administration plan: no split visit',
    };
  }
  return { kind: 'split', visit };
}
