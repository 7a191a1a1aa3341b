import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { protocolFixture } from '../protocol/protocol-test-fixture.js';
import { findUnknownFormDefinitions } from '../protocol/validate-references.js';

/** The `forms:` ids of each seed protocol (one `- { id: x, name: … }` per line). */
function seedForms(): Map<string, string[]> {
  const dir = resolve(import.meta.dirname, '../../../../protocols');
  const seeds = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.yaml'))) {
    const block = /^forms:\n((?:\s+- .*\n)+)/m.exec(readFileSync(resolve(dir, file), 'utf8'))?.[1] ?? '';
    seeds.set(
      file,
      [...block.matchAll(/id: ([a-z0-9-]+)/g)].map((match) => match[1] ?? ''),
    );
  }
  return seeds;
}

function withForms(ids: readonly string[]) {
  return { ...protocolFixture(), forms: ids.map((id) => ({ id, name: id })) };
}

describe('protocol rule unknown-form-definition', () => {
  it('passes every seed protocol', () => {
    const seeds = seedForms();
    expect(seeds.size).toBe(5);
    for (const [file, ids] of seeds) {
      expect(ids.length, file).toBeGreaterThan(10);
      expect(findUnknownFormDefinitions(withForms(ids)), file).toEqual([]);
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
