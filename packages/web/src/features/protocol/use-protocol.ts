import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ScheduleQuery } from '../../lib/api-client.js';
import { queryKeys } from '../../lib/query-keys.js';

// Under the study's key, so invalidating a study refreshes its protocol data too.
const protocolKeys = {
  current: (studyId: string) => [...queryKeys.study(studyId), 'protocol'] as const,
  versions: (studyId: string) => [...queryKeys.study(studyId), 'protocol', 'versions'] as const,
  schedule: (studyId: string, query: ScheduleQuery) =>
    [...queryKeys.study(studyId), 'schedule', query.anchor, query.arm ?? null] as const,
};

/** The study's current protocol version and the full protocol. */
export function useCurrentProtocol(studyId: string) {
  return useQuery({
    queryKey: protocolKeys.current(studyId),
    queryFn: ({ signal }) => api.getProtocol(studyId, signal),
    staleTime: 60_000,
  });
}

/** Every protocol version of the study, newest first. */
export function useProtocolVersions(studyId: string) {
  return useQuery({
    queryKey: protocolKeys.versions(studyId),
    queryFn: ({ signal }) => api.listProtocolVersions(studyId, signal),
  });
}

/** The planned calendar of a participant starting on `query.anchor`; idle while the date is incomplete. */
export function useSchedule(studyId: string, query: ScheduleQuery | null) {
  return useQuery({
    queryKey: protocolKeys.schedule(studyId, query ?? { anchor: '' }),
    queryFn: ({ signal }) => api.getSchedule(studyId, query ?? { anchor: '' }, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
