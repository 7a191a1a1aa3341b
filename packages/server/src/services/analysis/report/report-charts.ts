import type { AnalysisResponse, EndpointAnalysis } from '@celltrial/contracts';
import { MEASURE_SOURCES } from '../dataset-sources.js';
import { PALETTE, barChart, lineChart, type Band, type Series } from './svg-charts.js';

type RunIn = Extract<EndpointAnalysis['result'], { kind: 'run-in-treatment' }>;

/** Display name of a group (arm id → arm name; 'all' → All participants). */
export function groupName(analysis: AnalysisResponse, group: string): string {
  if (group === 'all') {
    return 'All participants (pooled)';
  }
  return analysis.dataset.arms.find((a) => a.id === group)?.name ?? group;
}

function colorOf(analysis: AnalysisResponse, group: string | null): string {
  const index = analysis.dataset.arms.findIndex((a) => a.id === group);
  return PALETTE[Math.max(index, 0) % PALETTE.length] ?? '#1f4e79';
}

/** The main measure of the study: the first measure with data in the order ALSFRS-R, EDSS, FVC, SVC. */
export function mainMeasure(analysis: AnalysisResponse): keyof typeof MEASURE_SOURCES | null {
  const present = new Set(analysis.dataset.observations.map((o) => o.measure));
  return (['alsfrs-r', 'edss', 'fvc', 'svc'] as const).find((m) => present.has(m)) ?? null;
}

export function runInResult(analysis: AnalysisResponse, measure: string): RunIn | null {
  const e = analysis.endpoints.find((x) => x.measure === measure && x.result.kind === 'run-in-treatment');
  return e?.result.kind === 'run-in-treatment' ? e.result : null;
}

/** Individual trajectories, with the fitted run-in and treatment lines when the design has a split. */
export function spaghettiSvg(analysis: AnalysisResponse, measure: keyof typeof MEASURE_SOURCES): string {
  const obs = analysis.dataset.observations.filter((o) => o.measure === measure);
  const subjects = [...new Set(obs.map((o) => o.subject))];
  const series: Series[] = subjects.map((s) => {
    const points = obs.filter((o) => o.subject === s).map((o) => [o.months, o.value] as const);
    return {
      label: s,
      color: colorOf(analysis, obs.find((o) => o.subject === s)?.arm ?? null),
      points,
      width: 1,
      opacity: 0.45,
      markers: true,
      inLegend: false,
    };
  });
  const runIn = runInResult(analysis, measure);
  for (const s of runIn?.subjects ?? []) {
    const points = obs.filter((o) => o.subject === s.subject).map((o) => o.months);
    const lo = Math.min(...points);
    const hi = Math.max(...points);
    series.push(
      {
        label: `${s.subject} run-in fit`,
        color: '#555',
        points: [
          [lo, s.interceptRunIn + s.slopeRunIn * lo],
          [0, s.interceptRunIn],
        ],
        width: 1,
        dashed: true,
        inLegend: false,
      },
      {
        label: `${s.subject} treatment fit`,
        color: '#000',
        points: [
          [0, s.interceptTreatment],
          [hi, s.interceptTreatment + s.slopeTreatment * hi],
        ],
        width: 1,
        inLegend: false,
      },
    );
  }
  if (!analysis.dataset.blinded) {
    for (const arm of analysis.dataset.arms) {
      series.push({ label: arm.name, color: colorOf(analysis, arm.id), points: [], inLegend: true });
    }
  }
  return lineChart({
    title: `${MEASURE_SOURCES[measure].label}: individual trajectories`,
    xLabel:
      analysis.dataset.splitVisit === null
        ? 'Months from baseline'
        : `Months from ${analysis.dataset.splitVisit} (run-in < 0 < treatment)`,
    yLabel: MEASURE_SOURCES[measure].label,
    series,
    ...(analysis.dataset.splitVisit === null ? {} : { marker: { x: 0, label: 'first dose' } }),
  });
}

/** Mean per visit and group with 95 % CI bands. */
export function meanTrajectorySvg(analysis: AnalysisResponse, measure: keyof typeof MEASURE_SOURCES): string {
  const points = analysis.meanTrajectories.filter((p) => p.measure === measure);
  const groups = [...new Set(points.map((p) => p.group))];
  const series: Series[] = [];
  const bands: Band[] = [];
  for (const g of groups) {
    const rows = points.filter((p) => p.group === g).sort((a, b) => a.meanMonths - b.meanMonths);
    const color = colorOf(analysis, g);
    series.push({
      label: groupName(analysis, g),
      color,
      points: rows.map((r) => [r.meanMonths, r.mean] as const),
      markers: true,
      width: 2,
    });
    const withCi = rows.filter((r) => r.lower95 !== null && r.upper95 !== null);
    bands.push({
      color,
      points: withCi.map((r) => [r.meanMonths, r.lower95 ?? r.mean, r.upper95 ?? r.mean] as const),
    });
  }
  return lineChart({
    title: `${MEASURE_SOURCES[measure].label}: mean by visit with 95 % CI`,
    xLabel: 'Months (mean per visit)',
    yLabel: MEASURE_SOURCES[measure].label,
    series,
    bands,
  });
}

/** Waterfall of per-participant slope changes (treatment − run-in), sorted. */
export function waterfallSvg(runIn: RunIn): string {
  const bars = [...runIn.subjects]
    .sort((a, b) => b.change - a.change)
    .map((s) => ({ label: s.subject, value: s.change, color: s.change >= 0 ? '#4f8a3c' : '#c0504d' }));
  return barChart({
    title: 'Slope change per participant (treatment − run-in)',
    yLabel: 'points / month',
    xLabel: 'Participants, sorted',
    bars,
  });
}

/** Kaplan–Meier curves (steps) with their 95 % CI bands. */
export function kmSvg(analysis: AnalysisResponse): string | null {
  const survival = analysis.survival;
  if (survival === null || survival.groups.length === 0) {
    return null;
  }
  const series: Series[] = survival.groups.map((g) => ({
    label: groupName(analysis, g.group),
    color: colorOf(analysis, g.group),
    points: [[0, 1] as const, ...g.steps.map((s) => [s.time, s.survival] as const)],
    step: true,
    width: 2,
  }));
  const bands: Band[] = survival.groups.map((g) => ({
    color: colorOf(analysis, g.group),
    step: true,
    points: [
      [0, 1, 1] as const,
      ...g.steps
        .filter((s) => s.lower !== null && s.upper !== null)
        .map((s) => [s.time, s.lower ?? 0, s.upper ?? 1] as const),
    ],
  }));
  return lineChart({
    title: 'Kaplan–Meier: free of death, tracheostomy or permanent ventilation',
    xLabel: 'Months',
    yLabel: 'Survival probability',
    series,
    bands,
    yDomain: [0, 1],
    legendAt: 'bottom-left',
  });
}
