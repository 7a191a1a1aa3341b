import {
  listFormRecords,
  listParticipants,
  listSiteLabRanges,
  listSites,
  verifyAuditChain,
} from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, mutableClock, type TestApp } from '../../testing/test-app.js';
import { seedProtocol } from '../../testing/test-protocol.js';
import { loadProtocol } from '../protocol.service.js';
import { SYSTEM_ACTOR } from '../service-context.js';

import { generateDemoData, loadDemoIntoEmptyStudies } from './demo.service.js';

let t: TestApp;
let studyId = '';

beforeAll(async () => {
  t = await createTestApp({ clock: mutableClock(new Date('2026-11-22T09:00:00Z')) });
  studyId = (
    await loadProtocol(t.deps, SYSTEM_ACTOR, {
      text: JSON.stringify(seedProtocol('nct04821479.yaml')),
      sourceName: 'x.json',
    })
  ).studyId;
});
afterAll(async () => t.close());

describe('demo data through the real services', () => {
  it('screens, enrolls and fills casebooks with synthetic participants, all audited', async () => {
    const summary = await generateDemoData(t.deps, { studyId, participants: 4, seed: 'test-seed' });
    expect(summary.screened).toBe(4);
    expect(summary.enrolled + summary.screenFailures + summary.notEnrolled.length).toBe(4);
    expect(summary.enrolled).toBeGreaterThan(0);
    expect(summary.visits).toBeGreaterThan(summary.enrolled);
    expect(summary.adverseEvents).toBeGreaterThan(0);
    const participants = await listParticipants(t.database.db, { studyId, siteIds: 'all' });
    expect(participants).toHaveLength(4);
    expect(participants.every((p) => p.synthetic)).toBe(true);
    const enrolled = participants.filter((p) => p.status === 'enrolled');
    const forms = await listFormRecords(t.database.db, enrolled[0]?.id ?? '');
    const alsfrs = forms.filter((f) => f.form_key === 'alsfrs-r');
    expect(alsfrs.length).toBeGreaterThan(1);
    for (const f of alsfrs) {
      expect((f.derived as { total?: { value: number } }).total?.value).toBeGreaterThanOrEqual(0);
    }
    const site = (await listSites(t.database.db, studyId))[0]?.id ?? '';
    expect((await listSiteLabRanges(t.database.db, site)).length).toBeGreaterThan(0);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('leaves a study that already has participants alone at start-up', async () => {
    expect(await loadDemoIntoEmptyStudies(t.deps, { participants: 2, seed: 'again' })).toEqual([]);
    expect(await listParticipants(t.database.db, { studyId, siteIds: 'all' })).toHaveLength(4);
  });
});
