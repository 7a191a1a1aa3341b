// Keeps docs/eligibility-rules.md and docs/screening-record.md in step with the code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONDITION_CODES, MEDICATION_CLASSES, parseRule, RULE_VARIABLES } from '@celltrial/core';
import { describe, expect, it } from 'vitest';
import { ScreeningRecordSchema } from './screening-record.schema.js';

const docs = resolve(import.meta.dirname, '../../../../docs');
const rulesDoc = readFileSync(resolve(docs, 'eligibility-rules.md'), 'utf8');
const recordDoc = readFileSync(resolve(docs, 'screening-record.md'), 'utf8');

describe('docs/eligibility-rules.md', () => {
  it('lists every rule variable', () => {
    const missing = [...RULE_VARIABLES.keys()].filter(
      (name) => !rulesDoc.includes(`\`${name}\``) && !/^alsfrsR\.item([2-9]|1[01])$/.test(name),
    );
    expect(missing).toEqual([]);
  });

  it('shows the syntax errors the parser really reports', () => {
    const section = rulesDoc.slice(
      rulesDoc.indexOf('### Syntax errors'),
      rulesDoc.indexOf('### Names and types'),
    );
    const rows = [...section.matchAll(/^\| `([^`]+)`\s+\| `(.+)`\s+\|$/gm)];
    expect(rows.length).toBeGreaterThan(4);
    for (const [, rule, documented] of rows) {
      const result = parseRule(rule ?? '');
      const message = result.kind === 'invalid' ? result.error.message : 'parsed';
      const [prefix = ''] = (documented ?? '').split('…');
      expect(message, rule).toContain(prefix);
    }
  });
});

describe('docs/screening-record.md', () => {
  it('documents every field, condition code and medication class', () => {
    const fields = Object.keys(ScreeningRecordSchema.shape);
    expect(fields.filter((field) => !recordDoc.includes(`\`${field}\``))).toEqual([]);
    expect(Object.keys(CONDITION_CODES).filter((code) => !recordDoc.includes(`\`${code}\``))).toEqual([]);
    expect(Object.keys(MEDICATION_CLASSES).filter((name) => !recordDoc.includes(`\`${name}\``))).toEqual([]);
    const nested = ['diagnosis', 'labs', 'alsfrsR'] as const;
    for (const parent of nested) {
      const schema = ScreeningRecordSchema.shape[parent].unwrap();
      const missing = Object.keys(schema.shape).filter((key) => !recordDoc.includes(`.${key}\``));
      expect(missing, parent).toEqual([]);
    }
  });
});
