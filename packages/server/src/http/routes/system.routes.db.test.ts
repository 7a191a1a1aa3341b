import { LATEST_MIGRATION } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('system routes', () => {
  it('reports database reachability and the migration version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({
      status: 'ok',
      version: 'test',
      database: {
        engine: t.database.engine,
        reachable: true,
        migration: LATEST_MIGRATION,
        pendingMigrations: 0,
      },
    });
  });

  it('serves an OpenAPI document with every API route and a request id header', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'x-request-id': 'trace-abcdef12' },
    });
    expect(res.headers['x-request-id']).toBe('trace-abcdef12');
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of t.app.apiRoutes) {
      if (r.url.startsWith('/api/docs') || r.url === '/api/openapi.json') {
        continue;
      }
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect({
        path,
        method: r.method,
        present: doc.paths[path]?.[r.method.toLowerCase()] !== undefined,
      }).toMatchObject({ present: true });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers unknown API routes with ROUTE_NOT_FOUND', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });
});
