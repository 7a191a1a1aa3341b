import { Center } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { queryKeys } from '../lib/query-keys.js';
import { sessionQuery } from '../lib/session.js';
import { LoadingBlock } from '../ui/loading-block.js';
import { QueryError } from '../ui/query-error.js';

/** Renders its routes only with a live session; otherwise sends the user to sign in and back. */
export function RequireSession() {
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useQuery(sessionQuery);
  if (session.isPending) {
    return <LoadingBlock label="Checking session…" fullPage />;
  }
  if (session.isError) {
    return (
      <Center h="100vh" p="md">
        <QueryError
          title="Cannot check your session"
          error={session.error}
          onRetry={() => void session.refetch()}
        />
      </Center>
    );
  }
  if (session.data === null) {
    if (queryClient.getQueryData(queryKeys.signedOut) === true) {
      return <Navigate to="/login" replace />;
    }
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
