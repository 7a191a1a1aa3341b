import {
  CreateSiteRequestSchema,
  ErrorBodySchema,
  SiteListResponseSchema,
  SiteSchema,
  StudyListResponseSchema,
  StudyParamsSchema,
  StudySummarySchema,
} from '@celltrial/contracts';
import { createSite, getStudy, listVisibleSites, listVisibleStudies } from '../../services/study.service.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { AUTHENTICATED, requires } from '../route-access.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

export function registerStudyRoutes(app: ApiApp, deps: AppDeps): void {
  app.get('/api/studies', {
    config: { access: AUTHENTICATED },
    schema: {
      tags: ['studies'],
      summary: 'Studies you hold a role in',
      response: { 200: StudyListResponseSchema, 401: ErrorBodySchema },
    },
    handler: async (request) => ({ studies: await listVisibleStudies(deps, request.actor) }),
  });

  app.get('/api/studies/:studyId', {
    config: { access: requires('study:read') },
    schema: {
      tags: ['studies'],
      summary: 'One study',
      params: StudyParamsSchema,
      response: { 200: StudySummarySchema, ...errors },
    },
    handler: async (request) => getStudy(deps, request.params.studyId),
  });

  app.get('/api/studies/:studyId/sites', {
    config: { access: requires('site:read') },
    schema: {
      tags: ['studies'],
      summary: 'Sites of a study visible to you',
      params: StudyParamsSchema,
      response: { 200: SiteListResponseSchema, ...errors },
    },
    handler: async (request) => ({
      sites: await listVisibleSites(deps, request.actor, request.params.studyId),
    }),
  });

  app.post('/api/studies/:studyId/sites', {
    config: { access: requires('study:manage') },
    schema: {
      tags: ['studies'],
      summary: 'Add a site to a study',
      params: StudyParamsSchema,
      body: CreateSiteRequestSchema,
      response: { 201: SiteSchema, ...errors, 409: ErrorBodySchema },
    },
    handler: async (request, reply) => {
      const site = await createSite(deps, request.actor, {
        studyId: request.params.studyId,
        code: request.body.code,
        name: request.body.name,
        country: request.body.country ?? null,
      });
      return reply.status(201).send(site);
    },
  });
}
