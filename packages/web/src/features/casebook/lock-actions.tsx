import type { DataLockView } from '@celltrial/contracts';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { LockBody } from '../../lib/casebook-api.js';
import { ActionError } from '../participants/action-error.js';
import { useLock, useUnlock } from './use-casebook.js';

const MIN_REASON = 3;

export interface LockActionProps {
  studyId: string;
  /** What to lock (scope and ids); the reason comes from the dialog. */
  target: Omit<LockBody, 'reason'>;
  /** What the lock covers, for the dialog ("the casebook of PNUYH-001"). */
  what: string;
  /** The button's text ('Lock' on a form; 'Lock casebook', 'Lock visit', 'Lock study'). */
  label?: string;
  size?: 'xs' | 'sm';
}

/** A data manager's lock: no one may change the covered data until it is unlocked with a reason. */
export function LockAction({ studyId, target, what, label = 'Lock', size = 'xs' }: LockActionProps) {
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const lock = useLock(studyId);
  const close = () => {
    lock.reset();
    setOpened(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    lock.mutate(
      { ...target, ...(trimmed === '' ? {} : { reason: trimmed }) },
      {
        onSuccess: () => {
          setReason('');
          close();
        },
      },
    );
  };
  return (
    <>
      <Button variant="default" size={size} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={`Lock ${what}`} centered>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">
              While locked, nobody can change {what} until a data manager unlocks it with a reason.
            </Text>
            <Textarea
              label="Reason (optional)"
              placeholder="e.g. interim analysis data cut"
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              rows={2}
            />
            <ActionError error={lock.error} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={lock.isPending}>
                Confirm
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Lifts a lock with the reason (data manager). */
export function UnlockAction(props: { studyId: string; lock: DataLockView; what: ReactNode }) {
  const { studyId, lock, what } = props;
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const unlock = useUnlock(studyId);
  const valid = reason.trim().length >= MIN_REASON;
  const close = () => {
    unlock.reset();
    setOpened(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) {
      unlock.mutate(
        { lockId: lock.id, reason: reason.trim() },
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
        Unlock
      </Button>
      <Modal opened={opened} onClose={close} title="Unlock" centered>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" component="div">
              Unlock {what}, locked by {lock.lockedBy} on {lock.lockedAt.slice(0, 10)}
              {lock.reason === null ? '' : ` (${lock.reason})`}.
            </Text>
            <Textarea
              label="Reason for unlocking"
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              rows={2}
              required
              data-autofocus
            />
            <ActionError error={unlock.error} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={!valid} loading={unlock.isPending}>
                Confirm
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** The active lock covering a casebook item, from the casebook's or study's lock list. */
export function activeLock(
  locks: readonly DataLockView[],
  match: (lock: DataLockView) => boolean,
): DataLockView | undefined {
  return locks.find((lock) => lock.unlockedAt === null && match(lock));
}

/** "Locked by … on … (reason)". */
export function lockDetail(lock: DataLockView): string {
  return `Locked by ${lock.lockedBy} on ${lock.lockedAt.slice(0, 10)}${lock.reason === null ? '' : ` — ${lock.reason}`}`;
}
