import {
  CurrentProtocolResponseSchema,
  ErrorBodySchema,
  LoadProtocolRequestSchema,
  LoadProtocolResponseSchema,
  ProtocolVersionListResponseSchema,
  ProtocolVersionParamsSchema,
  ScheduleQuerySchema,
  ScheduleResponseSchema,
  StudyParamsSchema,
} from '@celltrial/contracts';
import { computeSchedule, type Protocol } from '@celltrial/core';
import { findProtocolVersion, listProtocolVersions, type ProtocolVersionRow } from '@celltrial/db';
import type { z } from 'zod';
import { AppError, notFound } from '../../errors/app-error.js';
import { getCurrentProtocol, loadProtocol } from '../../services/protocol.service.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { requires } from '../route-access.js';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  422: ErrorBodySchema,
};

function protocolVersionView(row: ProtocolVersionRow): z.infer<typeof CurrentProtocolResponseSchema> {
  return {
    studyId: row.study_id,
    current: {
      version: row.version,
      sha256: row.content_sha256,
      sourceName: row.source_name,
      amendmentReason: row.amendment_reason,
      loadedAt: row.created_at.toISOString(),
    },
    protocol: row.content as Protocol,
  };
}

export function registerProtocolRoutes(app: ApiApp, deps: AppDeps): void {
  app.post('/api/protocols', {
    config: { access: requires('study:create') },
    schema: {
      tags: ['protocols'],
      summary: 'Load a protocol file (creates the study, or amends it with a reason)',
      body: LoadProtocolRequestSchema,
      response: { 200: LoadProtocolResponseSchema, 201: LoadProtocolResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const outcome = await loadProtocol(deps, request.actor, request.body);
      return reply.status(outcome.kind === 'created' ? 201 : 200).send(outcome);
    },
  });

  app.get('/api/studies/:studyId/protocol', {
    config: { access: requires('study:read') },
    schema: {
      tags: ['protocols'],
      summary: 'The current protocol version',
      params: StudyParamsSchema,
      response: { 200: CurrentProtocolResponseSchema, ...errors },
    },
    handler: async (request) =>
      protocolVersionView((await getCurrentProtocol(deps, request.params.studyId)).row),
  });

  app.get('/api/studies/:studyId/protocol/versions/:version', {
    config: { access: requires('study:read') },
    schema: {
      tags: ['protocols'],
      summary: 'One protocol version as it was loaded (earlier versions stay readable after amendments)',
      params: ProtocolVersionParamsSchema,
      response: { 200: CurrentProtocolResponseSchema, ...errors },
    },
    handler: async (request) => {
      const row = await findProtocolVersion(deps.db, request.params);
      if (row === undefined) {
        throw notFound(`protocol version ${request.params.version}`);
      }
      return protocolVersionView(row);
    },
  });

  app.get('/api/studies/:studyId/protocol/versions', {
    config: { access: requires('study:read') },
    schema: {
      tags: ['protocols'],
      summary: 'Every protocol version, newest first',
      params: StudyParamsSchema,
      response: { 200: ProtocolVersionListResponseSchema, ...errors },
    },
    handler: async (request) => ({
      versions: (await listProtocolVersions(deps.db, request.params.studyId)).map((v) => ({
        version: v.version,
        sha256: v.content_sha256,
        sourceName: v.source_name,
        amendmentReason: v.amendment_reason,
        loadedAt: v.created_at.toISOString(),
      })),
    }),
  });

  app.get('/api/studies/:studyId/schedule', {
    config: { access: requires('study:read') },
    schema: {
      tags: ['protocols'],
      summary: 'The planned visit calendar for a participant starting on `anchor`',
      params: StudyParamsSchema,
      querystring: ScheduleQuerySchema,
      response: { 200: ScheduleResponseSchema, ...errors },
    },
    handler: async (request) => {
      const { protocol } = await getCurrentProtocol(deps, request.params.studyId);
      const result = computeSchedule(protocol, { anchorDate: request.query.anchor, arm: request.query.arm });
      if (result.kind === 'invalid') {
        throw new AppError('BUSINESS_RULE_VIOLATED', result.problems.map((p) => p.message).join('; '), {
          rule: 'schedule',
          problems: result.problems,
        });
      }
      return { arm: result.arm, startEvent: result.startEvent, entries: result.entries };
    },
  });
}
