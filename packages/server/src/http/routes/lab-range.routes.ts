import {
  SiteLabRangesRequestSchema,
  SiteLabRangesResponseSchema,
  SiteParamsSchema,
} from '@celltrial/contracts';
import { getSiteLabRanges, setSiteLabRanges } from '../../services/casebook/lab-range.service.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { READ_ERRORS } from '../error-responses.js';
import { requires } from '../route-access.js';

const errors = READ_ERRORS;
const path = '/api/studies/:studyId/sites/:siteId/lab-ranges';

export function registerLabRangeRoutes(app: ApiApp, deps: AppDeps): void {
  app.get(path, {
    config: { access: requires('site:read') },
    schema: {
      tags: ['sites'],
      summary: "The site's laboratory reference ranges (LLN/ULN)",
      params: SiteParamsSchema,
      response: { 200: SiteLabRangesResponseSchema, ...errors },
    },
    handler: async (request) => getSiteLabRanges(deps, request.params),
  });

  app.put(path, {
    config: { access: requires('study:manage') },
    schema: {
      tags: ['sites'],
      summary:
        "Set the site's laboratory reference ranges for the tests named (earlier ranges are kept, retired)",
      params: SiteParamsSchema,
      body: SiteLabRangesRequestSchema,
      response: { 200: SiteLabRangesResponseSchema, ...errors },
    },
    handler: async (request) => setSiteLabRanges(deps, request.actor, { ...request.params, ...request.body }),
  });
}
