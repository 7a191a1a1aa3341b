import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ParticipantRef } from '../../lib/participants-api.js';
import { ActionError } from '../participants/action-error.js';
import { useAddUnscheduledVisit } from './use-casebook.js';

const MIN_REASON = 3;

/** "Add unscheduled visit": a date and the reason for the visit. */
export function UnscheduledVisitAction({
  participant,
  today,
}: {
  participant: ParticipantRef;
  today: string;
}) {
  const [opened, setOpened] = useState(false);
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const add = useAddUnscheduledVisit(participant);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && reason.trim().length >= MIN_REASON;
  const close = () => {
    add.reset();
    setOpened(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) {
      add.mutate(
        { date, reason: reason.trim() },
        {
          onSuccess: () => {
            setReason('');
            close();
          },
        },
      );
    }
  };
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpened(true)}>
        Add unscheduled visit
      </Button>
      <Modal opened={opened} onClose={close} title="Unscheduled visit" centered>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              type="date"
              label="Visit date"
              value={date}
              onChange={(event) => setDate(event.currentTarget.value)}
              required
            />
            <Textarea
              label="Reason for the unscheduled visit"
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              rows={2}
              required
              data-autofocus
            />
            <ActionError error={add.error} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={!valid} loading={add.isPending}>
                Add visit
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
