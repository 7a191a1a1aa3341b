// Observable Plot charts of the analysis page. Each returns the plot's <svg> (no Plot legend: the page draws
// its own, so the element stays one downloadable SVG).
import type { AnalysisMeasure, AnalysisResponse, RunInSubjectView } from '@celltrial/contracts';
import * as Plot from '@observablehq/plot';
import { MEASURE_LABELS, groupColors, groupLabel } from './analysis-labels.js';

const SIZE = { width: 720, height: 360, marginLeft: 52, marginBottom: 40 };

function asSvg(node: Element): SVGSVGElement {
  const svg = node instanceof SVGSVGElement ? node : node.querySelector('svg');
  if (svg === null) {
    throw new Error('Plot returned no SVG');
  }
  return svg;
}

function runInSegments(
  analysis: AnalysisResponse,
  subjects: readonly RunInSubjectView[],
  measure: AnalysisMeasure,
) {
  return subjects.flatMap((s) => {
    const months = analysis.dataset.observations
      .filter((o) => o.subject === s.subject && o.measure === measure)
      .map((o) => o.months);
    const lo = Math.min(...months);
    const hi = Math.max(...months);
    return [
      { period: 'run-in fit', x1: lo, y1: s.interceptRunIn + s.slopeRunIn * lo, x2: 0, y2: s.interceptRunIn },
      {
        period: 'treatment fit',
        x1: 0,
        y1: s.interceptTreatment,
        x2: hi,
        y2: s.interceptTreatment + s.slopeTreatment * hi,
      },
    ];
  });
}

/** Individual trajectories, the split at month 0 and each participant's fitted run-in and treatment lines. */
export function spaghettiPlot(
  analysis: AnalysisResponse,
  measure: AnalysisMeasure,
  runIn: readonly RunInSubjectView[],
): SVGSVGElement {
  const obs = analysis.dataset.observations
    .filter((o) => o.measure === measure)
    .map((o) => ({
      ...o,
      group: groupLabel(analysis, o.arm),
      label: `${o.subject}${o.synthetic ? ' (synthetic)' : ''}`,
    }));
  const split = analysis.dataset.splitVisit;
  return asSvg(
    Plot.plot({
      ...SIZE,
      x: { label: split === null ? 'Months from baseline' : `Months from ${split} (first dose)` },
      y: { label: MEASURE_LABELS[measure], grid: true },
      color: groupColors(analysis),
      marks: [
        ...(split === null ? [] : [Plot.ruleX([0], { stroke: '#888', strokeDasharray: '4 3' })]),
        Plot.line(obs, {
          x: 'months',
          y: 'value',
          z: 'subject',
          stroke: 'group',
          strokeOpacity: 0.45,
          title: 'label',
        }),
        Plot.dot(obs, { x: 'months', y: 'value', fill: 'group', r: 2.5, title: 'label' }),
        ...(['run-in fit', 'treatment fit'] as const).map((period) =>
          Plot.link(
            runInSegments(analysis, runIn, measure).filter((d) => d.period === period),
            {
              x1: 'x1',
              y1: 'y1',
              x2: 'x2',
              y2: 'y2',
              stroke: '#111',
              strokeWidth: 1,
              ...(period === 'run-in fit' ? { strokeDasharray: '4 3' } : {}),
            },
          ),
        ),
      ],
    }),
  );
}

/** Mean per visit and group with the 95 % t-interval as a band. */
export function meanTrajectoryPlot(analysis: AnalysisResponse, measure: AnalysisMeasure): SVGSVGElement {
  const points = analysis.meanTrajectories
    .filter((p) => p.measure === measure)
    .map((p) => ({ ...p, groupName: groupLabel(analysis, p.group) }))
    .sort((a, b) => a.meanMonths - b.meanMonths);
  const withCi = points.filter((p) => p.lower95 !== null && p.upper95 !== null);
  return asSvg(
    Plot.plot({
      ...SIZE,
      x: { label: 'Months (mean per visit)' },
      y: { label: `${MEASURE_LABELS[measure]} (mean, 95 % CI)`, grid: true },
      color: groupColors(analysis),
      marks: [
        Plot.areaY(withCi, {
          x: 'meanMonths',
          y1: 'lower95',
          y2: 'upper95',
          fill: 'groupName',
          fillOpacity: 0.15,
          z: 'groupName',
        }),
        Plot.line(points, {
          x: 'meanMonths',
          y: 'mean',
          stroke: 'groupName',
          z: 'groupName',
          strokeWidth: 2,
        }),
        Plot.dot(points, {
          x: 'meanMonths',
          y: 'mean',
          fill: 'groupName',
          title: (p: { visitKey: string; n: number }) => `${p.visitKey}: n = ${p.n}`,
        }),
      ],
    }),
  );
}

/** Waterfall: slope change (treatment − run-in) per participant, sorted. */
export function waterfallPlot(subjects: readonly RunInSubjectView[]): SVGSVGElement {
  const sorted = [...subjects].sort((a, b) => b.change - a.change);
  return asSvg(
    Plot.plot({
      ...SIZE,
      height: 300,
      x: { label: 'Participant', domain: sorted.map((s) => s.subject), tickRotate: -45 },
      y: { label: 'Slope change (points / month)', grid: true },
      marginBottom: 70,
      marks: [
        Plot.barY(sorted, {
          x: 'subject',
          y: 'change',
          fill: (d: RunInSubjectView) => (d.change >= 0 ? '#4f8a3c' : '#c0504d'),
        }),
        Plot.ruleY([0]),
      ],
    }),
  );
}

/** Kaplan–Meier step curves with their 95 % CI bands and censoring ticks. */
export function kmPlot(analysis: AnalysisResponse): SVGSVGElement {
  const groups = analysis.survival?.groups ?? [];
  const steps = groups.flatMap((g) => {
    const name = groupLabel(analysis, g.group);
    return [
      { time: 0, survival: 1, lower: 1, upper: 1, nCensor: 0, name },
      ...g.steps.map((s) => ({ ...s, name })),
    ];
  });
  return asSvg(
    Plot.plot({
      ...SIZE,
      x: { label: 'Months' },
      y: { label: 'Free of death, tracheostomy, permanent ventilation', domain: [0, 1], grid: true },
      color: groupColors(analysis),
      marks: [
        Plot.areaY(
          steps.filter((s) => s.lower !== null && s.upper !== null),
          {
            x: 'time',
            y1: 'lower',
            y2: 'upper',
            fill: 'name',
            z: 'name',
            fillOpacity: 0.12,
            curve: 'step-after',
          },
        ),
        Plot.line(steps, {
          x: 'time',
          y: 'survival',
          stroke: 'name',
          z: 'name',
          curve: 'step-after',
          strokeWidth: 2,
        }),
        Plot.dot(
          steps.filter((s) => s.nCensor > 0),
          { x: 'time', y: 'survival', stroke: 'name', symbol: 'plus', r: 4 },
        ),
      ],
    }),
  );
}
