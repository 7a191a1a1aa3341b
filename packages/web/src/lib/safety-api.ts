// API calls of issue 6: adverse events, SAE clocks and reports, lab AE proposals, AE tables, dose plans,
// prepared and administered doses, DLT assessments and the escalation board. Every response is validated with
// the contracts' safety schemas through apiRequest; report files and CSV are plain links (the browser downloads
// them with the session cookie).
import {
  AdverseEventDetailSchema,
  AdverseEventListResponseSchema,
  AdverseEventSchema,
  AeProposalListResponseSchema,
  AeProposalSchema,
  AeTableResponseSchema,
  ConfirmAeProposalResponseSchema,
  CtcaeTermListResponseSchema,
  DltAssessmentResponseSchema,
  DosePlanResponseSchema,
  DoseRecordListResponseSchema,
  DoseRecordSchema,
  EscalationBoardResponseSchema,
  SaeListResponseSchema,
  type AE_PROPOSAL_STATUSES,
  type AE_TABLE_BY,
  type AE_TABLE_FILTERS,
  type AdverseEventFields,
  type SAE_REPORT_KINDS,
} from '@celltrial/contracts';
import { API_PREFIX, apiRequest } from './api-client.js';
import type { ParticipantRef } from './participants-api.js';

export type AeTableBy = (typeof AE_TABLE_BY)[number];
export type AeTableFilter = (typeof AE_TABLE_FILTERS)[number];
export type AeProposalStatus = (typeof AE_PROPOSAL_STATUSES)[number];
export type SaeReportKind = (typeof SAE_REPORT_KINDS)[number];

/** One adverse event of one participant. */
export interface AdverseEventRef extends ParticipantRef {
  aeId: string;
}

/** Body of PUT …/adverse-events/:aeId: the fields plus the edited version and the reason. */
export interface UpdateAdverseEventBody extends AdverseEventFields {
  expectedVersion: number;
  reasonForChange: string;
}

/** Body of POST …/adverse-events/:aeId/reports. */
export interface SaeReportBody {
  kind: SaeReportKind;
  /** ISO date-time with an offset. */
  sentAt: string;
  recipient?: string;
  reference?: string;
  note?: string;
}

/** Query of GET /studies/:studyId/safety/ae-table. */
export interface AeTableQuery {
  by: AeTableBy;
  filter: AeTableFilter;
  siteId?: string;
}

/** Query of GET …/dose-plan. */
export interface DosePlanQuery {
  visit: string;
  occurrence?: number;
  date?: string;
}

/** Body of POST …/dose-preparations. */
export interface DosePreparationBody {
  visitKey: string;
  occurrence: number;
  interventionId: string;
  doseLevel?: string;
  preparedAmount?: number;
  lot: string;
  volumeMl: number;
  deviationReason?: string;
  judgements?: Record<string, boolean>;
  doseDate?: string;
}

/** Body of POST …/dose-administrations. */
export interface DoseAdministrationBody {
  preparationId: string;
  administeredAt: string;
  volumeMl: number;
  complete: boolean;
  note?: string;
}

/** Body of PUT …/dlt-assessment. */
export interface SaveDltBody {
  dlt: boolean;
  dltDate?: string;
  adverseEventIds?: string[];
  comment?: string;
  /** 0 to create. */
  expectedVersion: number;
  reasonForChange?: string;
}

/** Body of POST /studies/:studyId/escalation/decisions. */
export interface ConfirmDecisionBody {
  cohort: number;
  decision: string;
  dlts: number;
  evaluable: number;
  note?: string;
}

const studyPath = (studyId: string): string => `/studies/${encodeURIComponent(studyId)}`;
const participantPath = ({ studyId, participantId }: ParticipantRef): string =>
  `${studyPath(studyId)}/participants/${encodeURIComponent(participantId)}`;
const aePath = (ref: AdverseEventRef): string =>
  `${participantPath(ref)}/adverse-events/${encodeURIComponent(ref.aeId)}`;

function search(params: Record<string, string | number | undefined>): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) {
      out.set(key, String(value));
    }
  }
  const text = out.toString();
  return text === '' ? '' : `?${text}`;
}

/** Typed calls for the safety, dosing and escalation endpoints. */
export const safetyApi = {
  ctcaeTerms: (q: string, signal?: AbortSignal) =>
    apiRequest(`/ctcae-terms${search({ q, limit: 15 })}`, { schema: CtcaeTermListResponseSchema, signal }),
  listAdverseEvents: (ref: ParticipantRef, signal?: AbortSignal) =>
    apiRequest(`${participantPath(ref)}/adverse-events`, { schema: AdverseEventListResponseSchema, signal }),
  getAdverseEvent: (ref: AdverseEventRef, signal?: AbortSignal) =>
    apiRequest(aePath(ref), { schema: AdverseEventDetailSchema, signal }),
  createAdverseEvent: (ref: ParticipantRef, body: AdverseEventFields) =>
    apiRequest(`${participantPath(ref)}/adverse-events`, {
      method: 'POST',
      body,
      schema: AdverseEventSchema,
    }),
  updateAdverseEvent: (ref: AdverseEventRef, body: UpdateAdverseEventBody) =>
    apiRequest(aePath(ref), { method: 'PUT', body, schema: AdverseEventSchema }),
  recordSaeReport: (ref: AdverseEventRef, body: SaeReportBody) =>
    apiRequest(`${aePath(ref)}/reports`, { method: 'POST', body, schema: AdverseEventSchema }),
  listStudyAeProposals: (studyId: string, status?: AeProposalStatus, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/ae-proposals${search({ status })}`, {
      schema: AeProposalListResponseSchema,
      signal,
    }),
  listAeProposals: (ref: ParticipantRef, status?: AeProposalStatus, signal?: AbortSignal) =>
    apiRequest(`${participantPath(ref)}/ae-proposals${search({ status })}`, {
      schema: AeProposalListResponseSchema,
      signal,
    }),
  confirmAeProposal: (ref: ParticipantRef & { proposalId: string }, overrides: Partial<AdverseEventFields>) =>
    apiRequest(`${participantPath(ref)}/ae-proposals/${encodeURIComponent(ref.proposalId)}/confirm`, {
      method: 'POST',
      body: overrides,
      schema: ConfirmAeProposalResponseSchema,
    }),
  dismissAeProposal: (ref: ParticipantRef & { proposalId: string }, reason: string) =>
    apiRequest(`${participantPath(ref)}/ae-proposals/${encodeURIComponent(ref.proposalId)}/dismiss`, {
      method: 'POST',
      body: { reason },
      schema: AeProposalSchema,
    }),
  listSaes: (studyId: string, filter: { overdueOnly?: boolean } = {}, signal?: AbortSignal) =>
    apiRequest(
      `${studyPath(studyId)}/sae${search({ overdueOnly: filter.overdueOnly ? 'true' : undefined })}`,
      {
        schema: SaeListResponseSchema,
        signal,
      },
    ),
  aeTable: (studyId: string, query: AeTableQuery, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/safety/ae-table${search({ ...query })}`, {
      schema: AeTableResponseSchema,
      signal,
    }),
  dosePlan: (ref: ParticipantRef, query: DosePlanQuery, signal?: AbortSignal) =>
    apiRequest(`${participantPath(ref)}/dose-plan${search({ ...query })}`, {
      schema: DosePlanResponseSchema,
      signal,
    }),
  listDoses: (ref: ParticipantRef, signal?: AbortSignal) =>
    apiRequest(`${participantPath(ref)}/doses`, { schema: DoseRecordListResponseSchema, signal }),
  prepareDose: (ref: ParticipantRef, body: DosePreparationBody) =>
    apiRequest(`${participantPath(ref)}/dose-preparations`, {
      method: 'POST',
      body,
      schema: DoseRecordSchema,
    }),
  administerDose: (ref: ParticipantRef, body: DoseAdministrationBody) =>
    apiRequest(`${participantPath(ref)}/dose-administrations`, {
      method: 'POST',
      body,
      schema: DoseRecordSchema,
    }),
  getDltAssessment: (ref: ParticipantRef, signal?: AbortSignal) =>
    apiRequest(`${participantPath(ref)}/dlt-assessment`, { schema: DltAssessmentResponseSchema, signal }),
  saveDltAssessment: (ref: ParticipantRef, body: SaveDltBody) =>
    apiRequest(`${participantPath(ref)}/dlt-assessment`, {
      method: 'PUT',
      body,
      schema: DltAssessmentResponseSchema,
    }),
  signDltAssessment: (ref: ParticipantRef, version: number) =>
    apiRequest(`${participantPath(ref)}/dlt-assessment/sign`, {
      method: 'POST',
      body: { version },
      schema: DltAssessmentResponseSchema,
    }),
  escalationBoard: (studyId: string, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/escalation`, { schema: EscalationBoardResponseSchema, signal }),
  confirmDecision: (studyId: string, body: ConfirmDecisionBody) =>
    apiRequest(`${studyPath(studyId)}/escalation/decisions`, {
      method: 'POST',
      body,
      schema: EscalationBoardResponseSchema,
    }),
};

/** Plain links the browser opens or downloads (the session cookie goes along; the server names the file). */
export const safetyDownloads = {
  aeTableCsv: (studyId: string, query: AeTableQuery): string =>
    `${API_PREFIX}${studyPath(studyId)}/safety/ae-table${search({ ...query, format: 'csv' })}`,
  saeReportHtml: (ref: AdverseEventRef): string => `${API_PREFIX}${aePath(ref)}/report.html`,
  saeReportPdf: (ref: AdverseEventRef): string => `${API_PREFIX}${aePath(ref)}/report.pdf`,
};
