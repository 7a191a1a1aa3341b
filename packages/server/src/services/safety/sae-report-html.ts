import type { AdverseEventView, AeProcedureView, ReportingDeadlineView } from '@celltrial/contracts';

/** Text for HTML element content and double-quoted attributes (&, <, >, ", '). */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export interface SaeReportData {
  readonly study: { readonly code: string; readonly title: string; readonly protocolVersion: number };
  readonly siteCode: string;
  readonly participantNumber: string;
  /** Only for viewers who may see allocations; null hides the row ("blinded"). */
  readonly arm: { readonly id: string; readonly name: string } | null;
  readonly blinded: boolean;
  readonly event: AdverseEventView;
  readonly procedures: readonly AeProcedureView[];
  readonly generatedAt: string;
  readonly generatedBy: string;
}

function text(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined || v === '') {
    return '—';
  }
  if (typeof v === 'boolean') {
    return v ? 'Yes' : 'No';
  }
  return escapeHtml(String(v));
}

function rows(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`).join('\n');
}

function deadlineRow(d: ReportingDeadlineView | null, label: string): readonly [string, string] | null {
  if (d === null) {
    return null;
  }
  const status = `<span class="status ${escapeHtml(d.status)}">${escapeHtml(d.status)}</span>`;
  return [label, `${status} — ${text(d.explanation)}`];
}

/**
 * The SAE report of one event as a self-contained HTML page (no scripts, no external resources): study,
 * participant number (the arm only for unblinded viewers), event, seriousness, causality, reporting clock,
 * reports sent and the narrative. Every value is escaped.
 */
export function renderSaeReportHtml(data: SaeReportData): string {
  const e = data.event;
  const causality = [
    ['Investigational product', text(e.relatedness.product ?? 'not assessed')] as const,
    ...data.procedures.map((p) => [p.name, text(e.relatedness.procedures[p.id] ?? 'not assessed')] as const),
  ];
  const clock = e.clock;
  const clockRows = [
    ['Awareness', text(clock?.awarenessAt ?? null)] as const,
    deadlineRow(clock?.initial ?? null, 'Initial report (24 h)'),
    deadlineRow(clock?.susar ?? null, 'SUSAR report (7 / 15 days)'),
    ...(clock?.warnings ?? []).map((w) => ['Warning', `<strong>${escapeHtml(w)}</strong>`] as const),
  ].filter((r): r is readonly [string, string] => r !== null);
  const reports = e.reports
    .map(
      (r) =>
        `<tr><td>${text(r.kind)}</td><td>${text(r.sentAt)}</td><td>${text(r.recipient)}</td><td>${text(r.reference)}</td><td>${text(r.recordedBy)}</td></tr>`,
    )
    .join('\n');
  const narrative = e.narrative === null ? '<p>—</p>' : `<p class="narrative">${escapeHtml(e.narrative)}</p>`;
  let treatment = data.blinded ? 'Blinded' : '—';
  if (data.arm !== null) {
    treatment = text(data.arm.name);
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SAE report — ${escapeHtml(data.study.code)} ${escapeHtml(data.participantNumber)} AE ${e.aeNumber}</title>
<style>
body { font-family: system-ui, sans-serif; font-size: 11pt; margin: 1.5em; color: #111; }
h1 { font-size: 16pt; margin-bottom: 0.2em; } h2 { font-size: 12pt; margin-top: 1.2em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid #ddd; }
th { width: 32%; font-weight: 600; } .status { font-weight: 700; text-transform: uppercase; }
.overdue, .late { color: #a00; } .met { color: #060; } .narrative { white-space: pre-wrap; }
footer { margin-top: 2em; font-size: 9pt; color: #555; }
</style>
</head>
<body>
<h1>Serious adverse event report</h1>
<p>${escapeHtml(data.study.code)} — ${escapeHtml(data.study.title)} (protocol version ${data.study.protocolVersion})</p>
<h2>Participant</h2>
<table>
${rows([
  ['Site', text(data.siteCode)],
  ['Participant number', text(data.participantNumber)],
  ['Treatment', treatment],
])}
</table>
<h2>Event</h2>
<table>
${rows([
  ['AE number', text(e.aeNumber)],
  ['Reported term', text(e.term)],
  ['CTCAE v5.0 term', text(e.ctcaeTerm)],
  ['System organ class', text(e.soc)],
  ['Onset', text(e.onsetDate)],
  ['Resolution', e.ongoing ? 'Ongoing' : text(e.resolutionDate)],
  ['CTCAE grade', text(e.grade)],
  ['Outcome', text(e.outcome)],
  ['Action taken with the product', text(e.actionTaken)],
])}
</table>
<h2>Seriousness</h2>
<table>
${rows([
  ['Serious', text(e.serious)],
  ['Criteria (ICH E2A)', text(e.seriousness.join(', '))],
  ['Expected (reference safety information)', e.expected === null ? 'Not assessed' : text(e.expected)],
  ['SUSAR status', text(e.susar)],
])}
</table>
<h2>Causality</h2>
<table>
${rows(causality)}
</table>
<h2>Reporting clock</h2>
<table>
${rows(clockRows)}
</table>
<h2>Reports sent</h2>
<table>
<tr><th>Kind</th><th>Sent</th><th>Recipient</th><th>Reference</th><th>Recorded by</th></tr>
${reports === '' ? '<tr><td colspan="5">None</td></tr>' : reports}
</table>
<h2>Narrative</h2>
${narrative}
<footer>Generated ${escapeHtml(data.generatedAt)} by ${escapeHtml(data.generatedBy)} — AE version ${e.version}, last changed ${escapeHtml(e.updatedAt)}${e.updatedBy === null ? '' : ` by ${escapeHtml(e.updatedBy)}`}.</footer>
</body>
</html>
`;
}
