import type { AnalysisResponse } from '@celltrial/contracts';
import { MEASURE_SOURCES } from '../dataset-sources.js';
import {
  kmSvg,
  mainMeasure,
  meanTrajectorySvg,
  runInResult,
  spaghettiSvg,
  waterfallSvg,
} from './report-charts.js';
import { encalsTable, messagesHtml, resultHtml, survivalTables } from './report-tables.js';
import { escapeXml } from './svg-charts.js';

export interface ReportStudy {
  readonly title: string;
  readonly registryIds: readonly string[];
}

const STYLE = `
body { font-family: sans-serif; font-size: 11px; color: #222; margin: 24px; }
h1 { font-size: 18px; margin-bottom: 2px; } h2 { font-size: 15px; border-bottom: 1px solid #1f4e79; margin-top: 22px; }
h3 { font-size: 13px; margin-bottom: 4px; } h4 { font-size: 11px; margin: 8px 0 2px; }
table { border-collapse: collapse; margin: 6px 0 10px; } th, td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; }
th { background: #eef2f7; } .banner { padding: 8px 12px; font-weight: bold; font-size: 13px; margin: 10px 0; }
.current { background: #fff3cd; border: 2px solid #d18b2c; } .locked { background: #e3f1e0; border: 2px solid #4f8a3c; }
.synthetic { background: #fde2e1; border: 2px solid #c0504d; } .messages li.error { color: #a10000; }
.messages li.warning { color: #8a5a00; } .note { font-style: italic; } figure { margin: 8px 0; page-break-inside: avoid; }
section.endpoint { page-break-inside: avoid; } code { font-size: 10px; }
`;

function statusBanner(a: AnalysisResponse): string {
  const s = a.dataset.status;
  const status =
    s.source === 'locked'
      ? `<div class="banner locked">LOCKED DATA — study locked ${escapeXml(s.lockedAt ?? '')}${s.lockReason === null ? '' : ` (${escapeXml(s.lockReason)})`}; data cut ${s.dataCutDate}</div>`
      : `<div class="banner current">CURRENT DATA, NOT LOCKED — the numbers can change; data cut ${s.dataCutDate} (the day of this analysis)</div>`;
  const synthetic =
    a.dataset.syntheticParticipants > 0
      ? `<div class="banner synthetic">SYNTHETIC DATA: ${a.dataset.syntheticParticipants} of ${a.dataset.participants.length} participants are generated demo data, not real patients</div>`
      : '';
  return status + synthetic;
}

function figures(a: AnalysisResponse): string {
  const measure = mainMeasure(a);
  const parts: string[] = [];
  if (measure !== null) {
    parts.push(spaghettiSvg(a, measure), meanTrajectorySvg(a, measure));
    const runIn = runInResult(a, measure);
    if (runIn !== null) {
      parts.push(waterfallSvg(runIn));
    }
  }
  const km = kmSvg(a);
  if (km !== null) {
    parts.push(km);
  }
  return parts.map((svg) => `<figure>${svg}</figure>`).join('');
}

function datasetSummary(a: AnalysisResponse): string {
  const counts = Object.entries(MEASURE_SOURCES)
    .map(([m, src]) => {
      const obs = a.dataset.observations.filter((o) => o.measure === m);
      return obs.length === 0
        ? null
        : `${src.label}: ${obs.length} values from ${new Set(obs.map((o) => o.subject)).size} participants`;
    })
    .filter((x): x is string => x !== null);
  return `<p>${a.dataset.participants.length} participants in the casebook; ${escapeXml(counts.join('; ') || 'no outcome values yet')}. Last visit date in the data: ${a.dataset.status.lastDataDate ?? '—'}.${a.dataset.splitVisit === null ? '' : ` Month 0 = the date of visit <b>${escapeXml(a.dataset.splitVisit)}</b> (first dose); run-in months are negative.`}</p>`;
}

/**
 * The study report as one self-contained HTML document (no scripts, no external resources): status, software,
 * methods, the endpoint tables and the charts drawn as inline SVG on the server.
 */
export function renderReportHtml(a: AnalysisResponse, study: ReportStudy): string {
  const s = a.dataset.status;
  const endpoints = a.endpoints
    .map(
      (e) =>
        `<section class="endpoint"><h3>${escapeXml(e.title)}</h3><p><b>${escapeXml(e.endpointType)}</b> endpoint · measure ${escapeXml(e.measure)} · method ${escapeXml(e.method)}</p><p><b>Methods.</b> ${escapeXml(e.methodsText)}</p>${messagesHtml(e.messages)}${resultHtml(a, e)}</section>`,
    )
    .join('');
  const survival =
    a.survival === null
      ? ''
      : `<h2>Survival</h2><p><b>Methods.</b> ${escapeXml(a.survival.methodsText)}</p>${messagesHtml(a.survival.messages)}${survivalTables(a)}`;
  const encals =
    a.encals === null
      ? ''
      : `<h2>ENCALS predicted survival at baseline (PREDICTION, not observed)</h2><p><b>Methods.</b> ${escapeXml(a.encals.methodsText)}</p>${messagesHtml(a.encals.messages)}${encalsTable(a)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Study report — ${escapeXml(study.title)}</title><style>${STYLE}</style></head>
<body>
<h1>Study report: ${escapeXml(study.title)}</h1>
<p>${escapeXml(study.registryIds.join(', '))} · generated ${escapeXml(s.generatedAt)} · data cut ${s.dataCutDate} · celltrial ${escapeXml(a.software.version)} (commit ${escapeXml(a.software.commit ?? 'unknown')})</p>
${statusBanner(a)}
<p>${a.dataset.blinded ? 'Blinded report: no arm is shown and every analysis pools the arms.' : 'Unblinded report: results by arm.'}</p>
${messagesHtml(a.dataset.messages)}
<h2>Data</h2>${datasetSummary(a)}
<h2>Figures</h2>${figures(a)}
<h2>Endpoints</h2>${endpoints}
${survival}
${encals}
<p class="note">Numbers are computed by celltrial's statistics core (verified against R; docs/methods/) and rounded here for display only.</p>
</body></html>
`;
}
