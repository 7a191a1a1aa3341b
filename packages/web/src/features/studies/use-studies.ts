import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.js';
import { queryKeys } from '../../lib/query-keys.js';

/** The studies the signed-in user holds a role in (all of them for system administrators). */
export function useStudies() {
  return useQuery({ queryKey: queryKeys.studies, queryFn: ({ signal }) => api.listStudies(signal) });
}

/** One study's summary. */
export function useStudy(studyId: string) {
  return useQuery({
    queryKey: queryKeys.study(studyId),
    queryFn: ({ signal }) => api.getStudy(studyId, signal),
  });
}

/** The sites of one study that the user may see. */
export function useStudySites(studyId: string) {
  return useQuery({
    queryKey: queryKeys.studySites(studyId),
    queryFn: ({ signal }) => api.listSites(studyId, signal),
  });
}
