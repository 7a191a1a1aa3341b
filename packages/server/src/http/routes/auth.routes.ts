import {
  ErrorBodySchema,
  LoginRequestSchema,
  OkResponseSchema,
  ReauthenticateRequestSchema,
  ReauthenticateResponseSchema,
  SessionResponseSchema,
} from '@celltrial/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error.js';
import {
  login,
  logout,
  reauthenticate,
  sessionResponse,
  type ResolvedSession,
} from '../../services/auth.service.js';
import { SESSION_COOKIE } from '../../security/session-token.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { AUTHENTICATED, PUBLIC } from '../route-access.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 429: ErrorBodySchema };

export function sessionOf(request: FastifyRequest): ResolvedSession {
  if (request.session === null) {
    throw new AppError('UNAUTHENTICATED', 'log in first (no valid session)');
  }
  return request.session;
}

const COOKIE_OPTIONS = { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' } as const;

function clearCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
}

export function registerAuthRoutes(app: ApiApp, deps: AppDeps): void {
  app.post('/api/auth/login', {
    config: { access: PUBLIC },
    schema: {
      tags: ['auth'],
      summary: 'Log in; sets the session cookie',
      body: LoginRequestSchema,
      response: { 200: SessionResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const result = await login(deps, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      void reply.setCookie(SESSION_COOKIE, result.token, {
        ...COOKIE_OPTIONS,
        maxAge: deps.policy.absoluteHours * 3600,
      });
      return result.response;
    },
  });

  app.get('/api/auth/session', {
    // A probe, not an access attempt: the web app asks it on every load, so a 401 here is not audited.
    config: { access: PUBLIC },
    schema: {
      tags: ['auth'],
      summary: 'The current session and user',
      response: { 200: SessionResponseSchema, 401: ErrorBodySchema },
    },
    handler: async (request, reply) => {
      if (request.session === null) {
        clearCookie(reply);
      }
      return sessionResponse(sessionOf(request));
    },
  });

  app.post('/api/auth/logout', {
    config: { access: AUTHENTICATED },
    schema: {
      tags: ['auth'],
      summary: 'End the session',
      response: { 200: OkResponseSchema, 401: ErrorBodySchema },
    },
    handler: async (request, reply) => {
      await logout(deps, sessionOf(request));
      clearCookie(reply);
      return { ok: true as const };
    },
  });

  app.post('/api/auth/reauthenticate', {
    config: { access: AUTHENTICATED },
    schema: {
      tags: ['auth'],
      summary: 'Confirm the password again before an e-signature',
      body: ReauthenticateRequestSchema,
      response: { 200: ReauthenticateResponseSchema, ...errors },
    },
    handler: async (request) => {
      const at = await reauthenticate(deps, sessionOf(request), request.body.password);
      return { reauthenticatedAt: at.toISOString() };
    },
  });
}
