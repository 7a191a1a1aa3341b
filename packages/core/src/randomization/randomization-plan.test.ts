import { describe, expect, it } from 'vitest';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import type { ProtocolRandomization } from '../protocol/protocol-types.js';
import { allocateNext } from './block-allocation.js';
import { minimize } from './minimization.js';
import { randomizationPlanFromProtocol } from './randomization-plan.js';
import { buildStratumKey } from './stratum-key.js';

describe('randomizationPlanFromProtocol', () => {
  it('permuted blocks from the protocol fixture: site-stratified, allocates by stratum key', () => {
    const randomization = protocolFixture().design.randomization;
    if (randomization === undefined) {
      throw new Error('fixture without randomization');
    }
    const plan = randomizationPlanFromProtocol(randomization, { seed: 'study-secret', siteCodes: ['S1'] });
    if (plan.kind !== 'ok' || plan.value.kind !== 'permuted-blocks') {
      throw new Error(JSON.stringify(plan));
    }
    expect(plan.value.scheme.blockSizes).toEqual([2, 4]);
    expect(plan.value.stratification).toEqual([{ id: 'site', levels: ['S1'] }]);
    const key = buildStratumKey({ factors: plan.value.stratification, values: { site: 'S1' } });
    expect(key).toEqual({ kind: 'ok', value: 'site=S1' });
    const first = allocateNext(plan.value.scheme, { stratumKey: 'site=S1', allocatedInStratum: 0 });
    expect(['a', 'b']).toContain(first.arm);
  });

  it('NCT04745299-type 1:2:2 with block lengths 5 and 10 is valid; lengths 4 and 8 are not', () => {
    const randomization: ProtocolRandomization = {
      ratio: { 'single-cycle': 1, multiple: 2, control: 2 },
      method: { kind: 'permuted-blocks', blockSizes: [5, 10] },
      strata: [{ id: 'site' }],
    };
    expect(randomizationPlanFromProtocol(randomization, { seed: 's' }).kind).toBe('ok');
    const bad = randomizationPlanFromProtocol(
      { ...randomization, method: { kind: 'permuted-blocks', blockSizes: [4, 8] } },
      { seed: 's' },
    );
    expect(bad.kind === 'invalid' ? bad.problems.map((p) => p.rule) : []).toEqual([
      'block-multiple-of-ratio',
      'block-multiple-of-ratio',
    ]);
  });

  it('minimization: factors are the protocol strata with their levels and weights', () => {
    const randomization: ProtocolRandomization = {
      ratio: { active: 1, placebo: 1 },
      method: {
        kind: 'minimization',
        factors: [{ stratum: 'site' }, { stratum: 'onset', weight: 2 }],
        imbalance: 'variance',
        bestArmProbability: 0.8,
      },
      strata: [{ id: 'site' }, { id: 'onset', levels: ['bulbar', 'limb'] }],
    };
    const plan = randomizationPlanFromProtocol(randomization, { seed: 's', siteCodes: ['ES01', 'DE02'] });
    if (plan.kind !== 'ok' || plan.value.kind !== 'minimization') {
      throw new Error(JSON.stringify(plan));
    }
    expect(plan.value.scheme.factors).toEqual([
      { id: 'site', weight: 1, levels: ['ES01', 'DE02'] },
      { id: 'onset', weight: 2, levels: ['bulbar', 'limb'] },
    ]);
    expect(plan.value.scheme.imbalance).toBe('variance');
    const d = minimize(plan.value.scheme, { previous: [], levels: { site: 'ES01', onset: 'limb' } });
    expect(d.kind).toBe('ok');
    const bad = minimize(plan.value.scheme, { previous: [], levels: { site: 'FR03', onset: 'limb' } });
    expect(bad.kind === 'invalid' ? bad.problems.map((p) => p.rule) : []).toEqual(['factor-level-unknown']);
  });
});
