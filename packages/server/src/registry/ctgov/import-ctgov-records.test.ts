// Every real registry record in ../shared/reference/ctgov/ (113 API v2 JSON + 90 legacy XML, see its
// README.md and manifest.csv) is imported: right NCT id and title, criteria whenever the record has
// eligibility text, and a draft that fails validation only where the importer left a TODO.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  problemsOutsideTodos,
  readManifest,
  readRecord,
  recordFacts,
  recordFiles,
} from './ctgov-test-records.js';
import { importCtgovRecord } from './import-ctgov.js';

const files = recordFiles();
const manifest = new Map(readManifest().map((row) => [row.file, row]));

describe('import of every shared real record', () => {
  it('finds the 203 records listed in manifest.csv', () => {
    expect(files).toHaveLength(203);
    expect(files.filter((file) => file.startsWith('v2/'))).toHaveLength(113);
    expect(files.every((file) => manifest.has(file))).toBe(true);
  });

  it.each(files)('%s', (file) => {
    const text = readRecord(file);
    const facts = recordFacts(file, text);
    const result = importCtgovRecord(text);
    if (result.kind !== 'ok') {
      throw new Error(`import failed: ${result.reason}`);
    }
    const { draft, yaml } = result;
    const protocol = draft.protocol;
    expect(draft.nctId).toBe(manifest.get(file)?.nct);
    expect(protocol.id).toBe(draft.nctId.toLowerCase());
    expect(protocol.registryIds[0]).toBe(draft.nctId);
    expect(protocol.title).toBe(facts.title ?? null);
    const criteria = protocol.eligibility.criteria;
    if (facts.hasCriteriaText) {
      expect(criteria.length).toBeGreaterThan(0);
    }
    const ids = criteria.map((criterion) => criterion.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const criterion of criteria) {
      expect(criterion.id).toMatch(criterion.kind === 'inclusion' ? /^inc-\d+$/ : /^exc-\d+$/);
      expect(criterion.text).toBe(criterion.text.trim());
      expect(criterion.text).not.toBe('');
      if (file.endsWith('.json')) {
        // Markdown escapes (\< \> \* \[ …) are resolved; a backslash before punctuation would be a leftover.
        expect(criterion.text).not.toMatch(/\\[!-/:-@[-`{-~]/);
      }
    }
    expect(yaml).toContain('# TODO:');
    // The comments leave the data intact: the YAML reads back as the draft.
    expect(parse(yaml)).toEqual(JSON.parse(JSON.stringify(protocol)));
    expect(problemsOutsideTodos(draft, yaml)).toEqual([]);
  });
});
