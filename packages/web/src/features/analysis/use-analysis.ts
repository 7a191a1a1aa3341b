import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../lib/query-keys.js';
import { analysisApi } from './analysis-api.js';

export const analysisKeys = {
  analysis: (studyId: string) => [...queryKeys.study(studyId), 'analysis'] as const,
  aeTable: (studyId: string) => [...queryKeys.study(studyId), 'analysis', 'ae-table'] as const,
};

/** The study's analysis; recomputed by the server on every load (no caching beyond the query cache). */
export function useAnalysis(studyId: string) {
  return useQuery({
    queryKey: analysisKeys.analysis(studyId),
    queryFn: ({ signal }) => analysisApi.get(studyId, signal),
    staleTime: 60_000,
  });
}

export function useAeTable(studyId: string) {
  return useQuery({
    queryKey: analysisKeys.aeTable(studyId),
    queryFn: ({ signal }) => analysisApi.aeTable(studyId, signal),
    retry: false,
  });
}
