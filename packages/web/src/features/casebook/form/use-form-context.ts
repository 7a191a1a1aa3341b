import type { FormContext } from '@celltrial/core';
import { useMemo } from 'react';
import type { ParticipantRef } from '../../../lib/participants-api.js';
import { useCurrentProtocol } from '../../protocol/use-protocol.js';
import { useScreening } from '../../screening/use-screening.js';
import { browserFormContext } from './form-context.js';

/** The live check's context for a participant's form at a visit date (stable while its sources do not change). */
export function useFormContext(ref: ParticipantRef, visitDate: string | null): FormContext {
  const screening = useScreening(ref);
  const protocol = useCurrentProtocol(ref.studyId);
  const data = screening.data?.data ?? null;
  const ctcaeVersion = protocol.data?.protocol.safety.ctcaeVersion;
  return useMemo(
    () => browserFormContext({ visitDate, screening: data, ctcaeVersion }),
    [visitDate, data, ctcaeVersion],
  );
}
