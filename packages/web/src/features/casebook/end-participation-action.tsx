import { Button, Group, Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { EndParticipationBody } from '../../lib/casebook-api.js';
import type { ParticipantRef } from '../../lib/participants-api.js';
import { ActionError } from '../participants/action-error.js';
import { useEndParticipation } from './use-casebook.js';

const REASONS: { value: EndParticipationBody['reason']; label: string }[] = [
  { value: 'completed', label: 'Completed the study' },
  { value: 'withdrawn', label: 'Withdrawn (consent withdrawn or by the investigator)' },
  { value: 'died', label: 'Died' },
  { value: 'lost-to-follow-up', label: 'Lost to follow-up' },
];

export const END_REASON_LABELS: Record<EndParticipationBody['reason'], string> = {
  completed: 'completed the study',
  withdrawn: 'withdrawn',
  died: 'died',
  'lost-to-follow-up': 'lost to follow-up',
};

/** A note is required when the reason is a withdrawal or a loss to follow-up (the server checks it too). */
const needsNote = (reason: EndParticipationBody['reason']) =>
  reason === 'withdrawn' || reason === 'lost-to-follow-up';

/** "End participation": the date and why; visits after it are no longer expected. */
export function EndParticipationAction(props: {
  participant: ParticipantRef;
  rowVersion: number;
  today: string;
}) {
  const [opened, setOpened] = useState(false);
  const [date, setDate] = useState(props.today);
  const [reason, setReason] = useState<EndParticipationBody['reason']>('completed');
  const [note, setNote] = useState('');
  const end = useEndParticipation(props.participant);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && (!needsNote(reason) || note.trim().length >= 3);
  const close = () => {
    end.reset();
    setOpened(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) {
      const body: EndParticipationBody = { date, reason, expectedRowVersion: props.rowVersion };
      if (note.trim() !== '') {
        body.note = note.trim();
      }
      end.mutate(body, { onSuccess: close });
    }
  };
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpened(true)}>
        End participation
      </Button>
      <Modal opened={opened} onClose={close} title="End of participation" centered>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              type="date"
              label="Date of the end of participation"
              value={date}
              onChange={(event) => setDate(event.currentTarget.value)}
              required
            />
            <NativeSelect
              label="Reason"
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value as EndParticipationBody['reason'])}
              data={REASONS}
            />
            <Textarea
              label="Note"
              description={needsNote(reason) ? 'Required: why, as far as known' : 'Optional'}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              rows={2}
              required={needsNote(reason)}
            />
            <ActionError error={end.error} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={!valid} loading={end.isPending}>
                Record end of participation
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
