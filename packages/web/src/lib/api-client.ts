// The one place that knows API URLs: a typed fetch wrapper that validates every response with the
// contracts' zod schemas and turns error bodies into ApiError.
import {
  CurrentProtocolResponseSchema,
  ErrorBodySchema,
  HealthResponseSchema,
  OkResponseSchema,
  ProtocolVersionListResponseSchema,
  ReauthenticateResponseSchema,
  ScheduleResponseSchema,
  SessionResponseSchema,
  SiteListResponseSchema,
  StudyListResponseSchema,
  StudySummarySchema,
  type LoginRequest,
} from '@celltrial/contracts';
import { ApiError } from './api-error.js';

/** Anything with zod's `safeParse` (kept structural so the web package needs no direct zod import). */
export interface ResponseSchema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequestOptions<T> {
  schema: ResponseSchema<T>;
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
}

export const API_PREFIX = '/api';

/** Sends one JSON request to the API (same-origin cookies) and returns the schema-validated body. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions<T>): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method: options.method ?? 'GET', credentials: 'same-origin', headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (options.signal) {
    init.signal = options.signal;
  }
  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, init);
  } catch (error) {
    if (options.signal?.aborted) {
      throw error;
    }
    throw new ApiError({
      status: 0,
      code: 'NETWORK_ERROR',
      message: 'Cannot reach the celltrial server. Check your connection and try again.',
    });
  }
  const payload = await readJson(response);
  if (!response.ok) {
    throw toApiError(response.status, payload);
  }
  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'UNEXPECTED_RESPONSE',
      message: 'The server sent a response this version of the app does not understand.',
      details: { issues: parsed.error.issues },
    });
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const parsed = ErrorBodySchema.safeParse(payload);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError({ status, code, message, details });
  }
  return new ApiError({
    status,
    code: status >= 500 ? 'INTERNAL_ERROR' : 'UNEXPECTED_RESPONSE',
    message: `The server answered ${status} without an error description.`,
  });
}

const studyPath = (studyId: string): string => `/studies/${encodeURIComponent(studyId)}`;

/** Query of GET /studies/:studyId/schedule: the start date (YYYY-MM-DD) and, when arms differ, the arm. */
export interface ScheduleQuery {
  anchor: string;
  arm?: string;
}

function scheduleSearch(query: ScheduleQuery): string {
  const params = new URLSearchParams({ anchor: query.anchor });
  if (query.arm !== undefined) {
    params.set('arm', query.arm);
  }
  return params.toString();
}

/** Typed calls for every endpoint the web app uses. */
export const api = {
  login: (body: LoginRequest) =>
    apiRequest('/auth/login', { method: 'POST', body, schema: SessionResponseSchema }),
  logout: () => apiRequest('/auth/logout', { method: 'POST', schema: OkResponseSchema }),
  session: (signal?: AbortSignal) => apiRequest('/auth/session', { schema: SessionResponseSchema, signal }),
  reauthenticate: (password: string) =>
    apiRequest('/auth/reauthenticate', {
      method: 'POST',
      body: { password },
      schema: ReauthenticateResponseSchema,
    }),
  listStudies: (signal?: AbortSignal) => apiRequest('/studies', { schema: StudyListResponseSchema, signal }),
  getStudy: (studyId: string, signal?: AbortSignal) =>
    apiRequest(studyPath(studyId), { schema: StudySummarySchema, signal }),
  listSites: (studyId: string, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/sites`, { schema: SiteListResponseSchema, signal }),
  getProtocol: (studyId: string, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/protocol`, { schema: CurrentProtocolResponseSchema, signal }),
  listProtocolVersions: (studyId: string, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/protocol/versions`, {
      schema: ProtocolVersionListResponseSchema,
      signal,
    }),
  getSchedule: (studyId: string, query: ScheduleQuery, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/schedule?${scheduleSearch(query)}`, {
      schema: ScheduleResponseSchema,
      signal,
    }),
  health: (signal?: AbortSignal) => apiRequest('/health', { schema: HealthResponseSchema, signal }),
};
