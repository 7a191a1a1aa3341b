import type {
  AnalysisMessage,
  AnalysisResponse,
  EndpointAnalysis,
  LmmResultView,
} from '@celltrial/contracts';
import { groupName } from './report-charts.js';
import { escapeXml } from './svg-charts.js';

/** A number for display (rounding for display only); '—' for a statistic that does not exist. */
export function fmt(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  return Math.abs(value) >= 1000 ? value.toFixed(0) : value.toPrecision(digits).replace(/\.?0+e/, 'e');
}

export function pValue(p: number | null): string {
  if (p === null) {
    return '—';
  }
  return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((h) => `<th>${escapeXml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function messagesHtml(messages: readonly AnalysisMessage[]): string {
  if (messages.length === 0) {
    return '';
  }
  return `<ul class="messages">${messages.map((m) => `<li class="${m.level}"><b>${m.level}</b>: ${escapeXml(m.text)}</li>`).join('')}</ul>`;
}

export function lmmHtml(lmm: LmmResultView | null): string {
  if (lmm === null) {
    return '';
  }
  const fixed = table(
    ['Term', 'Estimate', 'SE', 't'],
    lmm.fixed.map((f) => [f.name, fmt(f.estimate, 4), fmt(f.se, 4), fmt(f.t)]),
  );
  const random = lmm.randomNames.map((n, i) => `${n} SD ${fmt(lmm.randomSd[i])}`).join(', ');
  return `<p class="model">Mixed model <code>${escapeXml(lmm.formula)}</code>, ${lmm.method.toUpperCase()}, ${lmm.nObs} observations, ${lmm.nSubjects} participants${lmm.reference === null ? '' : `, reference arm ${escapeXml(lmm.reference)}`}; random effects: ${escapeXml(random)}; residual SD ${fmt(lmm.sdResidual)}${lmm.boundary ? ' — <b>boundary (singular) fit</b>' : ''}.</p>${fixed}`;
}

function runInHtml(
  analysis: AnalysisResponse,
  r: Extract<EndpointAnalysis['result'], { kind: 'run-in-treatment' }>,
): string {
  const s = r.summary;
  const summary = table(
    [
      'n',
      'Mean run-in slope',
      'Mean treatment slope',
      'Mean change',
      '95 % CI',
      'Paired t (df)',
      'p (t)',
      'Wilcoxon V',
      'p (Wilcoxon)',
      '≥ 25 % improvement',
    ],
    [
      [
        String(s.nSubjects),
        fmt(s.meanSlopeRunIn),
        fmt(s.meanSlopeTreatment),
        fmt(s.meanChange),
        `${fmt(s.tTest.ci95[0])} to ${fmt(s.tTest.ci95[1])}`,
        `${fmt(s.tTest.t)} (${s.tTest.df})`,
        pValue(s.tTest.p),
        fmt(s.wilcoxon.v),
        pValue(s.wilcoxon.p),
        `${s.nImproved25} / ${s.nEvaluable25}`,
      ],
    ],
  );
  const subjects = table(
    [
      'Subject',
      ...(analysis.dataset.blinded ? [] : ['Arm']),
      'Run-in slope (n)',
      'Treatment slope (n)',
      'Change',
      'Relative',
    ],
    r.subjects.map((x) => [
      `${x.subject}${x.synthetic ? ' (synthetic)' : ''}`,
      ...(analysis.dataset.blinded ? [] : [groupName(analysis, x.arm ?? '')]),
      `${fmt(x.slopeRunIn)} (${x.nRunIn})`,
      `${fmt(x.slopeTreatment)} (${x.nTreatment})`,
      fmt(x.change),
      x.relativeImprovement === null ? '—' : `${fmt(x.relativeImprovement * 100)} %`,
    ]),
  );
  return `<p class="note">${escapeXml(r.regressionToTheMeanNote)}</p>${summary}${lmmHtml(r.piecewise)}<h4>Per participant (points / month)</h4>${subjects}`;
}

/** The result tables of one endpoint. */
export function resultHtml(analysis: AnalysisResponse, e: EndpointAnalysis): string {
  const r = e.result;
  switch (r.kind) {
    case 'run-in-treatment':
      return runInHtml(analysis, r);
    case 'slopes':
      return (
        table(
          ['Group', 'n', 'Mean slope', 'SD'],
          r.groups.map((g) => [groupName(analysis, g.group), String(g.n), fmt(g.meanSlope), fmt(g.sdSlope)]),
        ) + lmmHtml(r.lmm)
      );
    case 'change-from-baseline':
      return (
        table(
          ['Group', 'Visit', 'Months', 'n', 'Mean change', 'SD', '95 % CI'],
          r.byVisit.map((v) => [
            groupName(analysis, v.group),
            v.visitKey,
            fmt(v.meanMonths),
            String(v.n),
            fmt(v.meanChange),
            fmt(v.sdChange),
            `${fmt(v.lower95)} to ${fmt(v.upper95)}`,
          ]),
        ) + lmmHtml(r.lmm)
      );
    case 'cafs':
      return (
        `<p>Horizon ${r.horizonMonths} months; reference arm ${escapeXml(groupName(analysis, r.reference))}.</p>` +
        table(
          ['Arm', 'n', 'Mean rank', 'Mean CAFS'],
          r.arms.map((a) => [groupName(analysis, a.arm), String(a.n), fmt(a.meanRank), fmt(a.meanCafs)]),
        ) +
        table(
          ['Arm vs reference', 'W', 'z', 'p'],
          r.comparisons.map((c) => [
            `${groupName(analysis, c.arm)} vs ${groupName(analysis, c.reference)}`,
            fmt(c.w),
            fmt(c.z),
            pValue(c.p),
          ]),
        )
      );
    case 'none':
      return '<p class="none">No result (see the messages above).</p>';
  }
}

export function survivalTables(analysis: AnalysisResponse): string {
  const s = analysis.survival;
  if (s === null) {
    return '';
  }
  const groups = table(
    ['Group', 'n', 'Events', 'Median (months)', '95 % CI'],
    s.groups.map((g) => [
      groupName(analysis, g.group),
      String(g.n),
      String(g.events),
      g.median.estimate === null ? 'not reached' : fmt(g.median.estimate),
      `${fmt(g.median.lower)} to ${fmt(g.median.upper)}`,
    ]),
  );
  const times = [0, 3, 6, 9, 12, 18, 24];
  const atRisk = table(
    ['Numbers at risk', ...times.map((t) => `${t} mo`)],
    s.groups.map((g) => [
      groupName(analysis, g.group),
      ...times.map((t) =>
        String(g.n - g.steps.filter((x) => x.time < t).reduce((n, x) => n + x.nEvent + x.nCensor, 0)),
      ),
    ]),
  );
  const lr =
    s.logRank === null
      ? ''
      : `<p>Log-rank χ² = ${fmt(s.logRank.chisq)}, df = ${s.logRank.df}, p = ${pValue(s.logRank.p)}.</p>`;
  const cox =
    s.cox === null
      ? ''
      : table(
          ['Cox term (vs ' + groupName(analysis, s.cox.reference) + ')', 'HR', '95 % CI', 'p'],
          s.cox.terms.map((t) => [
            t.name,
            fmt(t.hr),
            `${fmt(t.hrLower95)} to ${fmt(t.hrUpper95)}`,
            pValue(t.p),
          ]),
        );
  return groups + atRisk + lr + cox;
}

export function encalsTable(analysis: AnalysisResponse): string {
  const e = analysis.encals;
  if (e === null) {
    return '';
  }
  return table(
    [
      'Subject',
      'Baseline',
      'Months since onset',
      'LP',
      'Predicted median (months from onset)',
      'Predicted S(12/24/36/60)',
    ],
    e.participants.map((p) => [
      `${p.subject}${p.synthetic ? ' (synthetic)' : ''}`,
      p.baselineDate,
      fmt(p.monthsSinceOnsetAtBaseline),
      fmt(p.linearPredictor),
      fmt(p.predictedMedianMonthsFromOnset),
      p.predictedSurvival.map((x) => fmt(x.survival, 2)).join(' / '),
    ]),
  );
}
