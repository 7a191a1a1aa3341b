import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import type { Protocol } from '../protocol/protocol-types.js';
import { findUnknownFormDefinitions } from '../protocol/validate-references.js';

/** The seed protocols (protocols/*.yaml) by file name, parsed as data (contracts validates them in full). */
function seedProtocols(): Map<string, Protocol> {
  const dir = resolve(import.meta.dirname, '../../../../protocols');
  const seeds = new Map<string, Protocol>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.yaml'))) {
    seeds.set(file, parse(readFileSync(resolve(dir, file), 'utf8')) as Protocol);
  }
  return seeds;
}

function withForms(ids: readonly string[]) {
  return { ...protocolFixture(), forms: ids.map((id) => ({ id, name: id })) };
}

describe('protocol rule unknown-form-definition', () => {
  it('passes every seed protocol', () => {
    const seeds = seedProtocols();
    expect(seeds.size).toBe(5);
    for (const [file, protocol] of seeds) {
      expect(protocol.forms.length, file).toBeGreaterThan(10);
      expect(findUnknownFormDefinitions(protocol), file).toEqual([]);
    }
  });

  it('names the form by path and suggests the closest library id', () => {
    expect(
      findUnknownFormDefinitions(withForms(['vital-signs', 'alsfrs', 'quality-of-life-questionnaire'])),
    ).toEqual([
      {
        path: ['forms', 1, 'id'],
        rule: 'unknown-form-definition',
        message: "form 'alsfrs' has no definition in the form library (did you mean 'alsfrs-r'?)",
      },
      {
        path: ['forms', 2, 'id'],
        rule: 'unknown-form-definition',
        message: "form 'quality-of-life-questionnaire' has no definition in the form library",
      },
    ]);
  });
});
