import type { ReportingDeadlineView, SaeClockView } from '@celltrial/contracts';
import { seriousAdverseEventClock, type ReportingDeadline, type SusarStatus } from '@celltrial/core';
import type { AdverseEventRow, SaeReportRow } from '@celltrial/db';

function deadlineView(d: ReportingDeadline): ReportingDeadlineView {
  const base = { report: d.report, due: d.due, allowedHours: d.allowedHours, explanation: d.explanation };
  switch (d.status) {
    case 'met':
      return { ...base, status: 'met', reportedAt: d.reportedAt, hours: d.hoursToSpare };
    case 'late':
      return { ...base, status: 'late', reportedAt: d.reportedAt, hours: d.hoursLate };
    case 'pending':
      return { ...base, status: 'pending', reportedAt: null, hours: d.hoursRemaining };
    case 'overdue':
      return { ...base, status: 'overdue', reportedAt: null, hours: d.hoursOverdue };
  }
}

/** The earliest report of a kind (the one that answers the deadline). */
function firstSent(reports: readonly SaeReportRow[], kind: string): string | null {
  const times = reports.filter((r) => r.kind === kind).map((r) => r.sent_at.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times)).toISOString();
}

function hours(h: number): string {
  return `${Math.round(h * 10) / 10} h`;
}

/**
 * The reporting clocks of a serious AE as of `now`: the initial report within 24 h of awareness and, for a SUSAR,
 * the expedited report (7 days fatal or life-threatening, else 15). Null for a non-serious AE.
 */
export function saeClockOf(params: {
  row: AdverseEventRow;
  susar: SusarStatus;
  reports: readonly SaeReportRow[];
  now: Date;
}): SaeClockView | null {
  const { row, reports } = params;
  if (!row.serious) {
    return null;
  }
  const asOf = params.now.toISOString();
  const warnings: string[] = [];
  if (params.susar === 'expectedness-unknown') {
    warnings.push('serious and related to the product: assess expectedness to know whether it is a SUSAR');
  }
  if (row.awareness_at === null) {
    const problem =
      'the time the site became aware of the SAE is not recorded: the reporting clock cannot start';
    return {
      problem,
      awarenessAt: null,
      initial: null,
      susar: null,
      overdue: false,
      warnings: [problem, ...warnings],
      asOf,
    };
  }
  const seriousness = row.seriousness as string[];
  const clock = seriousAdverseEventClock({
    awarenessAt: row.awareness_at.toISOString(),
    susar: params.susar === 'susar',
    fatalOrLifeThreatening: seriousness.includes('death') || seriousness.includes('life-threatening'),
    initialReportAt: firstSent(reports, 'initial'),
    susarReportAt: params.susar === 'susar' ? firstSent(reports, 'susar') : null,
    now: asOf,
  });
  if (clock.kind === 'invalid') {
    const problem = clock.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    return {
      problem,
      awarenessAt: row.awareness_at.toISOString(),
      initial: null,
      susar: null,
      overdue: false,
      warnings: [problem, ...warnings],
      asOf,
    };
  }
  const initial = deadlineView(clock.initial);
  const susar = clock.susar === null ? null : deadlineView(clock.susar);
  for (const d of [initial, susar]) {
    if (d?.status === 'overdue') {
      warnings.unshift(
        `${d.report === 'initial' ? 'Initial SAE report' : 'SUSAR report'} overdue by ${hours(d.hours)} (due ${d.due})`,
      );
    } else if (d?.status === 'late') {
      warnings.push(
        `${d.report === 'initial' ? 'Initial SAE report' : 'SUSAR report'} was sent ${hours(d.hours)} late`,
      );
    }
  }
  return {
    problem: null,
    awarenessAt: clock.awarenessAt,
    initial,
    susar,
    overdue: initial.status === 'overdue' || susar?.status === 'overdue',
    warnings,
    asOf,
  };
}
