import { describe, expect, it } from 'vitest';
import { formatProtocolProblem, parseProtocolYaml, type ProtocolFileProblem } from './parse-protocol-yaml.js';
import { stringify } from 'yaml';
import { protocolFixtureYaml } from './protocol-yaml-fixture.js';

function problems(text: string): ProtocolFileProblem[] {
  const result = parseProtocolYaml(text, 'study.yaml');
  return result.kind === 'invalid' ? result.problems : [];
}

/** 1-based line of the first line of `text` that contains `needle` (the expected line, found by hand). */
function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line, i) => i >= from && line.includes(needle));
  if (index < 0) {
    throw new Error(`fixture has no line with ${needle}`);
  }
  return index + 1;
}

describe('parseProtocolYaml', () => {
  it('returns the typed protocol for a valid file', () => {
    const result = parseProtocolYaml(protocolFixtureYaml(), 'study.yaml');
    expect(result.kind).toBe('ok');
    expect(result.kind === 'ok' && result.protocol.visits.map((v) => v.id)).toEqual([
      'scr',
      'd1',
      'd2',
      'eos',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const text = protocolFixtureYaml().replace(
      '  - { id: vital-signs, name: Vital signs }',
      '  - { id: vital-signs, name: Vital signs',
    );
    const found = problems(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.rule === 'yaml-syntax')).toBe(true);
    // The unclosed flow mapping starts on this line; the parser notices it there or just after.
    const line = lineOf(text, '{ id: vital-signs, name: Vital signs');
    expect(found[0]?.line).toBeGreaterThanOrEqual(line);
    expect(found[0]?.line).toBeLessThanOrEqual(line + 1);
  });

  it('reports a duplicate key as a syntax error on the second key', () => {
    const text = protocolFixtureYaml().replace(
      'title: Fixture study\n',
      'title: Fixture study\ntitle: Again\n',
    );
    expect(problems(text)).toEqual([
      expect.objectContaining({ rule: 'yaml-syntax', line: lineOf(text, 'title: Again') }),
    ]);
  });

  it('points an unknown key at its own line and suggests the near miss', () => {
    const text = protocolFixtureYaml()
      .replace('    window: { before: 3, after: 3 }\n', '    windw: { before: 3, after: 3 }\n')
      .replace('anchor: { visit: scr }', 'anchor: { visit: scrr }')
      .replace('  plannedEnrollment: 20', '  plannedEnrolment: 20');
    const found = problems(text);
    const unknown = found.find((p) => p.path === 'visits[1].windw');
    expect(unknown).toMatchObject({
      path: 'visits[1].windw',
      line: lineOf(text, 'windw:'),
      message: "unknown key 'windw' (did you mean 'window'?)",
    });
    // A misspelt required key is one problem (not also "missing field"), and the semantic rules still
    // ran on the rest of the file, with the typos read as the keys they were meant to be.
    expect(found.map((p) => [p.path, p.rule])).toEqual([
      ['design.plannedEnrolment', 'unknown-key'],
      ['visits[1].anchor.visit', 'unknown-visit'],
      ['visits[1].windw', 'unknown-key'],
    ]);
  });

  it('names wrong types, missing fields and bad enum values with their lines', () => {
    const text = protocolFixtureYaml()
      .replace('plannedEnrollment: 20', 'plannedEnrollment: twenty')
      .replace('    name: Dose 2\n', '')
      .replace('anchor: previous-dose', 'anchor: next-dose');
    const found = problems(text);
    expect(found).toEqual([
      expect.objectContaining({
        path: 'design.plannedEnrollment',
        rule: 'wrong-type',
        line: lineOf(text, 'twenty'),
      }),
      expect.objectContaining({
        path: 'visits[2].name',
        rule: 'missing-field',
        line: lineOf(text, '- id: d2'),
        message: "missing required field 'name'",
      }),
      expect.objectContaining({
        path: 'visits[2].anchor',
        rule: 'invalid-value',
        line: lineOf(text, 'next-dose'),
      }),
    ]);
  });

  it('reports semantic problems at the YAML line of the offending value', () => {
    const text = protocolFixtureYaml().replace('anchor: { visit: scr }', 'anchor: { visit: scrr }');
    expect(problems(text)).toEqual([
      expect.objectContaining({
        path: 'visits[1].anchor.visit',
        rule: 'unknown-visit',
        line: lineOf(text, 'scrr'),
      }),
    ]);
  });

  it('reports a window wider than the gap to the next visit at that visit', () => {
    const text = protocolFixtureYaml().replace(
      'window: { before: 3, after: 3 } # d2',
      'window: { before: 40, after: 3 } # d2',
    );
    expect(problems(text)).toEqual([
      expect.objectContaining({
        path: 'visits[2].window',
        rule: 'window-overlap',
        line: lineOf(text, 'before: 40'),
      }),
    ]);
  });

  it('explains a comma that split unquoted flow text', () => {
    const text = protocolFixtureYaml().replace(
      '{ id: vital-signs, name: Vital signs }',
      '{ id: vital-signs, name: Vital signs, two }',
    );
    expect(problems(text)[0]?.message).toMatch(/quote the text/);
  });

  it('returns all problems sorted by line and formats them for the CLI', () => {
    const text = protocolFixtureYaml()
      .replace('plannedEnrollment: 20', 'plannedEnrollment: -1')
      .replace('formatVersion: 1', 'formatVersion: 2');
    const found = problems(text);
    expect(found.map((p) => p.line)).toEqual([...found.map((p) => p.line)].sort((a, b) => a - b));
    expect(found).toHaveLength(2);
    expect(formatProtocolProblem(found[0] as ProtocolFileProblem)).toBe(
      'study.yaml:1: formatVersion: invalid-value: Invalid input: expected 1',
    );
  });

  it('accepts one YAML document per file', () => {
    const text = `${protocolFixtureYaml()}---\nid: second\n`;
    const found = problems(text);
    expect(found.map((p) => [p.rule, p.line])).toEqual([['yaml-syntax', lineOf(text, '---')]]);
    expect(found[0]?.message).toMatch(/one YAML document/);
  });

  it('rejects a document that is not a mapping', () => {
    expect(problems(stringify(['a', 'b']))).toEqual([
      expect.objectContaining({ path: '', rule: 'wrong-type', line: 1 }),
    ]);
  });
});
