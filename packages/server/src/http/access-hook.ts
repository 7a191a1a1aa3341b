import { checkAccess } from '@celltrial/core';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { resolveSession } from '../services/auth.service.js';
import { recordSecurityEvent } from '../services/audited-write.js';
import { SESSION_COOKIE } from '../security/session-token.js';
import type { AppDeps } from './app-types.js';

function stringParam(params: unknown, name: string): string | undefined {
  const value = (params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * onRequest hook: resolves the session cookie, then enforces the route's declared access before the
 * body is even parsed. Refusals are audited as security events.
 */
export function createAccessHook(deps: AppDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    const access = request.routeOptions.config.access;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token === undefined ? null : await resolveSession(deps, token, request.id);
    request.actor = request.session?.actor ?? {
      userId: null,
      name: 'anonymous',
      principal: null,
      requestId: request.id,
      sessionId: null,
    };
    if (access === undefined || access.kind === 'public') {
      return;
    }
    const where = { method: request.method, url: request.url, ip: request.ip };
    if (request.session === null) {
      await recordSecurityEvent(deps, request.actor, {
        action: 'security.unauthenticated',
        entityType: 'route',
        entityId: request.routeOptions.url ?? null,
        after: where,
      });
      throw new AppError('UNAUTHENTICATED', 'log in first (no valid session)');
    }
    if (access.kind === 'authenticated') {
      return;
    }
    const target = {
      studyId: stringParam(request.params, 'studyId'),
      siteId: stringParam(request.params, 'siteId'),
    };
    const principal = request.session.actor.principal;
    const decision =
      principal === null
        ? { allowed: false as const, reason: 'no-role-in-study' as const }
        : checkAccess(principal, access.permission, target);
    if (!decision.allowed) {
      await recordSecurityEvent(deps, request.actor, {
        action: 'security.forbidden',
        entityType: 'route',
        entityId: request.routeOptions.url ?? null,
        after: { ...where, permission: access.permission, reason: decision.reason },
      });
      throw new AppError(
        'FORBIDDEN',
        `you lack the permission ${access.permission} here (${decision.reason})`,
        {
          permission: access.permission,
          reason: decision.reason,
        },
      );
    }
  };
}
