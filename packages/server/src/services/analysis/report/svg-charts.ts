/**
 * A small server-side SVG builder for the study report: line/step charts with optional bands and a vertical
 * marker, and a bar chart. No DOM, no scripts: the report renders the same in a browser and in a PDF.
 */

export const PALETTE = ['#1f4e79', '#c0504d', '#4f8a3c', '#8064a2', '#d18b2c', '#2c8d9b'] as const;

/** Escapes text for HTML and SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly points: readonly (readonly [number, number])[];
  readonly step?: boolean;
  readonly width?: number;
  readonly opacity?: number;
  readonly dashed?: boolean;
  readonly markers?: boolean;
  readonly inLegend?: boolean;
}

export interface Band {
  readonly color: string;
  /** x, lower, upper. */
  readonly points: readonly (readonly [number, number, number])[];
  readonly step?: boolean;
}

export interface LineChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
  readonly bands?: readonly Band[];
  readonly marker?: { readonly x: number; readonly label: string };
  readonly yDomain?: readonly [number, number];
  /** Where the legend goes (KM curves start at the top right: put it bottom left). */
  readonly legendAt?: 'top-right' | 'bottom-left';
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { top: 28, right: 16, bottom: 42, left: 56 };

/** "Nice" tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) {
    return [lo];
  }
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

function extent(values: readonly number[], fallback: readonly [number, number]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) {
    return [fallback[0], fallback[1]];
  }
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, ''));

interface Scales {
  readonly sx: (x: number) => number;
  readonly sy: (y: number) => number;
}

function pathOf(points: readonly (readonly [number, number])[], step: boolean, { sx, sy }: Scales): string {
  let d = '';
  let prev: readonly [number, number] | undefined;
  for (const p of points) {
    if (prev === undefined) {
      d += `M${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`;
    } else if (step) {
      d += `H${sx(p[0]).toFixed(1)}V${sy(p[1]).toFixed(1)}`;
    } else {
      d += `L${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`;
    }
    prev = p;
  }
  return d;
}

function axes(spec: {
  width: number;
  height: number;
  xTicks: number[];
  yTicks: number[];
  sx: (x: number) => number;
  sy: (y: number) => number;
  xLabel: string;
  yLabel: string;
}): string {
  const { width, height, sx, sy } = spec;
  const bottom = height - MARGIN.bottom;
  const parts = [
    `<line x1="${MARGIN.left}" y1="${bottom}" x2="${width - MARGIN.right}" y2="${bottom}" stroke="#444"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" stroke="#444"/>`,
  ];
  for (const t of spec.xTicks) {
    parts.push(
      `<line x1="${sx(t)}" y1="${bottom}" x2="${sx(t)}" y2="${bottom + 4}" stroke="#444"/><text x="${sx(t)}" y="${bottom + 16}" text-anchor="middle">${fmt(t)}</text>`,
    );
  }
  for (const t of spec.yTicks) {
    parts.push(
      `<line x1="${MARGIN.left - 4}" y1="${sy(t)}" x2="${width - MARGIN.right}" y2="${sy(t)}" stroke="#e5e5e5"/><text x="${MARGIN.left - 6}" y="${sy(t) + 4}" text-anchor="end">${fmt(t)}</text>`,
    );
  }
  parts.push(
    `<text x="${(MARGIN.left + width - MARGIN.right) / 2}" y="${height - 8}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`,
  );
  parts.push(
    `<text transform="translate(14,${(MARGIN.top + bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`,
  );
  return parts.join('');
}

/** The corner points of a step curve (each value held until the next x), so a band can be closed backwards. */
function stepVertices(
  points: readonly (readonly [number, number])[],
  step: boolean,
): (readonly [number, number])[] {
  if (!step) {
    return [...points];
  }
  return points.flatMap((p, i) => {
    const next = points[i + 1];
    return next === undefined ? [p] : [p, [next[0], p[1]] as const];
  });
}

function legend(
  series: readonly Series[],
  box: { width: number; height: number; at: 'top-right' | 'bottom-left' },
): string {
  const shown = series.filter((s) => s.inLegend !== false);
  return shown
    .map((s, i) => {
      const x = box.at === 'top-right' ? box.width - MARGIN.right - 170 : MARGIN.left + 10;
      const y =
        box.at === 'top-right'
          ? MARGIN.top + 4 + i * 14
          : box.height - MARGIN.bottom - 10 - (shown.length - 1 - i) * 14;
      return `<rect x="${x}" y="${y - 8}" width="10" height="10" fill="${s.color}"/><text x="${x + 14}" y="${y + 1}">${escapeXml(s.label)}</text>`;
    })
    .join('');
}

/** A line (or step) chart as an SVG string. */
export function lineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 320;
  const xs = [
    ...spec.series.flatMap((s) => s.points.map((p) => p[0])),
    ...(spec.marker ? [spec.marker.x] : []),
  ];
  const ys = [
    ...spec.series.flatMap((s) => s.points.map((p) => p[1])),
    ...(spec.bands ?? []).flatMap((b) => b.points.flatMap((p) => [p[1], p[2]])),
  ];
  const [x0, x1] = extent(xs, [0, 1]);
  const [y0, y1] = spec.yDomain ?? extent(ys, [0, 1]);
  const sx = (x: number): number =>
    MARGIN.left + ((x - x0) / (x1 - x0)) * (width - MARGIN.left - MARGIN.right);
  const sy = (y: number): number =>
    height - MARGIN.bottom - ((y - y0) / (y1 - y0)) * (height - MARGIN.top - MARGIN.bottom);
  const bands = (spec.bands ?? []).map((b) => {
    const upper = stepVertices(
      b.points.map((p) => [p[0], p[2]] as const),
      b.step ?? false,
    );
    const lower = stepVertices(
      b.points.map((p) => [p[0], p[1]] as const),
      b.step ?? false,
    ).reverse();
    const d = `${pathOf(upper, false, { sx, sy })}L${pathOf(lower, false, { sx, sy }).slice(1)}Z`;
    return `<path d="${d}" fill="${b.color}" fill-opacity="0.15" stroke="none"/>`;
  });
  const lines = spec.series.map((s) => {
    const d = pathOf(s.points, s.step ?? false, { sx, sy });
    const dots =
      s.markers === true
        ? s.points
            .map(
              (p) =>
                `<circle cx="${sx(p[0]).toFixed(1)}" cy="${sy(p[1]).toFixed(1)}" r="2.5" fill="${s.color}"/>`,
            )
            .join('')
        : '';
    return `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width ?? 1.5}" stroke-opacity="${s.opacity ?? 1}"${s.dashed === true ? ' stroke-dasharray="4 3"' : ''}/>${dots}`;
  });
  const marker = spec.marker
    ? `<line x1="${sx(spec.marker.x)}" y1="${MARGIN.top}" x2="${sx(spec.marker.x)}" y2="${height - MARGIN.bottom}" stroke="#888" stroke-dasharray="5 4"/><text x="${sx(spec.marker.x) + 4}" y="${MARGIN.top + 10}">${escapeXml(spec.marker.label)}</text>`
    : '';
  return svgFrame({
    width,
    height,
    title: spec.title,
    body: [
      axes({
        width,
        height,
        xTicks: ticks(x0, x1),
        yTicks: ticks(y0, y1, 5),
        sx,
        sy,
        xLabel: spec.xLabel,
        yLabel: spec.yLabel,
      }),
      ...bands,
      ...lines,
      marker,
      legend(spec.series, { width, height, at: spec.legendAt ?? 'top-right' }),
    ].join(''),
  });
}

function svgFrame(p: { width: number; height: number; title: string; body: string }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${p.width} ${p.height}" width="${p.width}" height="${p.height}" font-family="sans-serif" font-size="10" role="img" aria-label="${escapeXml(p.title)}"><title>${escapeXml(p.title)}</title><text x="${MARGIN.left}" y="16" font-size="12" font-weight="bold">${escapeXml(p.title)}</text>${p.body}</svg>`;
}

/** A bar chart (one bar per value, in the given order) with a zero line, e.g. a waterfall of slope changes. */
export function barChart(spec: {
  title: string;
  yLabel: string;
  xLabel: string;
  bars: readonly { label: string; value: number; color: string }[];
  width?: number;
  height?: number;
}): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 300;
  const [y0, y1] = extent([0, ...spec.bars.map((b) => b.value)], [0, 1]);
  const sy = (y: number): number =>
    height - MARGIN.bottom - ((y - y0) / (y1 - y0)) * (height - MARGIN.top - MARGIN.bottom);
  const band = (width - MARGIN.left - MARGIN.right) / Math.max(spec.bars.length, 1);
  const bars = spec.bars.map((b, i) => {
    const x = MARGIN.left + i * band + band * 0.1;
    const top = Math.min(sy(b.value), sy(0));
    return `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${(band * 0.8).toFixed(1)}" height="${Math.abs(sy(b.value) - sy(0)).toFixed(1)}" fill="${b.color}"><title>${escapeXml(`${b.label}: ${b.value}`)}</title></rect>`;
  });
  const zero = `<line x1="${MARGIN.left}" y1="${sy(0)}" x2="${width - MARGIN.right}" y2="${sy(0)}" stroke="#444"/>`;
  const yTicks = ticks(y0, y1, 5)
    .map(
      (t) =>
        `<line x1="${MARGIN.left - 4}" y1="${sy(t)}" x2="${width - MARGIN.right}" y2="${sy(t)}" stroke="#e5e5e5"/><text x="${MARGIN.left - 6}" y="${sy(t) + 4}" text-anchor="end">${fmt(t)}</text>`,
    )
    .join('');
  const labels = `<text x="${(MARGIN.left + width - MARGIN.right) / 2}" y="${height - 8}" text-anchor="middle">${escapeXml(spec.xLabel)}</text><text transform="translate(14,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`;
  return svgFrame({ width, height, title: spec.title, body: yTicks + bars.join('') + zero + labels });
}
