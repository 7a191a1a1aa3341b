import { FormContextResponseSchema } from '@celltrial/contracts';
import type { FormContext } from '@celltrial/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiRequest } from '../../../lib/api-client.js';
import type { ParticipantRef } from '../../../lib/participants-api.js';
import { useCurrentProtocol } from '../../protocol/use-protocol.js';
import { useScreening } from '../../screening/use-screening.js';
import { browserFormContext } from './form-context.js';

/**
 * The live check's context for a participant's form at a visit: the server's own context (demographics form,
 * latest height, the site's laboratory ranges) so live scores match the saved ones; until it arrives (or if it
 * cannot be read), what the browser knows from the screening record.
 */
export function useFormContext(
  ref: ParticipantRef,
  visit: { visitId: string | null; actualDate: string | null } | undefined,
): FormContext {
  const visitId = visit?.visitId ?? null;
  const visitDate = visit?.actualDate ?? null;
  const screening = useScreening(ref);
  const protocol = useCurrentProtocol(ref.studyId);
  const server = useQuery({
    queryKey: ['form-context', ref.studyId, ref.participantId, visitId],
    queryFn: ({ signal }) =>
      apiRequest(
        `/studies/${ref.studyId}/participants/${ref.participantId}/form-context${visitId === null ? '' : `?visitId=${visitId}`}`,
        { schema: FormContextResponseSchema, signal },
      ),
  });
  const data = screening.data?.data ?? null;
  const ctcaeVersion = protocol.data?.protocol.safety.ctcaeVersion;
  const serverContext = server.data?.context;
  return useMemo(
    () =>
      serverContext === undefined
        ? browserFormContext({ visitDate, screening: data, ctcaeVersion })
        : (serverContext as FormContext),
    [serverContext, visitDate, data, ctcaeVersion],
  );
}
