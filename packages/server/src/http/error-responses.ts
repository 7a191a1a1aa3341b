import { ErrorBodySchema } from '@celltrial/contracts';

/** Error responses of a reading route (OpenAPI): bad input, not logged in, not allowed, not found. */
export const READ_ERRORS = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
};

/** Error responses of a writing route: also stale version or conflict, a broken rule, locked data. */
export const WRITE_ERRORS = {
  ...READ_ERRORS,
  409: ErrorBodySchema,
  422: ErrorBodySchema,
  423: ErrorBodySchema,
};

/** Error responses of a route that renders a PDF through Chromium (503 when it is missing). */
export const PDF_ERRORS = { ...READ_ERRORS, 503: ErrorBodySchema };
