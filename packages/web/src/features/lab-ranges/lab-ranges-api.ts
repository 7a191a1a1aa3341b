// API calls of a site's laboratory reference ranges; responses validated with the contracts' schemas.
import { SiteLabRangesResponseSchema, type SiteLabRangesRequestSchema } from '@celltrial/contracts';
import { apiRequest } from '../../lib/api-client.js';

/** One site of one study. */
export interface SiteRef {
  studyId: string;
  siteId: string;
}

/** Body of GET/PUT …/sites/:siteId/lab-ranges (types read off the contracts' schemas). */
export type SiteLabRangesResponse = ReturnType<typeof SiteLabRangesResponseSchema.parse>;
/** One current range as the server returns it. */
export type SiteLabRangeView = SiteLabRangesResponse['ranges'][number];
/** Body of PUT …/sites/:siteId/lab-ranges. */
export type SiteLabRangesBody = ReturnType<typeof SiteLabRangesRequestSchema.parse>;
/** One range as sent. */
export type SiteLabRangeInput = SiteLabRangesBody['ranges'][number];

const labRangesPath = (ref: SiteRef): string =>
  `/studies/${encodeURIComponent(ref.studyId)}/sites/${encodeURIComponent(ref.siteId)}/lab-ranges`;

export const labRangesApi = {
  get: (ref: SiteRef, signal?: AbortSignal) =>
    apiRequest(labRangesPath(ref), { schema: SiteLabRangesResponseSchema, signal }),
  put: (ref: SiteRef, body: SiteLabRangesBody) =>
    apiRequest(labRangesPath(ref), { method: 'PUT', body, schema: SiteLabRangesResponseSchema }),
};
