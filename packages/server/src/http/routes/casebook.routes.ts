import {
  CasebookResponseSchema,
  EndParticipationRequestSchema,
  FormContextQuerySchema,
  FormContextResponseSchema,
  FormHistoryResponseSchema,
  FormRecordParamsSchema,
  FormRecordSchema,
  LogFormParamsSchema,
  ParticipantParamsSchema,
  RecordVisitParamsSchema,
  RecordVisitRequestSchema,
  RecordVisitResponseSchema,
  SaveFormRequestSchema,
  SaveFormResponseSchema,
  SignCasebookRequestSchema,
  SignRequestSchema,
  UnscheduledVisitRequestSchema,
  VerifyRequestSchema,
  VisitFormParamsSchema,
} from '@celltrial/contracts';
import { requireRecentReauthentication } from '../../services/auth.service.js';
import { getCasebook } from '../../services/casebook/casebook.service.js';
import { endParticipation } from '../../services/casebook/end-of-participation.service.js';
import { signCasebook, signForm, verifyForm } from '../../services/casebook/data-review.service.js';
import {
  createLogEntry,
  saveVisitForm,
  updateFormRecordValues,
} from '../../services/casebook/form-entry.service.js';
import { getFormContext, getFormHistory, getFormRecord } from '../../services/casebook/form-read.service.js';
import { addUnscheduledVisit, recordVisit } from '../../services/casebook/visit.service.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { WRITE_ERRORS } from '../error-responses.js';
import { requires } from '../route-access.js';
import { sessionOf } from './auth.routes.js';

const errors = WRITE_ERRORS;
const base = '/api/studies/:studyId/participants/:participantId';

export function registerCasebookRoutes(app: ApiApp, deps: AppDeps): void {
  app.get(`${base}/casebook`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['casebook'],
      summary:
        "A participant's casebook: visit calendar with status, forms per visit, logs, locks, signature",
      params: ParticipantParamsSchema,
      response: { 200: CasebookResponseSchema, ...errors },
    },
    handler: async (request) => getCasebook(deps, request.actor, request.params),
  });

  app.post(`${base}/end-of-participation`, {
    config: { access: requires('subject:write') },
    schema: {
      tags: ['casebook'],
      summary:
        'Record the end of participation (completed, withdrawn, died, lost to follow-up); later visits are no longer expected',
      params: ParticipantParamsSchema,
      body: EndParticipationRequestSchema,
      response: { 200: CasebookResponseSchema, ...errors },
    },
    handler: async (request) => endParticipation(deps, request.actor, { ...request.params, ...request.body }),
  });

  app.get(`${base}/form-context`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['forms'],
      summary:
        "What the form engine knows of the participant at a visit (for live scores that match the server's)",
      params: ParticipantParamsSchema,
      querystring: FormContextQuerySchema,
      response: { 200: FormContextResponseSchema, ...errors },
    },
    handler: async (request) => getFormContext(deps, request.actor, { ...request.params, ...request.query }),
  });

  app.put(`${base}/visits/:visitKey`, {
    config: { access: requires('form:write') },
    schema: {
      tags: ['casebook'],
      summary: 'Record a scheduled visit as done (date; a reason when outside the window) or missed (reason)',
      params: RecordVisitParamsSchema,
      body: RecordVisitRequestSchema,
      response: { 200: RecordVisitResponseSchema, ...errors },
    },
    handler: async (request) => recordVisit(deps, request.actor, { ...request.params, ...request.body }),
  });

  app.post(`${base}/unscheduled-visits`, {
    config: { access: requires('form:write') },
    schema: {
      tags: ['casebook'],
      summary: 'Add an unscheduled visit with its date and reason',
      params: ParticipantParamsSchema,
      body: UnscheduledVisitRequestSchema,
      response: { 201: RecordVisitResponseSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await addUnscheduledVisit(deps, request.actor, { ...request.params, ...request.body })),
  });

  app.put(`${base}/visits/:visitId/forms/:formKey`, {
    config: { access: requires('form:write') },
    schema: {
      tags: ['forms'],
      summary: 'Create (expectedVersion 0) or update a form at a visit; soft edit checks raise queries',
      params: VisitFormParamsSchema,
      body: SaveFormRequestSchema,
      response: { 200: SaveFormResponseSchema, ...errors },
    },
    handler: async (request) => saveVisitForm(deps, request.actor, { ...request.params, ...request.body }),
  });

  app.post(`${base}/logs/:formKey`, {
    config: { access: requires('form:write') },
    schema: {
      tags: ['forms'],
      summary: 'Add an entry to a log form (e.g. concomitant medications)',
      params: LogFormParamsSchema,
      body: SaveFormRequestSchema,
      response: { 201: SaveFormResponseSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await createLogEntry(deps, request.actor, { ...request.params, ...request.body })),
  });

  app.get(`${base}/forms/:formRecordId`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['forms'],
      summary: 'One form record with derived scores, queries, verifications, signature and lock',
      params: FormRecordParamsSchema,
      response: { 200: FormRecordSchema, ...errors },
    },
    handler: async (request) => getFormRecord(deps, request.actor, request.params),
  });

  app.put(`${base}/forms/:formRecordId`, {
    config: { access: requires('form:write') },
    schema: {
      tags: ['forms'],
      summary:
        'Update a form record (stale version → 409 with the current values; reason for change required)',
      params: FormRecordParamsSchema,
      body: SaveFormRequestSchema,
      response: { 200: SaveFormResponseSchema, ...errors },
    },
    handler: async (request) =>
      updateFormRecordValues(deps, request.actor, { ...request.params, ...request.body }),
  });

  app.get(`${base}/forms/:formRecordId/history`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['forms'],
      summary: 'Every value each item of the form has had, with who, when and why',
      params: FormRecordParamsSchema,
      response: { 200: FormHistoryResponseSchema, ...errors },
    },
    handler: async (request) => getFormHistory(deps, request.actor, request.params),
  });

  app.post(`${base}/forms/:formRecordId/verify`, {
    config: { access: requires('form:verify') },
    schema: {
      tags: ['review'],
      summary: 'Source data verification of items (all items with values when itemIds is omitted)',
      params: FormRecordParamsSchema,
      body: VerifyRequestSchema,
      response: { 200: FormRecordSchema, ...errors },
    },
    handler: async (request) => verifyForm(deps, request.actor, { ...request.params, ...request.body }),
  });

  app.post(`${base}/forms/:formRecordId/sign`, {
    config: { access: requires('form:sign') },
    schema: {
      tags: ['review'],
      summary: 'Investigator e-signature of a form version (re-authenticate first)',
      params: FormRecordParamsSchema,
      body: SignRequestSchema,
      response: { 200: FormRecordSchema, ...errors },
    },
    handler: async (request) => {
      requireRecentReauthentication(deps, sessionOf(request));
      return signForm(deps, request.actor, { ...request.params, ...request.body });
    },
  });

  app.post(`${base}/casebook/sign`, {
    config: { access: requires('form:sign') },
    schema: {
      tags: ['review'],
      summary: 'Investigator e-signature of the whole casebook (re-authenticate first)',
      params: ParticipantParamsSchema,
      body: SignCasebookRequestSchema,
      response: { 200: CasebookResponseSchema, ...errors },
    },
    handler: async (request) => {
      requireRecentReauthentication(deps, sessionOf(request));
      return signCasebook(deps, request.actor, request.params);
    },
  });
}
