import { allocationAt, randomizationPlanFromProtocol, type Protocol } from '@celltrial/core';
import { findStudySeed, listAllocations, listSites } from '@celltrial/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminActor, enrollParticipants } from '../testing/enroll-participants.js';
import { addUser, createTestApp, type TestApp } from '../testing/test-app.js';
import { randomizedTestProtocolText } from '../testing/test-protocol.js';
import { loadProtocol } from './protocol.service.js';
import { randomizeParticipant } from './randomization.service.js';
import { SYSTEM_ACTOR } from './service-context.js';

let t: TestApp;
let studyId = '';
let siteId = '';
let actor: ReturnType<typeof adminActor>;

beforeAll(async () => {
  t = await createTestApp();
  studyId = (
    await loadProtocol(t.deps, SYSTEM_ACTOR, { text: randomizedTestProtocolText(), sourceName: 'test.json' })
  ).studyId;
  siteId = (await listSites(t.database.db, studyId))[0]?.id ?? '';
  actor = adminActor(await addUser(t, { username: 'admin', admin: true }));
});
afterAll(async () => t.close());

describe('randomization under concurrency', () => {
  it('gives one allocation when the same participant is randomized by racing requests', async () => {
    const [id] = await enrollParticipants(t, { actor, studyId, siteId, count: 1 });
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        randomizeParticipant(t.deps, actor, { studyId, participantId: id ?? '' }),
      ),
    );
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.participant.allocation?.kitCode)).size).toBe(1);
    expect(
      (await listAllocations(t.database.db, studyId)).filter((a) => a.participant_id === id),
    ).toHaveLength(1);
  });

  it('numbers racing allocations of different participants 1..n in their stratum, following the block list', async () => {
    const ids = await enrollParticipants(t, { actor, studyId, siteId, count: 14 });
    await Promise.all(
      ids.map((participantId) => randomizeParticipant(t.deps, actor, { studyId, participantId })),
    );
    const rows = await listAllocations(t.database.db, studyId);
    expect(rows).toHaveLength(15);
    const sequences = rows.map((r) => r.stratum_sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.stratum_key)).size).toBe(1);

    // Every stored arm equals the slot the core engine computes from the study's secret seed.
    const seed = (await findStudySeed(t.database.db, studyId)) ?? '';
    const protocol = JSON.parse(randomizedTestProtocolText()) as Protocol;
    const siteCodes = (await listSites(t.database.db, studyId)).map((s) => s.code);
    const plan = randomizationPlanFromProtocol(protocol.design.randomization!, { seed, siteCodes });
    if (plan.kind !== 'ok' || plan.value.kind !== 'permuted-blocks') {
      throw new Error('expected a permuted-block plan');
    }
    for (const row of rows) {
      expect(row.arm_id).toBe(
        allocationAt(plan.value.scheme, { stratumKey: row.stratum_key, sequence: row.stratum_sequence }).arm,
      );
    }
    // 1:2:2 — every complete block (lengths 5 or 10) holds the ratio exactly.
    const blocks = new Map<number, { size: number; arms: string[] }>();
    for (const row of rows) {
      const { block, blockSize } = row.details as { block: number; blockSize: number };
      const entry = blocks.get(block) ?? { size: blockSize, arms: [] };
      entry.arms.push(row.arm_id);
      blocks.set(block, entry);
    }
    const complete = [...blocks.values()].filter((b) => b.arms.length === b.size);
    expect(complete.length).toBeGreaterThanOrEqual(1);
    for (const b of complete) {
      const k = b.size / 5;
      const counts = Object.fromEntries(
        ['single-cycle', 'multiple', 'control'].map((arm) => [arm, b.arms.filter((a) => a === arm).length]),
      );
      expect(counts).toEqual({ 'single-cycle': k, multiple: 2 * k, control: 2 * k });
    }
  });
});
