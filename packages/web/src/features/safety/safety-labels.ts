// Words for the safety vocabularies and the SAE reporting deadlines (pure; docs/methods/adverse-events.md).
import type { ReportingDeadlineView } from '@celltrial/contracts';
import type { AeActionTaken, AeOutcome, Relatedness, SeriousnessCriterion } from '@celltrial/core';

export const SERIOUSNESS_LABELS: Record<SeriousnessCriterion, string> = {
  death: 'Results in death',
  'life-threatening': 'Life-threatening',
  hospitalisation: 'Hospitalisation or its prolongation',
  disability: 'Persistent or significant disability',
  'congenital-anomaly': 'Congenital anomaly / birth defect',
  'important-medical-event': 'Important medical event',
};

export const RELATEDNESS_LABELS: Record<Relatedness, string> = {
  'not-related': 'Not related',
  unlikely: 'Unlikely',
  possible: 'Possible',
  probable: 'Probable',
  definite: 'Definite',
};

export const ACTION_LABELS: Record<AeActionTaken, string> = {
  none: 'None (dose not changed)',
  'dose-reduced': 'Dose reduced',
  'dose-delayed': 'Dose delayed',
  'drug-withdrawn': 'Product withdrawn',
  'not-applicable': 'Not applicable',
};

export const OUTCOME_LABELS: Record<AeOutcome, string> = {
  recovered: 'Recovered',
  recovering: 'Recovering',
  'not-recovered': 'Not recovered',
  'recovered-with-sequelae': 'Recovered with sequelae',
  fatal: 'Fatal',
  unknown: 'Unknown',
};

/** CTCAE grade words (CTCAE v5.0 general grade definitions). */
export const GRADE_LABELS: Record<number, string> = {
  1: '1 — mild',
  2: '2 — moderate',
  3: '3 — severe',
  4: '4 — life-threatening',
  5: '5 — death related to the AE',
};

export const SUSAR_LABELS: Record<'susar' | 'not-susar' | 'expectedness-unknown', string> = {
  susar: 'SUSAR',
  'not-susar': 'Not a SUSAR',
  'expectedness-unknown': 'Expectedness not assessed',
};

/** A label of a closed vocabulary, or the code itself when the app does not know it. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code;
}

/** Hours for people (the API's hours are unrounded): "40 min", "5.3 h", "2.9 days". */
export function formatHours(hours: number): string {
  const h = Math.abs(hours);
  if (h < 1) {
    return `${Math.round(h * 60)} min`;
  }
  if (h < 48) {
    return `${h.toFixed(1)} h`;
  }
  return `${(h / 24).toFixed(1)} days`;
}

/** "Initial report (24 h)", "SUSAR report (7 days)", "SUSAR report (15 days)". */
export function deadlineName(deadline: Pick<ReportingDeadlineView, 'report' | 'allowedHours'>): string {
  const allowed =
    deadline.allowedHours % 24 === 0 && deadline.allowedHours > 24
      ? `${deadline.allowedHours / 24} days`
      : `${deadline.allowedHours} h`;
  return `${deadline.report === 'initial' ? 'Initial report' : 'SUSAR report'} (${allowed})`;
}

/** What the deadline's status means now: "3.5 h left", "overdue by 2.0 h", "met, 20.0 h to spare", "sent 1.2 h late". */
export function deadlineStatusText(deadline: Pick<ReportingDeadlineView, 'status' | 'hours'>): string {
  const hours = formatHours(deadline.hours);
  switch (deadline.status) {
    case 'met':
      return `met, ${hours} to spare`;
    case 'late':
      return `sent ${hours} late`;
    case 'pending':
      return `${hours} left`;
    case 'overdue':
      return `overdue by ${hours}`;
  }
}

/** Red for a missed deadline (overdue, or sent late), orange under 6 hours left, blue pending, green met. */
export function deadlineColor(deadline: Pick<ReportingDeadlineView, 'status' | 'hours'>): string {
  switch (deadline.status) {
    case 'overdue':
    case 'late':
      return 'red';
    case 'pending':
      return deadline.hours < 6 ? 'orange' : 'blue';
    case 'met':
      return 'green';
  }
}
