import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProtocolProblem, parseProtocolYaml } from './parse-protocol-yaml.js';

const docText = readFileSync(resolve(import.meta.dirname, '../../../../docs/protocol-format.md'), 'utf8');

function block(language: string, after: string): string {
  const from = docText.indexOf(after);
  const start = docText.indexOf(`\`\`\`${language}\n`, from) + language.length + 4;
  return docText.slice(start, docText.indexOf('```', start));
}

describe('docs/protocol-format.md', () => {
  const example = block('yaml', '## Worked example');

  it('has a worked example that validates', () => {
    expect(parseProtocolYaml(example, 'example.yaml')).toMatchObject({ kind: 'ok' });
  });

  it('shows exactly the problems validate reports for the broken variant', () => {
    const broken = example
      .replace('ratio: { msc: 2, sham: 1 }', 'ratio: { msc: 1, sham: 1 }')
      .replace('offsetDays: 91 # 3 months\n    window:', 'offsetDays: 91 # 3 months\n    windw:')
      .replace(
        'repeat: { everyDays: 30, count: 3 }\n    window: { before: 3, after: 3 }',
        'repeat: { everyDays: 30, count: 3 }\n    window: { before: 15, after: 15 }',
      );
    const result = parseProtocolYaml(broken, 'example.yaml');
    const lines = result.kind === 'invalid' ? result.problems.map(formatProtocolProblem) : [];
    const documented = block('text', '`validate` prints:').trim().split('\n').slice(0, -1);
    expect(lines).toEqual(documented);
  });
});
