import { HealthResponseSchema } from '@celltrial/contracts';
import { migrationStatus } from '@celltrial/db';
import type { ApiApp, AppDeps } from '../app-types.js';
import { PUBLIC } from '../route-access.js';

export function registerSystemRoutes(app: ApiApp, deps: AppDeps): void {
  app.get('/api/health', {
    config: { access: PUBLIC },
    schema: {
      tags: ['system'],
      summary: 'Liveness, database reachability and migration version',
      response: { 200: HealthResponseSchema, 503: HealthResponseSchema },
    },
    handler: async (_request, reply) => {
      try {
        const status = await migrationStatus(deps.db);
        return {
          status: status.pending.length === 0 ? ('ok' as const) : ('degraded' as const),
          version: deps.version,
          database: {
            engine: deps.engine,
            reachable: true,
            migration: status.current,
            pendingMigrations: status.pending.length,
          },
        };
      } catch {
        return reply.status(503).send({
          status: 'degraded',
          version: deps.version,
          database: { engine: deps.engine, reachable: false, migration: null, pendingMigrations: 0 },
        });
      }
    },
  });

  app.get('/api/openapi.json', {
    config: { access: PUBLIC },
    schema: { hide: true },
    handler: () => Promise.resolve(app.swagger()),
  });
}
