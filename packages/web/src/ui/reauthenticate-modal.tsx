import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../lib/api-client.js';
import { displayMessage } from '../lib/api-error.js';
import { sessionQuery } from '../lib/session.js';

export interface ReauthenticateModalProps {
  opened: boolean;
  onClose: () => void;
  /** Called with the server's confirmation time once the password is verified. */
  onConfirmed: (reauthenticatedAt: string) => void;
  title?: string;
  /** What the user is signing, e.g. "I approve this casebook as the investigator of record." */
  statement?: ReactNode;
  confirmLabel?: string;
}

/**
 * Password re-entry before an electronic signature (21 CFR 11.200: each signing uses both
 * identification components). The username is fixed to the signed-in user.
 */
export function ReauthenticateModal(props: ReauthenticateModalProps) {
  const { opened, onClose, onConfirmed } = props;
  const { data: session } = useQuery(sessionQuery);
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: (value: string) => api.reauthenticate(value),
    onSuccess: (result) => {
      setPassword('');
      onConfirmed(result.reauthenticatedAt);
    },
  });
  const close = () => {
    setPassword('');
    mutation.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== '') {
      mutation.mutate(password);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title={props.title ?? 'Confirm your identity'} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {props.statement && <Text size="sm">{props.statement}</Text>}
          {session && (
            <Text size="sm" c="dimmed">
              Signing as <strong>{session.user.displayName}</strong> ({session.user.username})
            </Text>
          )}
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            data-autofocus
            required
          />
          {mutation.error && (
            <Alert color="red" role="alert" p="xs">
              {displayMessage(mutation.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={password === ''}>
              {props.confirmLabel ?? 'Confirm'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
