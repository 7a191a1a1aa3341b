import {
  ConfirmEscalationDecisionRequestSchema,
  DltAssessmentResponseSchema,
  DoseAdministrationRequestSchema,
  DosePlanQuerySchema,
  DosePlanResponseSchema,
  DosePreparationRequestSchema,
  DoseRecordListResponseSchema,
  DoseRecordSchema,
  EscalationBoardResponseSchema,
  ParticipantParamsSchema,
  SaveDltAssessmentRequestSchema,
  SignDltAssessmentRequestSchema,
  StudyParamsSchema,
} from '@celltrial/contracts';
import { requireRecentReauthentication } from '../../services/auth.service.js';
import {
  getDltAssessment,
  saveDltAssessment,
  signDltAssessmentRecord,
} from '../../services/safety/dlt-assessment.service.js';
import { administerDose, prepareDose } from '../../services/safety/dose-preparation.service.js';
import { getDosePlan, listParticipantDoses } from '../../services/safety/dosing.service.js';
import {
  confirmEscalationDecision,
  getEscalationBoard,
  requireDecider,
} from '../../services/safety/escalation.service.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { WRITE_ERRORS } from '../error-responses.js';
import { requires } from '../route-access.js';
import { sessionOf } from './auth.routes.js';

const errors = WRITE_ERRORS;
const base = '/api/studies/:studyId/participants/:participantId';

/** Dose plans, prepared and administered doses, DLT assessments and the escalation board (docs/safety.md). */
export function registerDosingRoutes(app: ApiApp, deps: AppDeps): void {
  app.get(`${base}/dose-plan`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['dosing'],
      summary:
        'The calculated dose at a dosing visit, with dose-modification reasons (masked for blinded viewers)',
      params: ParticipantParamsSchema,
      querystring: DosePlanQuerySchema,
      response: { 200: DosePlanResponseSchema, ...errors },
    },
    handler: async (request) => getDosePlan(deps, request.actor, { ...request.params, ...request.query }),
  });

  app.get(`${base}/doses`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['dosing'],
      summary: "A participant's prepared and administered doses",
      params: ParticipantParamsSchema,
      response: { 200: DoseRecordListResponseSchema, ...errors },
    },
    handler: async (request) => listParticipantDoses(deps, request.actor, request.params),
  });

  app.post(`${base}/dose-preparations`, {
    config: { access: requires('dose:prepare') },
    schema: {
      tags: ['dosing'],
      summary: 'The pharmacist records a prepared dose (tolerance checked; a deviation needs a reason)',
      params: ParticipantParamsSchema,
      body: DosePreparationRequestSchema,
      response: { 201: DoseRecordSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await prepareDose(deps, request.actor, { ...request.params, ...request.body })),
  });

  app.post(`${base}/dose-administrations`, {
    config: { access: requires('form:write') },
    schema: {
      tags: ['dosing'],
      summary: 'Record that a prepared dose was administered',
      params: ParticipantParamsSchema,
      body: DoseAdministrationRequestSchema,
      response: { 201: DoseRecordSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await administerDose(deps, request.actor, { ...request.params, ...request.body })),
  });

  app.get(`${base}/dlt-assessment`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['escalation'],
      summary: "A participant's DLT assessment (null when none is saved)",
      params: ParticipantParamsSchema,
      response: { 200: DltAssessmentResponseSchema, ...errors },
    },
    handler: async (request) => getDltAssessment(deps, request.actor, request.params),
  });

  app.put(`${base}/dlt-assessment`, {
    config: { access: requires('safety:write') },
    schema: {
      tags: ['escalation'],
      summary: 'Save the DLT assessment (a change needs a reason and removes the signature)',
      params: ParticipantParamsSchema,
      body: SaveDltAssessmentRequestSchema,
      response: { 200: DltAssessmentResponseSchema, ...errors },
    },
    handler: async (request) =>
      saveDltAssessment(deps, request.actor, { ...request.params, ...request.body }),
  });

  app.post(`${base}/dlt-assessment/sign`, {
    config: { access: requires('form:sign') },
    schema: {
      tags: ['escalation'],
      summary: 'The investigator signs the DLT assessment (re-authenticate first)',
      params: ParticipantParamsSchema,
      body: SignDltAssessmentRequestSchema,
      response: { 200: DltAssessmentResponseSchema, ...errors },
    },
    handler: async (request) => {
      requireRecentReauthentication(deps, sessionOf(request));
      return signDltAssessmentRecord(deps, request.actor, { ...request.params, ...request.body });
    },
  });

  app.get('/api/studies/:studyId/escalation', {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['escalation'],
      summary: 'The dose-escalation board: cohorts, DLT status per participant, decisions and confirmations',
      params: StudyParamsSchema,
      response: { 200: EscalationBoardResponseSchema, ...errors },
    },
    handler: async (request) => getEscalationBoard(deps, request.actor, request.params),
  });

  // Investigators (form:sign) and study admins (study:manage) confirm; the service checks which the caller holds.
  app.post('/api/studies/:studyId/escalation/decisions', {
    config: { access: requires('study:read') },
    schema: {
      tags: ['escalation'],
      summary:
        "Confirm the board's decision for a complete cohort (investigator or study admin; re-authenticate)",
      params: StudyParamsSchema,
      body: ConfirmEscalationDecisionRequestSchema,
      response: { 201: EscalationBoardResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      requireDecider(request.actor, request.params.studyId);
      requireRecentReauthentication(deps, sessionOf(request));
      return reply
        .status(201)
        .send(await confirmEscalationDecision(deps, request.actor, { ...request.params, ...request.body }));
    },
  });
}
