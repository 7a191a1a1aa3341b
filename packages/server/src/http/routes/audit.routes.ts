import {
  AuditListResponseSchema,
  AuditQuerySchema,
  AuditVerifyResponseSchema,
  ErrorBodySchema,
  StudyParamsSchema,
} from '@celltrial/contracts';
import { listAudit, verifyAudit } from '../../services/audit.service.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { requires } from '../route-access.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema };

export function registerAuditRoutes(app: ApiApp, deps: AppDeps): void {
  app.get('/api/studies/:studyId/audit', {
    config: { access: requires('study:read-audit') },
    schema: {
      tags: ['audit'],
      summary: "A study's audit trail, oldest first",
      params: StudyParamsSchema,
      querystring: AuditQuerySchema,
      response: { 200: AuditListResponseSchema, ...errors },
    },
    handler: async (request) => ({
      events: await listAudit(deps, { ...request.query, studyId: request.params.studyId }),
    }),
  });

  app.get('/api/audit/verify', {
    config: { access: requires('system:manage-users') },
    schema: {
      tags: ['audit'],
      summary: 'Verify the whole audit hash chain',
      response: { 200: AuditVerifyResponseSchema, ...errors },
    },
    handler: async () => {
      const verdict = await verifyAudit(deps);
      return verdict.ok
        ? { ok: true, checked: verdict.checked, firstBad: null }
        : { ok: false, checked: verdict.checked, firstBad: verdict.firstBad };
    },
  });
}
