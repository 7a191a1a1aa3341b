import type { EligibilityResultView, ParticipantView } from '@celltrial/contracts';
import type { Protocol } from '@celltrial/core';
import { Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { ActionError } from './action-error.js';
import { ConfirmEligibilityAction } from './confirm-eligibility-action.js';
import { RandomizeAction } from './randomize-action.js';
import { ScreenFailureAction } from './screen-failure-action.js';
import { UnblindAction, type UnblindResult } from './unblind-action.js';
import type { AccessCheck } from './use-study-access.js';

export interface ParticipantActionsProps {
  participant: ParticipantView;
  protocol: Protocol;
  /** The saved screening revision and its evaluation. */
  screening: { revision: number; eligibility: EligibilityResultView | null };
  /** The form has changes that are not saved yet. */
  dirty: boolean;
  can: AccessCheck;
  onUnblinded: (result: UnblindResult) => void;
}

function confirmBlockedReason(props: ParticipantActionsProps): string | null {
  const { participant, screening, dirty } = props;
  if (dirty) {
    return 'Save the screening record first: the signature covers the saved revision.';
  }
  if (screening.revision === 0 || participant.eligibility === null) {
    return 'Save the screening record first.';
  }
  if (participant.eligibility.verdict !== 'eligible') {
    return 'The saved record is not eligible: every criterion must be decided in the participant’s favour.';
  }
  return null;
}

/** The actions this participant's status allows and the user's roles permit (the server checks both again). */
export function ParticipantActions(props: ParticipantActionsProps) {
  const { participant, protocol, screening, can, onUnblinded } = props;
  const [error, setError] = useState<unknown>(null);
  const site = participant.siteId;
  const inScreening = participant.status === 'screening';
  const randomized = participant.allocation !== null;
  const randomizes = protocol.design.randomization !== undefined && participant.cohort === null;
  const buttons = [
    inScreening && can('subject:write', site) && (
      <ScreenFailureAction
        key="fail"
        participant={participant}
        eligibility={screening.eligibility}
        onError={setError}
      />
    ),
    inScreening && can('eligibility:confirm', site) && (
      <ConfirmEligibilityAction
        key="confirm"
        participant={participant}
        recordRevision={screening.revision}
        blockedReason={confirmBlockedReason(props)}
        onError={setError}
      />
    ),
    participant.status === 'enrolled' && randomizes && can('subject:randomize', site) && (
      <RandomizeAction key="randomize" participant={participant} onError={setError} />
    ),
    // Not offered when the arm is already visible to this user (unblinded before).
    randomized && participant.allocation?.arm === undefined && can('allocation:emergency-unblind', site) && (
      <UnblindAction key="unblind" participant={participant} onError={setError} onUnblinded={onUnblinded} />
    ),
  ].filter(Boolean);
  if (buttons.length === 0 && error === null) {
    return null;
  }
  return (
    <Stack gap="xs">
      <Group gap="xs" justify="flex-end">
        {buttons}
      </Group>
      <ActionError error={error} />
    </Stack>
  );
}
