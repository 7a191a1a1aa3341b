import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../lib/query-keys.js';
import { labRangesApi, type SiteLabRangesBody, type SiteRef } from './lab-ranges-api.js';

// Under the study's key, so invalidating a study refreshes its sites' ranges too.
export const labRangeKeys = {
  site: (ref: SiteRef) => [...queryKeys.studySites(ref.studyId), ref.siteId, 'lab-ranges'] as const,
};

/** The site's current laboratory reference ranges. */
export function useSiteLabRanges(ref: SiteRef) {
  return useQuery({
    queryKey: labRangeKeys.site(ref),
    queryFn: ({ signal }) => labRangesApi.get(ref, signal),
  });
}

/** Replaces the ranges of the tests named in the body; the server answers with the site's current ranges. */
export function useSaveSiteLabRanges(ref: SiteRef) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SiteLabRangesBody) => labRangesApi.put(ref, body),
    onSuccess: (result) => {
      client.setQueryData(labRangeKeys.site(ref), result);
    },
  });
}
