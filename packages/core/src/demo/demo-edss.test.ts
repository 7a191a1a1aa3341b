import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate } from '../protocol/iso-date.js';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import type { Protocol } from '../protocol/protocol-types.js';
import { createSeededRng } from '../random/rng.js';
import { scoreEdss } from '../scales/edss.js';
import { edssPath, pointForTarget, snapToEdssStep } from './demo-edss.js';
import { generateDemoFormValues } from './generate-demo-form-values.js';
import { generateDemoParticipants } from './generate-demo-participants.js';

function spmsProtocol(): Protocol {
  const base = protocolFixture();
  return {
    ...base,
    conditions: ['Secondary Progressive Multiple Sclerosis'],
    eligibility: {
      ...base.eligibility,
      criteria: [
        { id: 'inc-1', kind: 'inclusion', text: 'SPMS', rule: 'condition = MS and msCourse = SPMS' },
      ],
    },
  };
}

describe('EDSS path', () => {
  it('worsens one step at a time from 0 to 7.0 and every point scores', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const path = edssPath(seed);
      expect(path[0]?.edss).toBe(0);
      expect(path[path.length - 1]?.edss).toBe(7);
      for (const point of path) {
        const scored = scoreEdss(point.scores);
        expect(scored.kind === 'ok' ? scored.value.edss : undefined).toBe(point.edss);
      }
    }
  });

  it('reaches every step from 3.0 to 6.5 exactly', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const path = edssPath(seed);
      for (let step = 3; step <= 6.5; step += 0.5) {
        expect(pointForTarget(path, step).edss).toBe(step);
      }
    }
  });

  it('snaps to real steps (0.5 does not exist; the path ends at 7.0)', () => {
    expect(snapToEdssStep(0.4)).toBe(1);
    expect(snapToEdssStep(3.74)).toBe(3.5);
    expect(snapToEdssStep(3.76)).toBe(4);
    expect(snapToEdssStep(8.2)).toBe(7);
  });
});

describe('EDSS forms of SPMS participants', () => {
  const result = generateDemoParticipants(spmsProtocol(), {
    count: 300,
    rng: createSeededRng('edss'),
    today: '2026-06-01',
    screenFailureRate: 0,
  });
  const participants = result.kind === 'ok' ? result.participants : [];

  function edssAt(index: number, days: number): number {
    const participant = participants[index]!;
    const values = generateDemoFormValues(
      { ...participant, outcome: { kind: 'ongoing' }, asOfDate: '2030-01-01' },
      { formId: 'edss', visitDate: addDaysToIsoDate(participant.screeningDate, days) },
    );
    const scored = scoreEdss(values as Record<string, unknown> as Parameters<typeof scoreEdss>[0]);
    if (scored.kind !== 'ok') {
      throw new Error(JSON.stringify(scored.problems));
    }
    return scored.value.edss;
  }

  it('score, with the screening EDSS within half a step of the baseline 3.0–6.5', () => {
    expect(participants).toHaveLength(300);
    participants.forEach((participant, index) => {
      const baseline = participant.trajectory.edssBaseline ?? Number.NaN;
      expect(baseline).toBeGreaterThanOrEqual(3);
      expect(baseline).toBeLessThanOrEqual(6.5);
      expect(Math.abs(edssAt(index, 0) - baseline)).toBeLessThanOrEqual(0.5);
      expect(participant.screening.edss).toBe(edssAt(index, 0));
    });
  });

  it('change slowly: over a year the mean rise is under half a point and few move by 1.5 or more', () => {
    const changes = participants.map((_, index) => edssAt(index, 365) - edssAt(index, 0));
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    expect(mean).toBeGreaterThan(0);
    expect(mean).toBeLessThan(0.5);
    expect(changes.filter((change) => Math.abs(change) >= 1.5).length).toBeLessThan(changes.length * 0.05);
  });
});
