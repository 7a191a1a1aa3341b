import type { ParticipantView } from '@celltrial/contracts';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../lib/api-error.js';
import type { participantsApi } from '../../lib/participants-api.js';
import { ReauthenticateModal } from '../../ui/reauthenticate-modal.js';
import { useEmergencyUnblind } from './use-participant-actions.js';

export type UnblindResult = Awaited<ReturnType<typeof participantsApi.unblind>>;

export interface UnblindActionProps {
  participant: ParticipantView;
  onError: (error: unknown) => void;
  /** Receives the revealed arm once; the page shows it and never stores it. */
  onUnblinded: (result: UnblindResult) => void;
}

const MIN_REASON = 3;

/** "Emergency unblind": a reason, the password, then the arm of this one participant. */
export function UnblindAction({ participant, onError, onUnblinded }: UnblindActionProps) {
  const [step, setStep] = useState<'closed' | 'reason' | 'sign'>('closed');
  const [reason, setReason] = useState('');
  const unblind = useEmergencyUnblind({ studyId: participant.studyId, participantId: participant.id });
  const name = participant.subjectNumber ?? participant.screeningNumber;
  const valid = reason.trim().length >= MIN_REASON;
  const next = (event: FormEvent) => {
    event.preventDefault();
    if (valid) {
      setStep('sign');
    }
  };
  const send = () => {
    setStep('closed');
    onError(null);
    unblind.mutate(reason.trim(), {
      onSuccess: (result) => {
        setReason('');
        onUnblinded(result);
      },
      onError: (error) => {
        if (isApiError(error, 'REAUTHENTICATION_REQUIRED')) {
          setStep('sign');
        } else {
          onError(error);
        }
      },
    });
  };
  return (
    <>
      <Button variant="outline" color="orange" onClick={() => setStep('reason')} loading={unblind.isPending}>
        Emergency unblind…
      </Button>
      <Modal
        opened={step === 'reason'}
        onClose={() => setStep('closed')}
        title={`Emergency unblinding of ${name}`}
        centered
      >
        <form onSubmit={next} noValidate>
          <Stack gap="sm">
            <Alert color="orange" p="xs" role="note">
              Only for a medical emergency in which treatment depends on knowing the arm. It reveals this
              participant only, is audited with your reason, and notifies the data manager.
            </Alert>
            <Textarea
              label="Reason"
              placeholder="The clinical situation that requires the allocation"
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              rows={3}
              required
              data-autofocus
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setStep('closed')}>
                Cancel
              </Button>
              <Button type="submit" color="orange" disabled={!valid}>
                Continue
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ReauthenticateModal
        opened={step === 'sign'}
        onClose={() => setStep('closed')}
        onConfirmed={send}
        title="Sign: emergency unblinding"
        statement={
          <Text span size="sm">
            I unblind participant <strong>{name}</strong> for a medical emergency: {reason.trim()}
          </Text>
        }
        confirmLabel="Unblind"
      />
    </>
  );
}

/** The revealed arm, shown once with a warning; it disappears when the page is left. */
export function UnblindedBanner({ result, onDismiss }: { result: UnblindResult; onDismiss: () => void }) {
  return (
    <Alert
      color="red"
      variant="filled"
      title={`Emergency unblinding of ${result.subjectNumber ?? 'the participant'}`}
      withCloseButton
      onClose={onDismiss}
      role="alert"
    >
      <Text size="sm">
        Arm: <strong>{result.arm.name}</strong>
      </Text>
      <Text size="xs" mt={4}>
        Recorded {result.unblindedAt.slice(0, 16).replace('T', ' ')} UTC; the data manager was notified. Only
        you, who unblinded this participant, see the arm; do not share it with study staff who remain blinded.
      </Text>
    </Alert>
  );
}
