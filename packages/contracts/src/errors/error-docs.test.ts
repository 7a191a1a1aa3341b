import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, ERROR_CODES } from './error-codes.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/errors.md', import.meta.url)), 'utf8');
// Table rows may be padded by Prettier: | `CODE`   | 400 | meaning |
const documented = new Map(
  [...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [m[1], Number(m[2])]),
);

describe('docs/errors.md', () => {
  it('documents every error code with its status', () => {
    for (const code of ERROR_CODES) {
      expect({ code, status: documented.get(code) }).toEqual({ code, status: ERROR_CATALOG[code].status });
    }
  });

  it('lists no code that does not exist', () => {
    expect(documented.size).toBeGreaterThan(0);
    expect([...documented.keys()].filter((c) => !(ERROR_CODES as string[]).includes(c ?? ''))).toEqual([]);
  });
});
