// API calls of issue 4: participants, screening records, eligibility confirmation, screen failures,
// randomization, emergency unblinding and the screening log. Every response is validated with the
// contracts' schemas through apiRequest.
import {
  ParticipantListResponseSchema,
  ParticipantSchema,
  RandomizeResponseSchema,
  ScreeningLogResponseSchema,
  ScreeningResponseSchema,
  UnblindResponseSchema,
  type PARTICIPANT_STATUSES,
} from '@celltrial/contracts';
import { apiRequest } from './api-client.js';

export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** Filters of GET /studies/:studyId/participants. */
export interface ParticipantListFilter {
  siteId?: string;
  status?: ParticipantStatus;
}

/** Body of PUT …/screening. */
export interface SaveScreeningBody {
  data: Record<string, unknown>;
  /** The revision the user edited (0 for the first save). */
  expectedRevision: number;
  /** Required when changing a saved record (revision > 0). */
  reasonForChange?: string;
}

/** The identifiers of one participant of one study. */
export interface ParticipantRef {
  studyId: string;
  participantId: string;
}

const studyPath = (studyId: string): string => `/studies/${encodeURIComponent(studyId)}`;
const participantPath = ({ studyId, participantId }: ParticipantRef): string =>
  `${studyPath(studyId)}/participants/${encodeURIComponent(participantId)}`;

function listSearch(filter: ParticipantListFilter): string {
  const params = new URLSearchParams();
  if (filter.siteId !== undefined) {
    params.set('siteId', filter.siteId);
  }
  if (filter.status !== undefined) {
    params.set('status', filter.status);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Typed calls for the participant and screening endpoints. */
export const participantsApi = {
  list: (studyId: string, filter: ParticipantListFilter = {}, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/participants${listSearch(filter)}`, {
      schema: ParticipantListResponseSchema,
      signal,
    }),
  register: (studyId: string, siteId: string) =>
    apiRequest(`${studyPath(studyId)}/participants`, {
      method: 'POST',
      body: { siteId },
      schema: ParticipantSchema,
    }),
  get: (ref: ParticipantRef, signal?: AbortSignal) =>
    apiRequest(participantPath(ref), { schema: ParticipantSchema, signal }),
  getScreening: (ref: ParticipantRef, signal?: AbortSignal) =>
    apiRequest(`${participantPath(ref)}/screening`, { schema: ScreeningResponseSchema, signal }),
  saveScreening: (ref: ParticipantRef, body: SaveScreeningBody) =>
    apiRequest(`${participantPath(ref)}/screening`, {
      method: 'PUT',
      body,
      schema: ScreeningResponseSchema,
    }),
  confirmEligibility: (ref: ParticipantRef, recordRevision: number) =>
    apiRequest(`${participantPath(ref)}/eligibility/confirm`, {
      method: 'POST',
      body: { recordRevision },
      schema: ParticipantSchema,
    }),
  screenFailure: (ref: ParticipantRef, body: { note: string; expectedRowVersion: number }) =>
    apiRequest(`${participantPath(ref)}/screen-failure`, {
      method: 'POST',
      body,
      schema: ParticipantSchema,
    }),
  randomize: (ref: ParticipantRef) =>
    apiRequest(`${participantPath(ref)}/randomize`, { method: 'POST', schema: RandomizeResponseSchema }),
  unblind: (ref: ParticipantRef, reason: string) =>
    apiRequest(`${participantPath(ref)}/unblind`, {
      method: 'POST',
      body: { reason },
      schema: UnblindResponseSchema,
    }),
  screeningLog: (studyId: string, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/screening-log`, { schema: ScreeningLogResponseSchema, signal }),
};
