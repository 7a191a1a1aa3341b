import type { AnalysisMeasure, AnalysisResponse, KmGroupView } from '@celltrial/contracts';

export const MEASURE_LABELS: Record<AnalysisMeasure, string> = {
  'alsfrs-r': 'ALSFRS-R total',
  fvc: 'FVC % predicted',
  svc: 'SVC % predicted',
  edss: 'EDSS',
};

export const PALETTE = ['#1f4e79', '#c0504d', '#4f8a3c', '#8064a2', '#d18b2c', '#2c8d9b'];

/** Display name of an analysis group: arm name, or "All participants (pooled)" for 'all'. */
export function groupLabel(analysis: AnalysisResponse, group: string | null): string {
  if (group === null || group === 'all') {
    return 'All participants (pooled)';
  }
  return analysis.dataset.arms.find((a) => a.id === group)?.name ?? group;
}

/** The groups in display order with a colour each. */
export function groupColors(analysis: AnalysisResponse): { domain: string[]; range: string[] } {
  const domain = analysis.dataset.blinded
    ? [groupLabel(analysis, 'all')]
    : [...analysis.dataset.arms.map((a) => a.name), 'unallocated'];
  return { domain, range: domain.map((_, i) => PALETTE[i % PALETTE.length] ?? '#1f4e79') };
}

/** The measures present in the data, in a fixed order (ALSFRS-R first). */
export function measuresPresent(analysis: AnalysisResponse): AnalysisMeasure[] {
  const present = new Set(analysis.dataset.observations.map((o) => o.measure));
  return (['alsfrs-r', 'edss', 'fvc', 'svc'] as const).filter((m) => present.has(m));
}

/** Participants at risk at time t: those whose time is ≥ t (n minus everyone who left before t). */
export function numberAtRisk(group: KmGroupView, t: number): number {
  return group.n - group.steps.filter((s) => s.time < t).reduce((n, s) => n + s.nEvent + s.nCensor, 0);
}

/** Display rounding only; '—' for a statistic that does not exist. */
export function fmt(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  return Math.abs(value) >= 1000 ? value.toFixed(0) : String(Number(value.toPrecision(digits)));
}

export function pValue(p: number | null): string {
  if (p === null) {
    return '—';
  }
  return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}
