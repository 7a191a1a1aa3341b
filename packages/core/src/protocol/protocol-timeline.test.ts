import { describe, expect, it } from 'vitest';
import { resolveArmTimeline } from './protocol-timeline.js';
import { protocolFixture } from './protocol-test-fixture.js';

describe('resolveArmTimeline anchor keys', () => {
  it('names the occurrence whose date each visit is timed from', () => {
    // Fixture: bx ← {visit: scr}, d1 ← {procedure: biopsy} (done at bx), d2 ← previous-dose (d1),
    // fu ← first-dose (happens at d1, the arm's first dose), eos ← last-dose (d2); scr ← consent, a root.
    const timeline = resolveArmTimeline(protocolFixture(), { arm: 'a' });
    const anchors = Object.fromEntries(timeline.occurrences.map((o) => [o.key, o.anchorKey ?? null]));
    expect(anchors).toEqual({
      'scr#1': null,
      'bx#1': 'scr#1',
      'd1#1': 'bx#1',
      'd2#1': 'd1#1',
      'fu#1': 'd1#1',
      'fu#2': 'd1#1',
      'eos#1': 'd2#1',
    });
    expect(timeline.eventSources).toEqual({
      screening: 'scr#1',
      enrollment: 'scr#1',
      randomization: 'scr#1',
      'first-dose': 'd1#1',
      'last-dose': 'd2#1',
    });
  });

  it('drops the anchor key where a known event date pins or roots the visit', () => {
    const timeline = resolveArmTimeline(protocolFixture(), {
      arm: 'a',
      knownEvents: new Set(['first-dose']),
    });
    const byKey = new Map(timeline.occurrences.map((o) => [o.key, o]));
    expect(byKey.get('d1#1')).toMatchObject({ pinnedTo: 'first-dose' });
    expect(byKey.get('d1#1')?.anchorKey).toBeUndefined();
    expect(byKey.get('fu#1')?.anchorKey).toBeUndefined();
    expect(byKey.get('fu#1')?.root).toBe('first-dose');
    // The previous dose is still the d1 visit, now pinned to the known date.
    expect(byKey.get('d2#1')?.anchorKey).toBe('d1#1');
    // Where events happen does not depend on which dates are known.
    expect(timeline.eventSources['first-dose']).toBe('d1#1');
  });
});
