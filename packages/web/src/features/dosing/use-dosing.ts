import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ParticipantRef } from '../../lib/participants-api.js';
import {
  safetyApi,
  type DoseAdministrationBody,
  type DosePlanQuery,
  type DosePreparationBody,
} from '../../lib/safety-api.js';
import { safetyKeys } from '../safety/safety-keys.js';
import { useSafetyChanged } from '../safety/use-safety.js';

// Under the safety key: an AE or a prepared dose changes the next dose plan, and the escalation board.
export const dosingKeys = {
  plan: (ref: ParticipantRef, query: DosePlanQuery) =>
    [
      ...safetyKeys.all(ref.studyId),
      'dose-plan',
      ref.participantId,
      query.visit,
      query.occurrence ?? 1,
      query.date ?? null,
    ] as const,
  doses: (ref: ParticipantRef) => [...safetyKeys.all(ref.studyId), 'doses', ref.participantId] as const,
};

/** The calculated dose at a dosing visit with the modification decision (idle until a visit is chosen). */
export function useDosePlan(ref: ParticipantRef, query: DosePlanQuery | null) {
  return useQuery({
    queryKey: dosingKeys.plan(ref, query ?? { visit: '' }),
    queryFn: ({ signal }) => safetyApi.dosePlan(ref, query ?? { visit: '' }, signal),
    enabled: query !== null && ref.participantId !== '',
    placeholderData: keepPreviousData,
  });
}

/** A participant's prepared and administered doses. */
export function useDoses(ref: ParticipantRef) {
  return useQuery({
    queryKey: dosingKeys.doses(ref),
    queryFn: ({ signal }) => safetyApi.listDoses(ref, signal),
    enabled: ref.participantId !== '',
  });
}

/** The pharmacist records a prepared dose. */
export function usePrepareDose(ref: ParticipantRef) {
  const changed = useSafetyChanged(ref.studyId);
  return useMutation({
    mutationFn: (body: DosePreparationBody) => safetyApi.prepareDose(ref, body),
    onSuccess: changed,
  });
}

/** Site staff record that a prepared dose was given. */
export function useAdministerDose(ref: ParticipantRef) {
  const changed = useSafetyChanged(ref.studyId);
  return useMutation({
    mutationFn: (body: DoseAdministrationBody) => safetyApi.administerDose(ref, body),
    onSuccess: changed,
  });
}
