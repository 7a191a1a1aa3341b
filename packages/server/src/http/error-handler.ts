import { ERROR_CATALOG, type ErrorBody, type ErrorCode } from '@celltrial/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors/app-error.js';

interface Mapped {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: unknown;
}

const FASTIFY_CODES: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
};

function mapError(error: FastifyError | Error, bodyLimit: number): Mapped {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, details: error.details };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const issues = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      rule: v.keyword,
      message: v.message ?? v.keyword,
    }));
    const first = issues[0];
    const summary = first === undefined ? 'invalid request' : `${first.path}: ${first.message}`;
    return { code: 'VALIDATION_FAILED', message: summary, details: { issues } };
  }
  const fastifyCode = 'code' in error ? FASTIFY_CODES[error.code] : undefined;
  if (fastifyCode === 'BODY_TOO_LARGE') {
    return {
      code: fastifyCode,
      message: `request body larger than ${bodyLimit} bytes`,
      details: { limitBytes: bodyLimit },
    };
  }
  if (fastifyCode !== undefined) {
    return { code: fastifyCode, message: error.message };
  }
  const pgCode = (error as { code?: unknown }).code;
  if (pgCode === '23505') {
    return { code: 'CONFLICT', message: 'a record with the same unique value already exists' };
  }
  if (pgCode === 'ECONNREFUSED' || pgCode === '57P01' || pgCode === '08006') {
    return { code: 'DATABASE_UNAVAILABLE', message: 'the database cannot be reached' };
  }
  return { code: 'INTERNAL_ERROR', message: 'unexpected server error' };
}

/** The single error handler: every failure leaves as `{ error: { code, message, details } }`. */
export function createErrorHandler(bodyLimit: number) {
  return async (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const mapped = mapError(error, bodyLimit);
    const status = ERROR_CATALOG[mapped.code].status;
    if (status >= 500) {
      request.log.error({ err: error, serialization: isResponseSerializationError(error) }, 'request failed');
    } else {
      request.log.info({ code: mapped.code }, mapped.message);
    }
    const body: ErrorBody = {
      error: { code: mapped.code, message: mapped.message, details: mapped.details },
    };
    await reply.status(status).type('application/json').send(body);
  };
}
