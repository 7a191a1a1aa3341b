// API calls of the casebook: visits, eCRF form records, data queries, source data verification, signatures and
// locks. Every response is validated with the contracts' casebook schemas through apiRequest.
import {
  CasebookResponseSchema,
  DataLockSchema,
  DataQuerySchema,
  FormHistoryResponseSchema,
  FormRecordSchema,
  LockListResponseSchema,
  QueryListResponseSchema,
  RecordVisitResponseSchema,
  SaveFormResponseSchema,
  type DATA_QUERY_STATUSES,
  type LOCK_SCOPES,
} from '@celltrial/contracts';
import { apiRequest } from './api-client.js';
import type { ParticipantRef } from './participants-api.js';

export type DataQueryStatus = (typeof DATA_QUERY_STATUSES)[number];
export type LockScope = (typeof LOCK_SCOPES)[number];
export type QueryAction = 'answer' | 'close' | 'cancel' | 'reopen';

/** Body of PUT …/visits/:visitKey. */
export interface RecordVisitBody {
  occurrence?: number;
  status: 'done' | 'missed';
  actualDate?: string;
  /** Why the visit was missed. */
  reason?: string;
  /** Needed when the actual date falls outside the visit window. */
  outOfWindowReason?: string;
  /** 0 for a visit not recorded yet. */
  expectedRowVersion: number;
  reasonForChange?: string;
}

/** Body of every form save (visit form, log entry, existing record). */
export interface SaveFormBody {
  values: Record<string, unknown>;
  /** The version the user edited; 0 to create. */
  expectedVersion: number;
  /** Required when changing saved values. */
  reasonForChange?: string;
}

/** Filters of GET /studies/:studyId/queries. */
export interface QueryListFilter {
  status?: DataQueryStatus;
  siteId?: string;
  participantId?: string;
}

/** Body of POST /studies/:studyId/locks. */
export interface LockBody {
  scope: LockScope;
  participantId?: string;
  visitId?: string;
  formRecordId?: string;
  reason?: string;
}

/** One form record of one participant. */
export interface FormRecordRef extends ParticipantRef {
  formRecordId: string;
}

const studyPath = (studyId: string): string => `/studies/${encodeURIComponent(studyId)}`;
const participantPath = ({ studyId, participantId }: ParticipantRef): string =>
  `${studyPath(studyId)}/participants/${encodeURIComponent(participantId)}`;
const formPath = (ref: FormRecordRef): string =>
  `${participantPath(ref)}/forms/${encodeURIComponent(ref.formRecordId)}`;

function querySearch(filter: QueryListFilter): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'siteId', 'participantId'] as const) {
    const value = filter[key];
    if (value !== undefined) {
      params.set(key, value);
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The end of a participant's time in the study (POST …/end-of-participation). */
export interface EndParticipationBody {
  date: string;
  reason: 'completed' | 'withdrawn' | 'died' | 'lost-to-follow-up';
  note?: string;
  expectedRowVersion: number;
}

/** Typed calls for the casebook endpoints. */
export const casebookApi = {
  getCasebook: (ref: ParticipantRef, signal?: AbortSignal) =>
    apiRequest(`${participantPath(ref)}/casebook`, { schema: CasebookResponseSchema, signal }),
  recordVisit: (ref: ParticipantRef & { visitKey: string; body: RecordVisitBody }) =>
    apiRequest(`${participantPath(ref)}/visits/${encodeURIComponent(ref.visitKey)}`, {
      method: 'PUT',
      body: ref.body,
      schema: RecordVisitResponseSchema,
    }),
  endParticipation: (ref: ParticipantRef, body: EndParticipationBody) =>
    apiRequest(`${participantPath(ref)}/end-of-participation`, {
      method: 'POST',
      body,
      schema: CasebookResponseSchema,
    }),
  addUnscheduledVisit: (ref: ParticipantRef, body: { date: string; reason: string }) =>
    apiRequest(`${participantPath(ref)}/unscheduled-visits`, {
      method: 'POST',
      body,
      schema: RecordVisitResponseSchema,
    }),
  createVisitForm: (ref: ParticipantRef & { visitId: string; formKey: string; body: SaveFormBody }) =>
    apiRequest(
      `${participantPath(ref)}/visits/${encodeURIComponent(ref.visitId)}/forms/${encodeURIComponent(ref.formKey)}`,
      { method: 'PUT', body: ref.body, schema: SaveFormResponseSchema },
    ),
  createLogEntry: (ref: ParticipantRef & { formKey: string; body: SaveFormBody }) =>
    apiRequest(`${participantPath(ref)}/logs/${encodeURIComponent(ref.formKey)}`, {
      method: 'POST',
      body: ref.body,
      schema: SaveFormResponseSchema,
    }),
  getForm: (ref: FormRecordRef, signal?: AbortSignal) =>
    apiRequest(formPath(ref), { schema: FormRecordSchema, signal }),
  saveForm: (ref: FormRecordRef, body: SaveFormBody) =>
    apiRequest(formPath(ref), { method: 'PUT', body, schema: SaveFormResponseSchema }),
  formHistory: (ref: FormRecordRef, signal?: AbortSignal) =>
    apiRequest(`${formPath(ref)}/history`, { schema: FormHistoryResponseSchema, signal }),
  raiseQuery: (ref: FormRecordRef, body: { itemId: string; text: string }) =>
    apiRequest(`${formPath(ref)}/queries`, { method: 'POST', body, schema: DataQuerySchema }),
  queryAction: (params: { studyId: string; queryId: string; action: QueryAction; text: string }) =>
    apiRequest(
      `${studyPath(params.studyId)}/queries/${encodeURIComponent(params.queryId)}/${params.action}`,
      { method: 'POST', body: { text: params.text }, schema: DataQuerySchema },
    ),
  listQueries: (studyId: string, filter: QueryListFilter = {}, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/queries${querySearch(filter)}`, {
      schema: QueryListResponseSchema,
      signal,
    }),
  verify: (ref: FormRecordRef, body: { itemIds?: string[]; formVersion: number }) =>
    apiRequest(`${formPath(ref)}/verify`, { method: 'POST', body, schema: FormRecordSchema }),
  signForm: (ref: FormRecordRef, formVersion: number) =>
    apiRequest(`${formPath(ref)}/sign`, { method: 'POST', body: { formVersion }, schema: FormRecordSchema }),
  signCasebook: (ref: ParticipantRef) =>
    apiRequest(`${participantPath(ref)}/casebook/sign`, {
      method: 'POST',
      body: {},
      schema: CasebookResponseSchema,
    }),
  listLocks: (studyId: string, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/locks`, { schema: LockListResponseSchema, signal }),
  lock: (studyId: string, body: LockBody) =>
    apiRequest(`${studyPath(studyId)}/locks`, { method: 'POST', body, schema: DataLockSchema }),
  unlock: (params: { studyId: string; lockId: string; reason: string }) =>
    apiRequest(`${studyPath(params.studyId)}/locks/${encodeURIComponent(params.lockId)}/unlock`, {
      method: 'POST',
      body: { reason: params.reason },
      schema: DataLockSchema,
    }),
};
