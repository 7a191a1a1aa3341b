import {
  CreateUserRequestSchema,
  ErrorBodySchema,
  GrantRoleRequestSchema,
  RoleAssignmentSchema,
  UserIdParamsSchema,
  UserListResponseSchema,
  UserSummarySchema,
} from '@celltrial/contracts';
import { isStudyRole } from '@celltrial/core';
import { createUser, grantRole, listAllUsers } from '../../services/user.service.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { requires } from '../route-access.js';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
};

export function registerUserRoutes(app: ApiApp, deps: AppDeps): void {
  app.get('/api/users', {
    config: { access: requires('system:manage-users') },
    schema: {
      tags: ['users'],
      summary: 'All users (system administrators)',
      response: { 200: UserListResponseSchema, ...errors },
    },
    handler: async () => ({ users: await listAllUsers(deps) }),
  });

  app.post('/api/users', {
    config: { access: requires('system:manage-users') },
    schema: {
      tags: ['users'],
      summary: 'Create a user',
      body: CreateUserRequestSchema,
      response: { 201: UserSummarySchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createUser(deps, request.actor, request.body)),
  });

  app.post('/api/users/:userId/roles', {
    config: { access: requires('system:manage-users') },
    schema: {
      tags: ['users'],
      summary: 'Grant a study role (optionally limited to one site)',
      params: UserIdParamsSchema,
      body: GrantRoleRequestSchema,
      response: { 201: RoleAssignmentSchema, ...errors },
    },
    handler: async (request, reply) => {
      const row = await grantRole(deps, request.actor, {
        userId: request.params.userId,
        grant: request.body,
      });
      const role = isStudyRole(row.role) ? row.role : request.body.role;
      return reply
        .status(201)
        .send({ id: row.id, userId: row.user_id, studyId: row.study_id, siteId: row.site_id, role });
    },
  });
}
