import type { AnalysisMessage, LmmResultView } from '@celltrial/contracts';
import type { LmmFit, StatsProblem } from '@celltrial/core';

/** A core number for the API: NaN and ±Infinity (a statistic that does not exist) become null. */
export const num = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** Problems of a core routine as error messages, prefixed with what was being computed. */
export function problemMessages(what: string, problems: readonly StatsProblem[]): AnalysisMessage[] {
  return problems.map((p) => ({ level: 'error', text: `${what}: ${p.message}` }));
}

/** An LMM fit as the API shows it, plus the warnings it deserves (boundary fit, no convergence). */
export function lmmView(params: { fit: LmmFit; formula: string; reference: string | null }): {
  view: LmmResultView;
  messages: AnalysisMessage[];
} {
  const { fit } = params;
  const messages: AnalysisMessage[] = [];
  if (fit.boundary) {
    messages.push({
      level: 'warning',
      text: `mixed model: boundary (singular) fit — ${fit.boundaryTerms.join(', ') || 'a random effect'} estimated at a variance of 0 or a correlation of ±1; fixed effects are shown, but the random-effects structure is not supported by these data`,
    });
  }
  if (!fit.converged) {
    messages.push({
      level: 'warning',
      text: 'mixed model: the optimizer did not meet its convergence criterion; treat the estimates as unreliable',
    });
  }
  return {
    view: {
      formula: params.formula,
      method: fit.method,
      nObs: fit.nObs,
      nSubjects: fit.nSubjects,
      reference: params.reference,
      fixed: fit.fixed.map((f) => ({ name: f.name, estimate: f.estimate, se: f.se, t: f.t })),
      randomNames: [...fit.randomNames],
      randomSd: [...fit.randomSd],
      sdResidual: fit.sdResidual,
      converged: fit.converged,
      boundary: fit.boundary,
      boundaryTerms: [...fit.boundaryTerms],
    },
    messages,
  };
}

/** Mean and sample SD (null below 2 values). */
export function meanSd(values: readonly number[]): { mean: number; sd: number | null } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.length < 2) {
    return { mean, sd: null };
  }
  const ss = values.reduce((s, v) => s + (v - mean) * (v - mean), 0);
  return { mean, sd: Math.sqrt(ss / (values.length - 1)) };
}
