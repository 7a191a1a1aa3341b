import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { sessionQuery } from '../../lib/session.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { LoginForm } from './login-form.js';

/** Only same-app paths are valid redirect targets after sign-in (no open redirects). */
export function safeNextPath(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/studies';
}

/** The sign-in page; an already signed-in user goes straight on to where they were headed. */
export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(params.get('next'));
  const { data: session, isPending } = useQuery(sessionQuery);
  if (isPending) {
    return <LoadingBlock label="Checking session…" fullPage />;
  }
  if (session) {
    return <Navigate to={next} replace />;
  }
  return (
    <Box bg="gray.0" mih="100vh">
      <Center mih="100vh" p="md">
        <Stack w={360} gap="lg">
          <Stack gap={4} align="center">
            <Title order={1} fz={28} c="navy.9" lts={-0.5}>
              celltrial
            </Title>
            <Text size="sm" c="dimmed" ta="center">
              Clinical trial management for cell therapies
            </Text>
          </Stack>
          <Paper p="lg" shadow="xs">
            <Title order={2} fz="h4" mb="md">
              Sign in
            </Title>
            <LoginForm onSignedIn={() => void navigate(next, { replace: true })} />
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            Access is restricted to authorised study personnel. Activity is recorded in the audit trail.
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
