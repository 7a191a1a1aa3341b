import type { EligibilityResultView, ParticipantView } from '@celltrial/contracts';
import { Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { criterionOutcome } from '../screening/eligibility-panel.js';
import { useScreenFailure } from './use-participant-actions.js';

export interface ScreenFailureActionProps {
  participant: ParticipantView;
  /** The saved evaluation: its criteria against the participant are recorded with the failure. */
  eligibility: EligibilityResultView | null;
  onError: (error: unknown) => void;
}

const MIN_NOTE = 3;

/** "Screen failure": closes screening with a note; the server records which criteria were not met. */
export function ScreenFailureAction({ participant, eligibility, onError }: ScreenFailureActionProps) {
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const fail = useScreenFailure({ studyId: participant.studyId, participantId: participant.id });
  const against = (eligibility?.criteria ?? []).filter((c) => criterionOutcome(c) === 'unfavourable');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim().length < MIN_NOTE) {
      return;
    }
    onError(null);
    fail.mutate(
      { note: note.trim(), expectedRowVersion: participant.rowVersion },
      { onSuccess: () => setOpened(false), onError: (error) => onError(error) },
    );
  };
  return (
    <>
      <Button variant="default" c="red.8" onClick={() => setOpened(true)}>
        Screen failure…
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Record a screen failure" centered>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">
              {participant.screeningNumber} leaves screening and is kept in the screening log. This cannot be
              undone.
            </Text>
            {against.length > 0 ? (
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  Criteria against the candidate in the saved record:
                </Text>
                <List size="sm">
                  {against.map((criterion) => (
                    <List.Item key={criterion.id}>
                      <Text span size="sm" ff="monospace" fw={600}>
                        {criterion.id}
                      </Text>{' '}
                      {criterion.reason}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                The saved record has no criterion against the candidate; say why in the note (e.g. consent
                withdrawn).
              </Text>
            )}
            <Textarea
              label="Note"
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              rows={3}
              required
              data-autofocus
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setOpened(false)}>
                Cancel
              </Button>
              <Button
                type="submit"
                color="red"
                disabled={note.trim().length < MIN_NOTE}
                loading={fail.isPending}
              >
                Record screen failure
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
