import { Alert, Button, Code, Group, Text } from '@mantine/core';
import { displayMessage, isApiError } from '../lib/api-error.js';

export interface QueryErrorProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** An inline error panel for a failed load: the server's message, its code, and a retry button. */
export function QueryError({ title, error, onRetry }: QueryErrorProps) {
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{displayMessage(error)}</Text>
      <Group mt="xs" gap="sm">
        {isApiError(error) && <Code>{error.code}</Code>}
        {onRetry && (
          <Button size="compact-sm" variant="default" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
