import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiApp } from './app-types.js';
import { createApp } from './create-app.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let web: ApiApp;
let dist: string;
beforeAll(async () => {
  t = await createTestApp();
  dist = await mkdtemp(join(tmpdir(), 'celltrial-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>celltrial</title>');
  await writeFile(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  web = await createApp({ deps: t.deps, webDist: dist });
});
afterAll(async () => {
  await web.close();
  await t.close();
  await rm(dist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves files, the app for client routes, and 404 for missing files', async () => {
    expect((await web.inject({ method: 'GET', url: '/assets/app-1.js' })).body).toBe('console.log(1)');
    const root = await web.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<title>celltrial</title>');
    const route = await web.inject({ method: 'GET', url: '/studies/123/overview' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<title>celltrial</title>');
    expect((await web.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await web.inject({ method: 'GET', url: '/favicon.ico' })).statusCode).toBe(404);
    expect((await web.inject({ method: 'GET', url: '/api/nothing' })).json()).toMatchObject({
      error: { code: 'ROUTE_NOT_FOUND' },
    });
  });

  it('serves files added after start-up (a rebuild needs no restart)', async () => {
    await writeFile(join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await web.inject({ method: 'GET', url: '/assets/app-2.js' })).body).toBe('console.log(2)');
  });
});
