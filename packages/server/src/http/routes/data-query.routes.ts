import {
  DataLockSchema,
  DataQuerySchema,
  FormRecordParamsSchema,
  LockListResponseSchema,
  LockParamsSchema,
  LockRequestSchema,
  QueryActionRequestSchema,
  QueryListQuerySchema,
  QueryListResponseSchema,
  QueryParamsSchema,
  RaiseQueryRequestSchema,
  StudyParamsSchema,
  UnlockRequestSchema,
} from '@celltrial/contracts';
import { actOnQuery, listQueries, raiseQuery } from '../../services/casebook/data-query.service.js';
import { listLocks, lockData, unlockData } from '../../services/casebook/data-review.service.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { WRITE_ERRORS } from '../error-responses.js';
import { requires } from '../route-access.js';

const errors = WRITE_ERRORS;

export function registerDataQueryRoutes(app: ApiApp, deps: AppDeps): void {
  app.get('/api/studies/:studyId/queries', {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['queries'],
      summary: 'Data queries at the sites you may see, with counts per site',
      params: StudyParamsSchema,
      querystring: QueryListQuerySchema,
      response: { 200: QueryListResponseSchema, ...errors },
    },
    handler: async (request) => listQueries(deps, request.actor, { ...request.params, ...request.query }),
  });

  app.post('/api/studies/:studyId/participants/:participantId/forms/:formRecordId/queries', {
    config: { access: requires('query:raise') },
    schema: {
      tags: ['queries'],
      summary: 'Raise a query on one item of a form',
      params: FormRecordParamsSchema,
      body: RaiseQueryRequestSchema,
      response: { 201: DataQuerySchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await raiseQuery(deps, request.actor, { ...request.params, ...request.body })),
  });

  app.post('/api/studies/:studyId/queries/:queryId/:action', {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['queries'],
      summary: 'Answer (site staff), close, cancel or reopen (monitor, data manager) a query',
      params: QueryParamsSchema,
      body: QueryActionRequestSchema,
      response: { 200: DataQuerySchema, ...errors },
    },
    handler: async (request) =>
      actOnQuery(deps, request.actor, { ...request.params, text: request.body.text }),
  });

  app.get('/api/studies/:studyId/locks', {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['review'],
      summary: 'Active locks of the study',
      params: StudyParamsSchema,
      response: { 200: LockListResponseSchema, ...errors },
    },
    handler: async (request) => listLocks(deps, request.params),
  });

  app.post('/api/studies/:studyId/locks', {
    config: { access: requires('form:lock') },
    schema: {
      tags: ['review'],
      summary: 'Lock a form, visit, casebook or the study',
      params: StudyParamsSchema,
      body: LockRequestSchema,
      response: { 201: DataLockSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await lockData(deps, request.actor, { ...request.params, ...request.body })),
  });

  app.post('/api/studies/:studyId/locks/:lockId/unlock', {
    config: { access: requires('form:lock') },
    schema: {
      tags: ['review'],
      summary: 'Unlock with a reason (audited)',
      params: LockParamsSchema,
      body: UnlockRequestSchema,
      response: { 200: DataLockSchema, ...errors },
    },
    handler: async (request) =>
      unlockData(deps, request.actor, { ...request.params, reason: request.body.reason }),
  });
}
