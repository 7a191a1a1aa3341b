import type { EligibilityVerdict } from '@celltrial/core';
import { Badge, type MantineColor } from '@mantine/core';
import type { ParticipantStatus } from '../../lib/participants-api.js';

// Badges in narrow table cells keep their whole label (no ellipsis).
const WHOLE_LABEL = { root: { overflow: 'visible' }, label: { overflow: 'visible' } } as const;

const STATUS_LABELS: Record<ParticipantStatus, string> = {
  screening: 'In screening',
  'screen-failed': 'Screen failed',
  enrolled: 'Enrolled',
  withdrawn: 'Withdrawn',
  completed: 'Completed',
};

const STATUS_COLORS: Record<ParticipantStatus, MantineColor> = {
  screening: 'blue',
  'screen-failed': 'red',
  enrolled: 'green',
  withdrawn: 'orange',
  completed: 'dark',
};

/** Human label of a participant status. */
export function participantStatusLabel(status: ParticipantStatus): string {
  return STATUS_LABELS[status];
}

/** A participant's status as a coloured badge. */
export function ParticipantStatusBadge({ status }: { status: ParticipantStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} size="sm" tt="none" fw={600} styles={WHOLE_LABEL}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

const VERDICT_LABELS: Record<EligibilityVerdict, string> = {
  eligible: 'Eligible',
  ineligible: 'Not eligible',
  incomplete: 'Incomplete',
};

const VERDICT_COLORS: Record<EligibilityVerdict, MantineColor> = {
  eligible: 'green',
  ineligible: 'red',
  incomplete: 'gray',
};

/** Human label of an eligibility verdict. */
export function verdictLabel(verdict: EligibilityVerdict): string {
  return VERDICT_LABELS[verdict];
}

/** An eligibility verdict as a badge (`size` lg for the live verdict of the screening form). */
export function VerdictBadge({ verdict, size = 'sm' }: { verdict: EligibilityVerdict; size?: 'sm' | 'lg' }) {
  return (
    <Badge
      color={VERDICT_COLORS[verdict]}
      size={size}
      tt="none"
      fw={600}
      variant="filled"
      styles={WHOLE_LABEL}
    >
      {VERDICT_LABELS[verdict]}
    </Badge>
  );
}
