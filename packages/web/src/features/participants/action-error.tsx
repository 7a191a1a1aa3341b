import { Alert } from '@mantine/core';
import { displayMessage, isApiError } from '../../lib/api-error.js';

/** Why an action failed, in the server's words; a 403 says plainly that the user's role does not allow it. */
export function ActionError({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) {
    return null;
  }
  const forbidden = isApiError(error) && error.status === 403;
  return (
    <Alert color="red" role="alert" p="xs" title={forbidden ? 'Not allowed' : title}>
      {displayMessage(error)}
      {forbidden && ' Your role at this site does not permit this action; ask the study administrator.'}
    </Alert>
  );
}
