import {
  AdverseEventDetailSchema,
  AdverseEventListResponseSchema,
  AdverseEventParamsSchema,
  AdverseEventSchema,
  AeProposalListQuerySchema,
  AeProposalListResponseSchema,
  AeProposalParamsSchema,
  AeProposalSchema,
  AeTableQuerySchema,
  AeTableResponseSchema,
  ConfirmAeProposalRequestSchema,
  ConfirmAeProposalResponseSchema,
  CreateAdverseEventRequestSchema,
  CtcaeTermListResponseSchema,
  CtcaeTermQuerySchema,
  DismissAeProposalRequestSchema,
  ParticipantParamsSchema,
  RecordSaeReportRequestSchema,
  SaeListQuerySchema,
  SaeListResponseSchema,
  StudyParamsSchema,
  UpdateAdverseEventRequestSchema,
} from '@celltrial/contracts';
import { searchCtcaeTerms } from '@celltrial/core';
import {
  createAdverseEvent,
  getAdverseEvent,
  listParticipantAdverseEvents,
  updateAdverseEventRecord,
} from '../../services/safety/adverse-event.service.js';
import {
  confirmAeProposal,
  dismissAeProposal,
  listParticipantAeProposals,
  listStudyAeProposalViews,
} from '../../services/safety/ae-proposal.service.js';
import { aeTableCsv, getAeTable } from '../../services/safety/ae-table.service.js';
import { getSaeReportHtml, getSaeReportPdf } from '../../services/safety/sae-report.service.js';
import { listStudySaes, recordSaeReport } from '../../services/safety/sae.service.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { WRITE_ERRORS } from '../error-responses.js';
import { AUTHENTICATED, requires } from '../route-access.js';

const errors = WRITE_ERRORS;
const base = '/api/studies/:studyId/participants/:participantId';

/** Adverse events, lab AE proposals, SAE clocks, reports and lists, AE tables, CTCAE term search (docs/safety.md). */
export function registerSafetyRoutes(app: ApiApp, deps: AppDeps): void {
  app.get('/api/ctcae-terms', {
    config: { access: AUTHENTICATED },
    schema: {
      tags: ['safety'],
      summary: 'Search the bundled CTCAE v5.0 terms (exact, prefix, word prefix, substring)',
      querystring: CtcaeTermQuerySchema,
      response: { 200: CtcaeTermListResponseSchema, ...errors },
    },
    handler: (request) =>
      Promise.resolve({
        version: 'v5.0' as const,
        terms: searchCtcaeTerms(request.query.q, { limit: request.query.limit }).map((h) => ({
          term: h.term,
          soc: h.soc,
          match: h.match,
        })),
      }),
  });

  app.get(`${base}/adverse-events`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['safety'],
      summary:
        "A participant's adverse events with SAE clocks, and the procedures causality is assessed against",
      params: ParticipantParamsSchema,
      response: { 200: AdverseEventListResponseSchema, ...errors },
    },
    handler: async (request) => listParticipantAdverseEvents(deps, request.actor, request.params),
  });

  app.post(`${base}/adverse-events`, {
    config: { access: requires('safety:write') },
    schema: {
      tags: ['safety'],
      summary: 'Record an adverse event (clinical rules checked: 422 FORM_INVALID naming each field)',
      params: ParticipantParamsSchema,
      body: CreateAdverseEventRequestSchema,
      response: { 201: AdverseEventSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await createAdverseEvent(deps, request.actor, { ...request.params, fields: request.body })),
  });

  app.get(`${base}/adverse-events/:aeId`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['safety'],
      summary: 'One adverse event with every saved version (what changed, who, when, why)',
      params: AdverseEventParamsSchema,
      response: { 200: AdverseEventDetailSchema, ...errors },
    },
    handler: async (request) => getAdverseEvent(deps, request.actor, request.params),
  });

  app.put(`${base}/adverse-events/:aeId`, {
    config: { access: requires('safety:write') },
    schema: {
      tags: ['safety'],
      summary: 'Change an adverse event (reason for change; a stale version → 409 with the current record)',
      params: AdverseEventParamsSchema,
      body: UpdateAdverseEventRequestSchema,
      response: { 200: AdverseEventSchema, ...errors },
    },
    handler: async (request) => {
      const { expectedVersion, reasonForChange, ...fields } = request.body;
      return updateAdverseEventRecord(deps, request.actor, {
        ...request.params,
        fields,
        expectedVersion,
        reasonForChange,
      });
    },
  });

  app.post(`${base}/adverse-events/:aeId/reports`, {
    config: { access: requires('safety:write') },
    schema: {
      tags: ['safety'],
      summary:
        'Record an SAE report sent (initial, follow-up, SUSAR); the first initial/SUSAR report stops its clock',
      params: AdverseEventParamsSchema,
      body: RecordSaeReportRequestSchema,
      response: { 201: AdverseEventSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await recordSaeReport(deps, request.actor, { ...request.params, ...request.body })),
  });

  app.get(`${base}/adverse-events/:aeId/report.html`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['safety'],
      summary: 'The SAE report of a serious AE as HTML (no arm for blinded viewers)',
      params: AdverseEventParamsSchema,
    },
    handler: async (request, reply) => {
      const { html } = await getSaeReportHtml(deps, request.actor, request.params);
      return reply.type('text/html; charset=utf-8').send(html);
    },
  });

  app.get(`${base}/adverse-events/:aeId/report.pdf`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['safety'],
      summary: 'The SAE report printed to PDF by headless Chromium (503 PDF_RENDERER_UNAVAILABLE without it)',
      params: AdverseEventParamsSchema,
    },
    handler: async (request, reply) => {
      const { pdf, fileStem } = await getSaeReportPdf(deps, request.actor, request.params);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileStem}.pdf"`)
        .send(pdf);
    },
  });

  app.get('/api/studies/:studyId/ae-proposals', {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['safety'],
      summary: 'Lab AE proposals of every participant at the sites you may see',
      params: StudyParamsSchema,
      querystring: AeProposalListQuerySchema,
      response: { 200: AeProposalListResponseSchema, ...errors },
    },
    handler: async (request) =>
      listStudyAeProposalViews(deps, request.actor, { ...request.params, status: request.query.status }),
  });

  app.get(`${base}/ae-proposals`, {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['safety'],
      summary: 'AEs proposed from lab values graded at or above the protocol threshold',
      params: ParticipantParamsSchema,
      querystring: AeProposalListQuerySchema,
      response: { 200: AeProposalListResponseSchema, ...errors },
    },
    handler: async (request) =>
      listParticipantAeProposals(deps, request.actor, { ...request.params, status: request.query.status }),
  });

  app.post(`${base}/ae-proposals/:proposalId/confirm`, {
    config: { access: requires('form:sign') },
    schema: {
      tags: ['safety'],
      summary:
        'The investigator confirms a lab AE proposal: an AE is recorded from the prefill plus overrides',
      params: AeProposalParamsSchema,
      body: ConfirmAeProposalRequestSchema,
      response: { 201: ConfirmAeProposalResponseSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await confirmAeProposal(deps, request.actor, { ...request.params, overrides: request.body })),
  });

  app.post(`${base}/ae-proposals/:proposalId/dismiss`, {
    config: { access: requires('form:sign') },
    schema: {
      tags: ['safety'],
      summary: 'The investigator dismisses a lab AE proposal with a reason',
      params: AeProposalParamsSchema,
      body: DismissAeProposalRequestSchema,
      response: { 200: AeProposalSchema, ...errors },
    },
    handler: async (request) =>
      dismissAeProposal(deps, request.actor, { ...request.params, ...request.body }),
  });

  app.get('/api/studies/:studyId/sae', {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['safety'],
      summary: "The study's serious AEs with their reporting deadlines (overdue first)",
      params: StudyParamsSchema,
      querystring: SaeListQuerySchema,
      response: { 200: SaeListResponseSchema, ...errors },
    },
    handler: async (request) => listStudySaes(deps, request.actor, { ...request.params, ...request.query }),
  });

  app.get('/api/studies/:studyId/safety/ae-table', {
    config: { access: requires('subject:read') },
    schema: {
      tags: ['safety'],
      summary: 'AE incidence table (by SOC/term, max grade or relatedness); format=csv for a CSV file',
      params: StudyParamsSchema,
      querystring: AeTableQuerySchema,
      response: { 200: AeTableResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { format, ...query } = request.query;
      const table = await getAeTable(deps, request.actor, { ...request.params, ...query });
      if (format === 'csv') {
        return (
          reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="ae-table-${query.by}-${query.filter}.csv"`)
            .serializer((payload) => payload as string)
            // The JSON response schema does not describe the CSV body; the serializer above passes it through.
            .send(aeTableCsv(table) as never)
        );
      }
      return table;
    },
  });
}
