import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listAuditEvents, listStudies } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, loginAs, type TestApp } from '../../testing/test-app.js';

const SEED = fileURLToPath(new URL('../../../../../protocols/nct04821479.yaml', import.meta.url));
const text = readFileSync(SEED, 'utf8');

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, { username: 'root', admin: true });
  admin = await loginAs(t, 'root');
});
afterAll(async () => t.close());

const load = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/protocols', headers: { cookie: admin }, payload });

describe('loading protocols', () => {
  let studyId = '';

  it('creates the study with its sites and version 1, audited', async () => {
    const res = await load({ text, sourceName: 'protocols/nct04821479.yaml' });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ kind: string; studyId: string; code: string; version: number }>();
    expect(body).toMatchObject({ kind: 'created', code: 'nct04821479', version: 1 });
    studyId = body.studyId;
    const study = (await listStudies(t.database.db)).find((s) => s.id === studyId);
    expect(study?.registry_ids).toContain('NCT04821479');
    expect(study?.site_count).toBeGreaterThan(0);
    const actions = (await listAuditEvents(t.database.db, { studyId, limit: 100 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['study.create', 'site.create', 'protocol.load']));
  });

  it('leaves an unchanged file alone (comments and formatting do not count)', async () => {
    const res = await load({ text: `# an added comment\n${text}`, sourceName: 'protocols/nct04821479.yaml' });
    expect(res.json()).toMatchObject({ kind: 'unchanged', version: 1 });
  });

  it('refuses a changed protocol without an amendment reason, then amends with one', async () => {
    const changed = text.replace(/^title: (.*)$/m, 'title: $1 (amended)');
    expect(changed).not.toBe(text);
    const refused = await load({ text: changed, sourceName: 'protocols/nct04821479.yaml' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      error: {
        code: 'BUSINESS_RULE_VIOLATED',
        details: { rule: 'amendment-requires-reason', currentVersion: 1 },
      },
    });

    const amended = await load({
      text: changed,
      sourceName: 'protocols/nct04821479.yaml',
      amendmentReason: 'Title corrected per amendment 2',
    });
    expect(amended.json()).toMatchObject({ kind: 'amended', version: 2 });
    const versions = await t.app.inject({
      method: 'GET',
      url: `/api/studies/${studyId}/protocol/versions`,
      headers: { cookie: admin },
    });
    expect(
      versions.json<{ versions: Array<{ version: number; amendmentReason: string | null }> }>().versions,
    ).toMatchObject([
      { version: 2, amendmentReason: 'Title corrected per amendment 2' },
      { version: 1, amendmentReason: null },
    ]);
    const audit = (await listAuditEvents(t.database.db, { studyId, limit: 100 })).find(
      (e) => e.action === 'protocol.amend',
    );
    expect(audit).toMatchObject({
      reason: 'Title corrected per amendment 2',
      before: { version: 1 },
      after: { version: 2 },
    });
  });

  it('rejects an invalid file listing every problem with line numbers, writing nothing', async () => {
    const before = (await listAuditEvents(t.database.db, { limit: 10_000 })).length;
    const broken = text.replace(/^title: .*$/m, 'titel: misspelt key').replace(/^id: .*$/m, 'id: Not A Slug');
    const res = await load({ text: broken, sourceName: 'broken.yaml' });
    expect(res.statusCode).toBe(422);
    const problems = res.json<{
      error: { code: string; details: { problems: Array<{ line: number; rule: string }> } };
    }>().error;
    expect(problems.code).toBe('PROTOCOL_INVALID');
    expect(problems.details.problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.details.problems.every((p) => p.line >= 1)).toBe(true);
    expect((await listAuditEvents(t.database.db, { limit: 10_000 })).length).toBe(before);
  });

  it('serves the current protocol and a planned schedule', async () => {
    const current = await t.app.inject({
      method: 'GET',
      url: `/api/studies/${studyId}/protocol`,
      headers: { cookie: admin },
    });
    expect(current.json()).toMatchObject({ current: { version: 2 }, protocol: { id: 'nct04821479' } });
    const schedule = await t.app.inject({
      method: 'GET',
      url: `/api/studies/${studyId}/schedule?anchor=2026-01-05`,
      headers: { cookie: admin },
    });
    expect(schedule.statusCode).toBe(200);
    const entries = schedule.json<{ entries: Array<{ date: string; activities: string[] }> }>().entries;
    expect(entries.length).toBeGreaterThan(5);
    expect(entries[0]?.date).toBe('2026-01-05');
    expect(entries.filter((e) => e.activities.some((a) => a.startsWith('dose:')))).toHaveLength(4);
    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/studies/${studyId}/schedule?anchor=2026-02-30`,
      headers: { cookie: admin },
    });
    expect(bad.statusCode).toBe(400);
  });
});
