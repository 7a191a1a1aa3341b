import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Protocol } from '@celltrial/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { parseProtocolYaml } from './parse-protocol-yaml.js';
import type { ProtocolSchema } from './protocol.schema.js';
import { protocolJsonSchema } from './protocol.schema.js';

const protocolsDir = resolve(import.meta.dirname, '../../../../protocols');
const SEEDS = ['nct03268603', 'nct04745299', 'nct04821479', 'nct06360861', 'nct06598202'];

function seed(id: string): Protocol {
  const file = `protocols/${id}.yaml`;
  const result = parseProtocolYaml(readFileSync(resolve(protocolsDir, `${id}.yaml`), 'utf8'), file);
  if (result.kind === 'invalid') {
    throw new Error(
      result.problems.map((p) => `${p.file}:${p.line}: ${p.path}: ${p.rule}: ${p.message}`).join('\n'),
    );
  }
  return result.protocol;
}

describe('seed protocols', () => {
  it('ships exactly the five seed trials', () => {
    expect(
      readdirSync(protocolsDir)
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    ).toEqual(SEEDS.map((id) => `${id}.yaml`));
  });

  for (const id of SEEDS) {
    it(`${id} validates, cites its registry record and encodes every criterion as a rule or a manual check`, () => {
      const protocol = seed(id);
      expect(protocol.id).toBe(id);
      expect(protocol.registryIds).toEqual([id.toUpperCase()]);
      const text = readFileSync(resolve(protocolsDir, `${id}.yaml`), 'utf8');
      expect(text.split('\n').slice(0, 8).join('\n')).toContain(
        `ClinicalTrials.gov record ${id.toUpperCase()}`,
      );
      expect(text).toContain('ASSUMES');
      expect(protocol.eligibility.criteria.length).toBeGreaterThan(3);
      // Every criterion is either a rule or a manual check (docs/eligibility-rules.md).
      for (const criterion of protocol.eligibility.criteria) {
        expect(criterion.rule !== undefined, criterion.id).toBe(criterion.manual !== true);
      }
    });
  }

  it('NCT04821479: per-kg dose, CTCAE v4.0, four injections', () => {
    const protocol = seed('nct04821479');
    expect(protocol.interventions[0]?.dose).toEqual({
      kind: 'per-kg',
      amountPerKg: 1e6,
      unit: 'cells',
      weight: 'dosing-visit',
    });
    expect(protocol.safety.ctcaeVersion).toBe('v4.0');
    expect(protocol.administrations[0]?.doses.map((d) => d.visit)).toEqual([
      'inj-1',
      'inj-2',
      'inj-3',
      'inj-4',
    ]);
    expect(protocol.eligibility.criteria.map((c) => c.id)).toEqual([
      'inc-1',
      'inc-2',
      'inc-3',
      'inc-4',
      'exc-1',
      'exc-2',
      'exc-3',
      'exc-4',
      'exc-5',
    ]);
  });

  it('NCT03268603: dose levels 1e7 / 5e7 (start) / 1e8 and assumed modification rules', () => {
    const aamsc = seed('nct03268603').interventions[0];
    expect(aamsc?.doseLevels?.map((level) => level.amount)).toEqual([1e7, 5e7, 1e8]);
    expect(aamsc?.startingLevel).toBe('dl-5e7');
    expect(aamsc?.doseModification?.rules.every((rule) => rule.assumption === true)).toBe(true);
    expect(aamsc?.volume).toEqual({ minMl: 5, maxMl: 10, vehicle: "Lactated Ringer's" });
  });

  it('NCT06598202: 3+3 over three cohorts with a 2-week DLT window, then 1:1 randomization', () => {
    const protocol = seed('nct06598202');
    expect(protocol.design.escalation).toMatchObject({
      design: 'three-plus-three',
      dltWindowDays: 14,
      levels: ['low', 'middle', 'high'],
      startLevel: 'low',
      escalateIfDltsAtMost: 0,
      stopIfDltsAtLeast: 2,
      cohorts: [
        { id: 'cohort-1', doseLevel: 'low' },
        { id: 'cohort-2', doseLevel: 'middle' },
        { id: 'cohort-3', doseLevel: 'high' },
      ],
    });
    expect(protocol.design.randomization?.ratio).toEqual({ exosomes: 1, placebo: 1 });
    expect(protocol.interventions[0]?.volume).toEqual({ ml: 1, per: 'nostril' });
  });

  it('NCT04745299: 1:2:2 randomization whose arm sizes follow the ratio', () => {
    const { design } = seed('nct04745299');
    expect(design.randomization?.ratio).toEqual({ 'single-cycle': 1, multiple: 2, control: 2 });
    expect(design.arms.map((arm) => arm.plannedSize)).toEqual([23, 46, 46]);
    expect(design.masking.masked).toHaveLength(4);
  });

  it('NCT06360861: single intravenous infusion of 3×10^6 cells/kg', () => {
    const protocol = seed('nct06360861');
    expect(protocol.interventions[0]).toMatchObject({
      route: 'intravenous',
      dose: { kind: 'per-kg', amountPerKg: 3e6 },
    });
    expect(protocol.administrations[0]?.doses).toHaveLength(1);
  });
});

describe('protocol schema', () => {
  it('infers exactly the core Protocol type', () => {
    expectTypeOf<z.output<typeof ProtocolSchema>>().toEqualTypeOf<Protocol>();
  });

  it('exports a JSON Schema that forbids unknown keys', () => {
    const schema = protocolJsonSchema();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['additionalProperties']).toBe(false);
    expect(schema['required']).toEqual(
      expect.arrayContaining(['formatVersion', 'id', 'visits', 'eligibility']),
    );
    expect(JSON.stringify(schema)).toContain('"previous-dose"');
  });
});
