import {
  ConfirmEligibilityRequestSchema,
  ErrorBodySchema,
  NotificationListResponseSchema,
  ParticipantListQuerySchema,
  ParticipantListResponseSchema,
  ParticipantParamsSchema,
  ParticipantSchema,
  RandomizeResponseSchema,
  RegisterCandidateRequestSchema,
  SaveScreeningRequestSchema,
  ScreenFailRequestSchema,
  ScreeningLogResponseSchema,
  ScreeningResponseSchema,
  StudyParamsSchema,
  UnblindRequestSchema,
  UnblindResponseSchema,
} from '@celltrial/contracts';
import { listNotifications } from '@celltrial/db';
import { requireRecentReauthentication } from '../../services/auth.service.js';
import {
  getParticipantView,
  listParticipantViews,
  markScreenFailure,
  registerCandidate,
} from '../../services/participant.service.js';
import { randomizeParticipant } from '../../services/randomization.service.js';
import { screeningLog } from '../../services/screening-log.service.js';
import {
  confirmEligibilityAndEnroll,
  getScreening,
  saveScreening,
} from '../../services/screening.service.js';
import { emergencyUnblind } from '../../services/unblinding.service.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { requires } from '../route-access.js';
import { sessionOf } from './auth.routes.js';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
  422: ErrorBodySchema,
};
const base = '/api/studies/:studyId/participants';

export function registerParticipantRoutes(app: ApiApp, deps: AppDeps): void {
  app.get(base, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['participants'],
      summary: 'Participants at the sites you may see',
      params: StudyParamsSchema,
      querystring: ParticipantListQuerySchema,
      response: { 200: ParticipantListResponseSchema, ...errors },
    },
    handler: async (request) => ({
      participants: await listParticipantViews(deps, request.actor, {
        studyId: request.params.studyId,
        ...request.query,
      }),
    }),
  });

  app.post(base, {
    config: { access: requires('subject:write') },
    schema: {
      tags: ['participants'],
      summary: 'Register a candidate for screening at a site',
      params: StudyParamsSchema,
      body: RegisterCandidateRequestSchema,
      response: { 201: ParticipantSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await registerCandidate(deps, request.actor, {
          studyId: request.params.studyId,
          siteId: request.body.siteId,
        }),
      ),
  });

  app.get(`${base}/:participantId`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['participants'],
      summary: 'One participant',
      params: ParticipantParamsSchema,
      response: { 200: ParticipantSchema, ...errors },
    },
    handler: async (request) => getParticipantView(deps, request.actor, request.params),
  });

  app.get(`${base}/:participantId/screening`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['screening'],
      summary: 'The latest screening record and eligibility evaluation',
      params: ParticipantParamsSchema,
      response: { 200: ScreeningResponseSchema, ...errors },
    },
    handler: async (request) => getScreening(deps, request.actor, request.params),
  });

  app.put(`${base}/:participantId/screening`, {
    config: { access: requires('subject:write') },
    schema: {
      tags: ['screening'],
      summary: 'Save a new revision of the screening record; evaluates eligibility',
      params: ParticipantParamsSchema,
      body: SaveScreeningRequestSchema,
      response: { 200: ScreeningResponseSchema, ...errors },
    },
    handler: async (request) =>
      saveScreening(deps, request.actor, {
        ...request.params,
        data: request.body.data,
        expectedRevision: request.body.expectedRevision,
        reasonForChange: request.body.reasonForChange,
      }),
  });

  app.post(`${base}/:participantId/eligibility/confirm`, {
    config: { access: requires('eligibility:confirm') },
    schema: {
      tags: ['screening'],
      summary:
        'Investigator e-signature confirming eligibility; enrolls the participant (re-authenticate first)',
      params: ParticipantParamsSchema,
      body: ConfirmEligibilityRequestSchema,
      response: { 200: ParticipantSchema, ...errors },
    },
    handler: async (request) => {
      requireRecentReauthentication(deps, sessionOf(request));
      return confirmEligibilityAndEnroll(deps, request.actor, {
        ...request.params,
        recordRevision: request.body.recordRevision,
      });
    },
  });

  app.post(`${base}/:participantId/screen-failure`, {
    config: { access: requires('subject:write') },
    schema: {
      tags: ['screening'],
      summary: 'Record a screen failure with a note',
      params: ParticipantParamsSchema,
      body: ScreenFailRequestSchema,
      response: { 200: ParticipantSchema, ...errors },
    },
    handler: async (request) =>
      markScreenFailure(deps, request.actor, { ...request.params, ...request.body }),
  });

  app.post(`${base}/:participantId/randomize`, {
    config: { access: requires('subject:randomize') },
    schema: {
      tags: ['randomization'],
      summary: 'Randomize an enrolled participant (a repeat returns the existing allocation)',
      params: ParticipantParamsSchema,
      response: { 200: RandomizeResponseSchema, 201: RandomizeResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const outcome = await randomizeParticipant(deps, request.actor, request.params);
      return reply.status(outcome.created ? 201 : 200).send(outcome);
    },
  });

  app.post(`${base}/:participantId/unblind`, {
    config: { access: requires('allocation:emergency-unblind') },
    schema: {
      tags: ['randomization'],
      summary: 'Emergency unblinding of one participant (re-authenticate first; reason required)',
      params: ParticipantParamsSchema,
      body: UnblindRequestSchema,
      response: { 200: UnblindResponseSchema, ...errors },
    },
    handler: async (request) => {
      requireRecentReauthentication(deps, sessionOf(request));
      return emergencyUnblind(deps, request.actor, { ...request.params, reason: request.body.reason });
    },
  });

  app.get('/api/studies/:studyId/screening-log', {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['screening'],
      summary: 'Screening log with counts and screen-failure reasons',
      params: StudyParamsSchema,
      response: { 200: ScreeningLogResponseSchema, ...errors },
    },
    handler: async (request) => screeningLog(deps, request.actor, request.params.studyId),
  });

  app.get('/api/studies/:studyId/notifications', {
    config: { access: requires('study:read') },
    schema: {
      tags: ['studies'],
      summary: 'Notifications for your roles in the study',
      params: StudyParamsSchema,
      response: { 200: NotificationListResponseSchema, ...errors },
    },
    handler: async (request) => {
      const roles = (request.actor.principal?.grants ?? [])
        .filter((g) => g.studyId === request.params.studyId)
        .map((g) => g.role);
      const rows = await listNotifications(deps.db, {
        studyId: request.params.studyId,
        roles,
        userId: request.actor.userId ?? '',
      });
      return {
        notifications: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          message: n.message,
          createdAt: n.created_at.toISOString(),
          readAt: n.read_at?.toISOString() ?? null,
        })),
      };
    },
  });
}
