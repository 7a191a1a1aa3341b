import type { CurrentUser, SessionResponse } from '@celltrial/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client.js';
import { isApiError } from './api-error.js';
import { queryKeys } from './query-keys.js';

/** The session query: the signed-in session, or null when the server says UNAUTHENTICATED. */
export const sessionQuery = queryOptions({
  queryKey: queryKeys.session,
  queryFn: async ({ signal }): Promise<SessionResponse | null> => {
    try {
      return await api.session(signal);
    } catch (error) {
      if (isApiError(error, 'UNAUTHENTICATED')) {
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
});

/** The signed-in user, or null while signed out (e.g. for the moment between sign-out and redirect). */
export function useCurrentUser(): CurrentUser | null {
  const { data } = useQuery(sessionQuery);
  return data?.user ?? null;
}
