import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error.js';
import { queryKeys } from './query-keys.js';

const MAX_RETRIES = 2;

/** Creates the app's QueryClient: a 401 anywhere signs the user out; 4xx errors are never retried. */
export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => handleUnauthenticated(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => handleUnauthenticated(client, error) }),
    defaultOptions: {
      queries: {
        retry: options.retry === false ? false : shouldRetry,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) {
    return false;
  }
  return failureCount < MAX_RETRIES;
}

function handleUnauthenticated(client: QueryClient, error: unknown): void {
  if (isApiError(error, 'UNAUTHENTICATED')) {
    client.setQueryData(queryKeys.session, null);
  }
}
