import type { ParticipantView } from '@celltrial/contracts';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useRandomize } from './use-participant-actions.js';

export interface RandomizeActionProps {
  participant: ParticipantView;
  onError: (error: unknown) => void;
}

/**
 * "Randomize": a confirmation naming the participant, then the allocation. The dialog shows the neutral kit
 * code; the arm only when the server sends it (unblinded roles).
 */
export function RandomizeAction({ participant, onError }: RandomizeActionProps) {
  const [opened, setOpened] = useState(false);
  const randomize = useRandomize({ studyId: participant.studyId, participantId: participant.id });
  const name = participant.subjectNumber ?? participant.screeningNumber;
  const result = randomize.data;
  const close = () => {
    setOpened(false);
    randomize.reset();
  };
  // Once allocated, only the open dialog (showing the result) stays; the button goes.
  if (participant.allocation !== null && !opened) {
    return null;
  }
  return (
    <>
      {participant.allocation === null && <Button onClick={() => setOpened(true)}>Randomize…</Button>}
      <Modal opened={opened} onClose={close} title={result ? 'Randomized' : `Randomize ${name}?`} centered>
        {result?.participant.allocation ? (
          <Stack gap="sm">
            <Alert color="green" p="sm">
              <Text size="sm">
                {name} {result.created ? 'is randomized' : 'was already randomized'}. Kit code{' '}
                <Text span ff="monospace" fw={700} fz="lg" data-testid="kit-code">
                  {result.participant.allocation.kitCode}
                </Text>
              </Text>
              {result.participant.allocation.arm && (
                <Text size="sm" mt={4}>
                  Arm: {result.participant.allocation.arm.name}
                </Text>
              )}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={close}>Close</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text size="sm">
              Participant <strong>{name}</strong> (screening number {participant.screeningNumber}, site{' '}
              {participant.siteCode}) will be allocated a treatment kit. Randomization is final: a participant
              is randomized once, and a repeat returns the same allocation.
            </Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                loading={randomize.isPending}
                onClick={() => {
                  onError(null);
                  randomize.mutate(undefined, {
                    onError: (error) => {
                      setOpened(false);
                      onError(error);
                    },
                  });
                }}
              >
                Randomize {name}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
