import type { AnalysisMessage, AnalysisObservation, LmmResultView } from '@celltrial/contracts';
import { fitGrowthModel, fitPiecewiseModel } from '@celltrial/core';
import { lmmView, problemMessages } from './stats-views.js';

export const RESPONSE_NAMES: Record<AnalysisObservation['measure'], string> = {
  'alsfrs-r': 'alsfrs_r',
  fvc: 'fvc_pct',
  svc: 'svc_pct',
  edss: 'edss',
};

export interface ModelOutcome {
  readonly lmm: LmmResultView | null;
  readonly messages: AnalysisMessage[];
}

/**
 * `response ~ time * group + (1 + time | subject)` by REML when arms are visible and at least two occur;
 * otherwise (blinded, single-arm) `response ~ time + (1 + time | subject)`, saying so.
 */
export function fitGrowth(params: {
  observations: readonly AnalysisObservation[];
  blinded: boolean;
  reference: string | null;
}): ModelOutcome {
  const { observations, blinded } = params;
  const messages: AnalysisMessage[] = [];
  const first = observations[0];
  if (first === undefined) {
    return { lmm: null, messages: [{ level: 'error', text: 'mixed model: no observations' }] };
  }
  const response = RESPONSE_NAMES[first.measure];
  let data = observations;
  let byGroup = false;
  if (!blinded) {
    const unallocated = new Set(observations.filter((o) => o.arm === null).map((o) => o.subject));
    if (unallocated.size > 0) {
      messages.push({
        level: 'info',
        text: `mixed model: ${unallocated.size} participant(s) without an allocation left out of the by-arm model (${[...unallocated].join(', ')})`,
      });
      data = observations.filter((o) => o.arm !== null);
    }
    byGroup = new Set(data.map((o) => o.arm)).size >= 2;
    if (!byGroup) {
      messages.push({
        level: 'info',
        text: 'mixed model: fewer than two arms in the data — time effect only',
      });
      data = observations;
    }
  } else {
    messages.push({ level: 'info', text: 'mixed model: blinded — arms pooled, time effect only' });
  }
  const reference =
    byGroup && params.reference !== null && data.some((o) => o.arm === params.reference)
      ? params.reference
      : undefined;
  const fitted = fitGrowthModel(
    {
      subject: data.map((o) => o.subject),
      time: data.map((o) => o.months),
      response: data.map((o) => o.value),
      ...(byGroup ? { group: data.map((o) => o.arm ?? '') } : {}),
    },
    { method: 'reml', ...(reference === undefined ? {} : { reference }) },
  );
  if (fitted.kind === 'invalid') {
    return { lmm: null, messages: [...messages, ...problemMessages('mixed model', fitted.problems)] };
  }
  const formula = byGroup
    ? `${response} ~ months * arm + (1 + months | subject)`
    : `${response} ~ months + (1 + months | subject)`;
  const view = lmmView({ fit: fitted.fit, formula, reference: fitted.reference });
  return { lmm: view.view, messages: [...messages, ...view.messages] };
}

/** Broken-stick model with the knot at month 0 (the split): `response ~ months + (months)₊ + (1 + months | subject)`. */
export function fitPiecewise(observations: readonly AnalysisObservation[]): ModelOutcome {
  const first = observations[0];
  if (first === undefined) {
    return { lmm: null, messages: [{ level: 'error', text: 'piecewise model: no observations' }] };
  }
  const fitted = fitPiecewiseModel(
    {
      subject: observations.map((o) => o.subject),
      time: observations.map((o) => o.months),
      response: observations.map((o) => o.value),
    },
    { method: 'reml', split: 0 },
  );
  if (fitted.kind === 'invalid') {
    return { lmm: null, messages: problemMessages('piecewise model', fitted.problems) };
  }
  const view = lmmView({
    fit: fitted.fit,
    formula: `${RESPONSE_NAMES[first.measure]} ~ months + pmax(months, 0) + (1 + months | subject)`,
    reference: null,
  });
  return {
    lmm: view.view,
    messages: view.messages.map((m) => ({ ...m, text: m.text.replace('mixed model', 'piecewise model') })),
  };
}
