/**
 * The closed set of API error codes. Every code has an HTTP status and a one-line meaning;
 * docs/errors.md lists them all (a test keeps the two in step).
 */
export const ERROR_CATALOG = {
  VALIDATION_FAILED: {
    status: 400,
    meaning:
      'The request body, query or path did not match its schema; details list each field path and rule.',
  },
  MALFORMED_JSON: { status: 400, meaning: 'The request body is not valid JSON.' },
  BODY_TOO_LARGE: { status: 400, meaning: 'The request body exceeds the size limit (details.limitBytes).' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    meaning: 'The request body has a content type the endpoint does not accept.',
  },
  UNAUTHENTICATED: { status: 401, meaning: 'No valid session: log in first (or the session expired).' },
  INVALID_CREDENTIALS: { status: 401, meaning: 'The username or password is wrong.' },
  ACCOUNT_LOCKED: { status: 429, meaning: 'Too many failed logins; retry after details.retryAfterSeconds.' },
  REAUTHENTICATION_REQUIRED: {
    status: 401,
    meaning: 'The action needs a fresh password confirmation (e-signature).',
  },
  FORBIDDEN: { status: 403, meaning: 'Logged in, but no role grants this permission on this study or site.' },
  NOT_FOUND: { status: 404, meaning: 'The requested resource does not exist or is not visible to you.' },
  ROUTE_NOT_FOUND: { status: 404, meaning: 'No API route matches the method and path.' },
  CONFLICT: {
    status: 409,
    meaning: 'The request conflicts with existing data (e.g. a duplicate unique value).',
  },
  STALE_VERSION: {
    status: 409,
    meaning: 'The resource changed since you read it; details hold the current version.',
  },
  BUSINESS_RULE_VIOLATED: {
    status: 422,
    meaning: 'The request is well-formed but breaks a protocol or workflow rule named in details.rule.',
  },
  FORM_INVALID: {
    status: 422,
    meaning:
      'Form data breaks its definition (type, range, skip logic, a hard edit check); details.issues names each item and rule. Nothing was saved.',
  },
  DATA_LOCKED: {
    status: 423,
    meaning:
      'The form, visit, casebook or study is locked (details.lock); a data manager must unlock it with a reason first.',
  },
  PROTOCOL_INVALID: {
    status: 422,
    meaning: 'A protocol file failed validation; details.problems lists every problem.',
  },
  DATABASE_UNAVAILABLE: { status: 503, meaning: 'The database cannot be reached.' },
  PDF_RENDERER_UNAVAILABLE: {
    status: 503,
    meaning:
      'A PDF needs headless Chromium, which is missing or cannot start (details.executablePath); the HTML version works without it.',
  },
  INTERNAL_ERROR: {
    status: 500,
    meaning: 'An unexpected server error; the request id in the log identifies it.',
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
export const ERROR_CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];

export function httpStatusFor(code: ErrorCode): number {
  return ERROR_CATALOG[code].status;
}
