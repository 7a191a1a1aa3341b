// Dosing words and numbers for display (pure; docs/methods/dosing.md). Amounts are never rounded here beyond the
// shortest exact form core's formatAmount writes (7.23×10^7); percentages get one decimal for display only.
import type { DosePlanView } from '@celltrial/contracts';
import { formatAmount, type Protocol } from '@celltrial/core';

type PlanItem = DosePlanView['items'][number];
type Volume = PlanItem['volume'];
type Modification = Extract<PlanItem, { masked: false }>['modification'];

/** "7.23×10^7 cells" / "2 mL". */
export function doseText(amount: number, unit: string): string {
  return `${formatAmount(amount)} ${unit}`;
}

/** "1 mL per nostril", "5–10 mL", or "—". */
export function volumeText(volume: Volume): string {
  const per = volume.per === 'nostril' ? ' per nostril' : '';
  if (volume.volumeMl !== null) {
    return `${volume.volumeMl} mL${per}`;
  }
  if (volume.volumeRangeMl !== null) {
    return `${volume.volumeRangeMl.min}–${volume.volumeRangeMl.max} mL${per}`;
  }
  return '—';
}

export const LEVEL_SOURCE_TEXT: Record<Extract<PlanItem, { masked: false }>['levelSource'], string> = {
  protocol: 'planned by the protocol for this visit',
  cohort: "the participant's escalation cohort",
  'starting-level': "the protocol's starting level",
  modification: 'the dose-modification decision',
  none: 'no level',
};

const ACTION_TEXT: Record<string, string> = {
  decrease: 'Decrease',
  increase: 'Increase',
  set: 'Set level',
  keep: 'Keep the level',
  hold: 'Hold (no dose now)',
  discontinue: 'Discontinue',
};

/** The modification decision in one line: "Decrease: dl-5e7 → dl-1e7", "Needs the investigator's judgement". */
export function modificationHeadline(modification: Modification): string {
  if (modification === null) {
    return 'No dose-modification rules';
  }
  switch (modification.kind) {
    case 'decision': {
      const next = modification.nextLevel ?? 'no dose';
      return `${ACTION_TEXT[modification.action] ?? modification.action}: ${modification.previousLevel} → ${next}`;
    }
    case 'needs-judgement':
      return "Needs the investigator's judgement";
    case 'not-applicable':
      return 'Not applicable';
    case 'invalid':
      return 'The rules could not be evaluated';
  }
}

/** "+12.5 %" / "−3.0 %" (signed, one decimal for display). */
export function percentText(percent: number): string {
  let sign = '±';
  if (percent !== 0) {
    sign = percent > 0 ? '+' : '−';
  }
  return `${sign}${Math.abs(percent).toFixed(1)} %`;
}

export interface DoseVisit {
  id: string;
  name: string;
  /** The visit repeats (the occurrence must be chosen). */
  repeats: boolean;
}

/** The protocol's dosing visits (any arm's administrations), in calendar order of the visit list. */
export function doseVisitsOf(protocol: Pick<Protocol, 'administrations' | 'visits'>): DoseVisit[] {
  const ids = new Set(protocol.administrations.flatMap((a) => a.doses.map((d) => d.visit)));
  return protocol.visits
    .filter((v) => ids.has(v.id))
    .map((v) => ({ id: v.id, name: v.name, repeats: v.repeat !== undefined }));
}
