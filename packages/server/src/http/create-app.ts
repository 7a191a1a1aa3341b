import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError } from '../errors/app-error.js';
import { createAccessHook } from './access-hook.js';
import type { ApiApp, AppDeps } from './app-types.js';
import { createErrorHandler } from './error-handler.js';
import { PUBLIC, type RouteAccess } from './route-access.js';
import { registerAnalysisRoutes } from './routes/analysis.routes.js';
import { registerAuditRoutes } from './routes/audit.routes.js';
import { registerAuthRoutes } from './routes/auth.routes.js';
import { registerParticipantRoutes } from './routes/participant.routes.js';
import { registerCasebookRoutes } from './routes/casebook.routes.js';
import { registerDataQueryRoutes } from './routes/data-query.routes.js';
import { registerLabRangeRoutes } from './routes/lab-range.routes.js';
import { registerProtocolRoutes } from './routes/protocol.routes.js';
import { registerStudyRoutes } from './routes/study.routes.js';
import { registerSystemRoutes } from './routes/system.routes.js';
import { registerUserRoutes } from './routes/user.routes.js';
import { registerSafetyRoutes } from './routes/safety.routes.js';
import { registerDosingRoutes } from './routes/dosing.routes.js';

export interface CreateAppOptions {
  readonly deps: AppDeps;
  /** Directory of the built web app to serve at `/` (skipped when absent). */
  readonly webDist?: string | undefined;
  readonly logger?: FastifyServerOptions['logger'];
  readonly bodyLimit?: number;
}

/** Every route group; later features add theirs here. */
const ROUTE_GROUPS = [
  registerSystemRoutes,
  registerAuthRoutes,
  registerStudyRoutes,
  registerUserRoutes,
  registerAuditRoutes,
  registerProtocolRoutes,
  registerParticipantRoutes,
  registerCasebookRoutes,
  registerDataQueryRoutes,
  registerLabRangeRoutes,
  registerSafetyRoutes,
  registerDosingRoutes,
  registerAnalysisRoutes,
];

/** Builds the HTTP app (without listening): API under /api, OpenAPI docs, and the web app. */
export async function createApp(options: CreateAppOptions): Promise<ApiApp> {
  const bodyLimit = options.bodyLimit ?? 1_048_576;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null as never);

  const apiRoutes: ApiRouteInfo[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: PUBLIC };
    }
    if (!route.url.startsWith('/api/')) {
      return;
    }
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no access (see http/route-access.ts)`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') {
        apiRoutes.push({ method, url: route.url, access });
      }
    }
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'celltrial API',
        version: options.deps.version,
        description: 'Cell-therapy clinical trials: protocol, screening, data capture, safety, analysis.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler(createErrorHandler(bodyLimit));
  app.addHook('onRequest', createAccessHook(options.deps));

  for (const register of ROUTE_GROUPS) {
    register(app, options.deps);
  }

  const webDist = options.webDist;
  const serveWeb = webDist !== undefined && existsSync(webDist);
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: 'index.html' });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Client-side routes get the app; a missing file (anything with an extension) is a real 404.
    const isAppRoute = !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path);
    if (request.method === 'GET' && serveWeb && isAppRoute) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (!path.startsWith('/api')) {
      return reply.status(404).type('text/plain').send('not found');
    }
    throw new AppError('ROUTE_NOT_FOUND', `no route ${request.method} ${path}`);
  });
  return app;
}

export interface ApiRouteInfo {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared access, for the access-sweep test and docs. */
    apiRoutes: readonly ApiRouteInfo[];
  }
}

export type { ZodTypeProvider };
