import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthDeps, ResolvedSession } from '../services/auth.service.js';
import type { Actor } from '../services/service-context.js';

/** The Fastify instance with zod schemas as its type provider. */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What routes get from the app: the services' dependencies plus facts for health. */
export interface AppDeps extends AuthDeps {
  readonly engine: 'pglite' | 'postgres';
  readonly version: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null;
    actor: Actor;
  }
}
