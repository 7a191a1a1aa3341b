import type { ParticipantView } from '@celltrial/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  participantsApi,
  type ParticipantListFilter,
  type ParticipantRef,
} from '../../lib/participants-api.js';
import { queryKeys } from '../../lib/query-keys.js';

// Under the study's key, so invalidating a study refreshes its participants too.
export const participantKeys = {
  all: (studyId: string) => [...queryKeys.study(studyId), 'participants'] as const,
  lists: (studyId: string) => [...participantKeys.all(studyId), 'list'] as const,
  list: (studyId: string, filter: ParticipantListFilter) =>
    [...participantKeys.lists(studyId), filter.siteId ?? null, filter.status ?? null] as const,
  one: (ref: ParticipantRef) => [...participantKeys.all(ref.studyId), 'one', ref.participantId] as const,
  screening: (ref: ParticipantRef) =>
    [...participantKeys.all(ref.studyId), 'screening', ref.participantId] as const,
  screeningLog: (studyId: string) => [...queryKeys.study(studyId), 'screening-log'] as const,
};

/** The participants of a study at the sites the user may see (optionally one site / one status). */
export function useParticipants(studyId: string, filter: ParticipantListFilter = {}) {
  return useQuery({
    queryKey: participantKeys.list(studyId, filter),
    queryFn: ({ signal }) => participantsApi.list(studyId, filter, signal),
  });
}

/** One participant. */
export function useParticipant(ref: ParticipantRef) {
  return useQuery({
    queryKey: participantKeys.one(ref),
    queryFn: ({ signal }) => participantsApi.get(ref, signal),
  });
}

/** The study's screening log (counts, failure reasons, rows). */
export function useScreeningLog(studyId: string) {
  return useQuery({
    queryKey: participantKeys.screeningLog(studyId),
    queryFn: ({ signal }) => participantsApi.screeningLog(studyId, signal),
  });
}

/**
 * After a participant changed: store the new view and refresh lists, the screening record and the log.
 */
export function useParticipantUpdated(studyId: string) {
  const client = useQueryClient();
  return (participant: ParticipantView) => {
    client.setQueryData(participantKeys.one({ studyId, participantId: participant.id }), participant);
    void client.invalidateQueries({ queryKey: participantKeys.all(studyId) });
    void client.invalidateQueries({ queryKey: participantKeys.screeningLog(studyId) });
  };
}

/** Registers a candidate at a site (the server assigns the screening number). */
export function useRegisterCandidate(studyId: string) {
  const updated = useParticipantUpdated(studyId);
  return useMutation({
    mutationFn: (siteId: string) => participantsApi.register(studyId, siteId),
    onSuccess: updated,
  });
}
