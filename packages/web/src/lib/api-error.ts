import { FieldIssueSchema, type ErrorCode, type FieldIssue } from '@celltrial/contracts';

/** Codes the client adds to the server's catalog: the server was unreachable or answered unexpectedly. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export interface ApiErrorInit {
  status: number;
  code: ApiErrorCode;
  message: string;
  details?: unknown;
}

/** An API failure: the server's `{ error: { code, message, details } }` body, or a client-side code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
  }
}

/** True when `error` is an ApiError (optionally with the given code). */
export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The field-level problems of a VALIDATION_FAILED error (empty for any other error). */
export function fieldIssuesOf(error: unknown): FieldIssue[] {
  if (!isApiError(error, 'VALIDATION_FAILED') || !isRecord(error.details)) {
    return [];
  }
  const parsed = FieldIssueSchema.array().safeParse(error.details.issues);
  return parsed.success ? parsed.data : [];
}

/** Seconds until an ACCOUNT_LOCKED account may try again, or null when the error is not a lockout. */
export function retryAfterSecondsOf(error: unknown): number | null {
  if (!isApiError(error, 'ACCOUNT_LOCKED') || !isRecord(error.details)) {
    return null;
  }
  const seconds = error.details.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The message of the first field issue for `field` (the server may prefix paths with `body.`). */
export function fieldIssueFor(error: unknown, field: string): string | undefined {
  return fieldIssuesOf(error).find((issue) => issue.path === field || issue.path === `body.${field}`)
    ?.message;
}

/** An error's message as a sentence for display: capital first letter, final full stop. */
export function displayMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message.trim() : '';
  if (raw === '') {
    return 'Something went wrong.';
  }
  const capitalised = raw.charAt(0).toUpperCase() + raw.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
