import type { ParticipantView } from '@celltrial/contracts';
import { Button, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../../lib/api-error.js';
import { ReauthenticateModal } from '../../ui/reauthenticate-modal.js';
import { useConfirmEligibility } from './use-participant-actions.js';

/** The meaning of the investigator's signature, as the server records it (21 CFR 11.50). */
export const ELIGIBILITY_SIGNATURE_STATEMENT =
  'I confirm that this participant meets all inclusion criteria and no exclusion criterion of the protocol.';

export interface ConfirmEligibilityActionProps {
  participant: ParticipantView;
  /** The saved record revision the investigator reviewed and signs. */
  recordRevision: number;
  /** Why the button is disabled (unsaved changes, verdict not eligible); null when it may be used. */
  blockedReason: string | null;
  /** Reports a failure (null when a new attempt starts). */
  onError: (error: unknown) => void;
}

/** "Confirm eligibility and enroll": password re-entry, then the signed confirmation for the saved revision. */
export function ConfirmEligibilityAction(props: ConfirmEligibilityActionProps) {
  const { participant, recordRevision, blockedReason, onError } = props;
  const [signing, setSigning] = useState(false);
  const confirm = useConfirmEligibility({ studyId: participant.studyId, participantId: participant.id });
  const button = (
    <Button
      color="green"
      onClick={() => {
        onError(null);
        setSigning(true);
      }}
      disabled={blockedReason !== null}
      loading={confirm.isPending}
    >
      Confirm eligibility and enroll
    </Button>
  );
  return (
    <>
      {blockedReason === null ? button : <Tooltip label={blockedReason}>{button}</Tooltip>}
      <ReauthenticateModal
        opened={signing}
        onClose={() => setSigning(false)}
        onConfirmed={() => {
          setSigning(false);
          confirm.mutate(recordRevision, {
            onError: (error) => {
              if (isApiError(error, 'REAUTHENTICATION_REQUIRED')) {
                setSigning(true);
              } else {
                onError(error);
              }
            },
          });
        }}
        title="Sign: eligibility confirmation"
        statement={
          <Stack gap={4} component="span">
            <Text span size="sm" fw={600}>
              {ELIGIBILITY_SIGNATURE_STATEMENT}
            </Text>
            <Text span size="xs" c="dimmed">
              Participant {participant.screeningNumber}, screening record revision {recordRevision}. The
              participant is enrolled and receives a subject number.
            </Text>
          </Stack>
        }
        confirmLabel="Sign and enroll"
      />
    </>
  );
}
