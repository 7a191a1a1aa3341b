import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { displayMessage, fieldIssueFor, isApiError, retryAfterSecondsOf } from '../../lib/api-error.js';
import { useLogin } from './use-auth-mutations.js';
import { formatMinutesSeconds, useCountdown } from './use-countdown.js';

/** Username + password form; shows the server's reason when sign-in fails, with a lockout countdown. */
export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(lockedUntil);
  const locked = secondsLeft > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (locked || username.trim() === '' || password === '') {
      return;
    }
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          const retryAfter = retryAfterSecondsOf(error);
          setLockedUntil(retryAfter === null ? null : Date.now() + retryAfter * 1000);
          setPassword('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="sm">
        <TextInput
          label="Username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          error={fieldIssueFor(login.error, 'username')}
          onChange={(event) => setUsername(event.currentTarget.value)}
        />
        <PasswordInput
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={fieldIssueFor(login.error, 'password')}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        {login.error && <LoginError error={login.error} secondsLeft={secondsLeft} />}
        <Button
          type="submit"
          fullWidth
          mt="xs"
          loading={login.isPending}
          disabled={locked || username.trim() === '' || password === ''}
        >
          Sign in
        </Button>
      </Stack>
    </form>
  );
}

function LoginError({ error, secondsLeft }: { error: Error; secondsLeft: number }) {
  if (isApiError(error, 'ACCOUNT_LOCKED')) {
    return (
      <Alert color="orange" title="Account temporarily locked" role="alert" p="xs">
        <LockoutText error={error} secondsLeft={secondsLeft} />
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" p="xs">
      <Text size="sm">{displayMessage(error)}</Text>
    </Alert>
  );
}

function LockoutText({ error, secondsLeft }: { error: Error; secondsLeft: number }) {
  if (retryAfterSecondsOf(error) === null) {
    return <Text size="sm">{displayMessage(error)}</Text>;
  }
  if (secondsLeft === 0) {
    return <Text size="sm">The lock has expired; you can sign in again.</Text>;
  }
  return (
    <Text size="sm">
      Too many failed sign-in attempts. You can try again in{' '}
      <strong>{formatMinutesSeconds(secondsLeft)}</strong>.
    </Text>
  );
}
