// Words of the escalation board (pure): DLT statuses and the 3+3 decision of a cohort (docs/methods/three-plus-three.md).
import type { EscalationBoardView } from '@celltrial/contracts';

type Cohort = EscalationBoardView['cohorts'][number];
type Design = NonNullable<EscalationBoardView['design']>;
export type DltStatus = Cohort['participants'][number]['status'];

export const DLT_STATUS_LABELS: Record<DltStatus, string> = {
  pending: 'Pending',
  yes: 'DLT',
  no: 'No DLT',
  'not-evaluable': 'Not evaluable',
};

export const DLT_STATUS_COLORS: Record<DltStatus, string> = {
  pending: 'gray',
  yes: 'red',
  no: 'green',
  'not-evaluable': 'orange',
};

/** The signed meaning of a DLT assessment, as the server records it. */
export const DLT_SIGNATURE_STATEMENT =
  'I confirm this dose-limiting toxicity assessment for the DLT window, as defined by the protocol.';

function levelName(design: Design, index: number): string | null {
  return design.levels[index]?.name ?? null;
}

/**
 * The engine's decision for a cohort in words: "Escalate to Middle dose", "Expand to 6 at Low dose",
 * "De-escalate to Low dose", "Stop escalation"; "Cohort incomplete" before every assessment is signed.
 */
export function decisionText(cohort: Cohort, design: Design): string {
  if (cohort.decision === null) {
    return 'Cohort incomplete: no decision yet';
  }
  const index = design.levels.findIndex((l) => l.id === cohort.levelId);
  switch (cohort.decision) {
    case 'escalate': {
      const next = levelName(design, index + 1);
      return next === null ? 'Escalate' : `Escalate to ${next}`;
    }
    case 'expand':
      return `Expand to ${design.cohortSize + design.expansionSize} at ${cohort.levelName}`;
    case 'de-escalate': {
      const lower = levelName(design, index - 1);
      return lower === null ? 'De-escalate' : `De-escalate to ${lower}`;
    }
    case 'stop':
      return 'Stop escalation';
    default:
      return cohort.decision;
  }
}

/** What the board says comes next: "Next: treat 3 at Middle dose" or "Stopped: MTD Low dose (reason)". */
export function nextText(next: EscalationBoardView['next']): string | null {
  if (next === null) {
    return null;
  }
  if (next.kind === 'treat') {
    return `Next: treat ${next.participants} participant(s) at ${next.levelName}`;
  }
  const mtd = next.mtdName === null ? 'no MTD (the lowest level was too toxic)' : `MTD ${next.mtdName}`;
  return `Escalation stopped: ${mtd}. ${next.reason}`;
}
