import { describe, expect, it } from 'vitest';
import { formatPhases, matchesProtocolId, summarizeProtocol } from './protocol-summary.js';
import { protocolFixture } from './protocol-test-fixture.js';

describe('summarizeProtocol', () => {
  it('flattens the registry facts a study row needs', () => {
    const summary = summarizeProtocol(protocolFixture());
    expect(summary).toMatchObject({
      id: 'fixture',
      phase: 'Phase 1/Phase 2',
      registryIds: ['NCT00000001'],
      conditions: ['Amyotrophic Lateral Sclerosis'],
      plannedEnrollment: 20,
      sites: [{ code: 'S1', name: 'Site one', country: 'Nowhere', city: null }],
    });
  });

  it('formats phases in registry style and drops not-applicable', () => {
    expect(formatPhases(['phase-3'])).toBe('Phase 3');
    expect(formatPhases(['not-applicable'])).toBeNull();
    expect(formatPhases(['early-phase-1'])).toBe('Early Phase 1');
  });

  it('matches the slug or a registry id, case-insensitively', () => {
    const protocol = { id: 'nct04821479', registryIds: ['NCT04821479'] };
    expect(matchesProtocolId(protocol, 'NCT04821479')).toBe(true);
    expect(matchesProtocolId(protocol, 'nct04821479')).toBe(true);
    expect(matchesProtocolId(protocol, 'NCT0482147')).toBe(false);
  });
});
