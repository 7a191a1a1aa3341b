import { describe, expect, it } from 'vitest';
import type { OperandNode, RuleNode } from './rule-ast.js';
import { parseRule } from './rule-parser.js';

function ast(text: string): RuleNode {
  const result = parseRule(text);
  if (result.kind === 'invalid') {
    throw new Error(`unexpected syntax error: ${result.error.message}`);
  }
  return result.ast;
}

function operandText(node: OperandNode): string {
  if (node.kind === 'name') {
    return node.name;
  }
  return node.kind === 'number' ? String(node.value) : node.kind;
}

/** The tree without spans, written as a compact string, to check structure and precedence at a glance. */
function shape(node: RuleNode): string {
  if (node.kind === 'and' || node.kind === 'or') {
    return `${node.kind}(${node.operands.map(shape).join(', ')})`;
  }
  if (node.kind === 'not') {
    return `not(${shape(node.operand)})`;
  }
  if (node.kind === 'flag') {
    return node.name.name;
  }
  if (node.kind === 'compare') {
    return `${operandText(node.left)}${node.op}${operandText(node.right)}`;
  }
  return node.kind;
}

describe('parseRule: constructs', () => {
  it('comparisons with every operator, ASCII and Unicode', () => {
    for (const [text, op] of [
      ['age < 18', '<'],
      ['age <= 18', '<='],
      ['age > 18', '>'],
      ['age >= 18', '>='],
      ['age = 18', '='],
      ['age != 18', '!='],
      ['age ≤ 18', '<='],
      ['age ≥ 18', '>='],
      ['age ≠ 18', '!='],
    ] as const) {
      expect(ast(text), text).toEqual({
        kind: 'compare',
        op,
        left: { kind: 'name', name: 'age', start: 0, end: 3 },
        right: { kind: 'number', value: 18, start: text.length - 2, end: text.length },
        start: 0,
        end: text.length,
      });
    }
  });

  it('decimal numbers, dotted variables, enumerated values and true/false', () => {
    expect(ast('labs.creatinineMgDl >= 2.0')).toMatchObject({
      left: { kind: 'name', name: 'labs.creatinineMgDl' },
      right: { kind: 'number', value: 2 },
    });
    expect(ast('sex = female')).toMatchObject({ right: { kind: 'name', name: 'female' } });
    expect(ast('familial = true')).toMatchObject({ right: { kind: 'boolean', value: true } });
    expect(ast('familial != false')).toMatchObject({ op: '!=', right: { kind: 'boolean', value: false } });
  });

  it('between (bounds included) with the spans of subject and bounds', () => {
    expect(ast('alsfrsR.total between 31 and 46')).toEqual({
      kind: 'between',
      subject: { kind: 'name', name: 'alsfrsR.total', start: 0, end: 13 },
      low: { kind: 'number', value: 31, start: 22, end: 24 },
      high: { kind: 'number', value: 46, start: 29, end: 31 },
      start: 0,
      end: 31,
    });
  });

  it('sets: in and not in, words with hyphens and numbers', () => {
    expect(ast('elEscorial in [definite, probable, probable-laboratory-supported]')).toMatchObject({
      kind: 'in',
      negated: false,
      values: [{ name: 'definite' }, { name: 'probable' }, { name: 'probable-laboratory-supported' }],
    });
    expect(ast('nyhaClass not in [3, 4]')).toMatchObject({
      kind: 'in',
      negated: true,
      values: [
        { kind: 'number', value: 3 },
        { kind: 'number', value: 4 },
      ],
    });
  });

  it('time since a date in each unit', () => {
    for (const [fn, unit] of [
      ['daysSince', 'days'],
      ['weeksSince', 'weeks'],
      ['monthsSince', 'months'],
      ['yearsSince', 'years'],
    ] as const) {
      expect(ast(`${fn}(symptomOnsetDate) < 36`)).toMatchObject({
        kind: 'compare',
        left: { kind: 'since', fn, unit, date: { name: 'symptomOnsetDate' } },
      });
    }
  });

  it('progressionRate over a lead-in', () => {
    expect(ast('progressionRate(alsfrsR, over 17 weeks) between 0.515 and 1.545')).toMatchObject({
      kind: 'between',
      subject: {
        kind: 'progression-rate',
        measure: { name: 'alsfrsR' },
        over: { kind: 'duration', amount: 17, unit: 'weeks' },
        start: 0,
        end: 39,
      },
      low: { value: 0.515 },
      high: { value: 1.545 },
    });
  });

  it('conditions and medications with windows; singular units are normalized', () => {
    expect(ast('has(active-infection)')).toMatchObject({ kind: 'has', code: { name: 'active-infection' } });
    expect(ast('had(malignancy)')).toEqual({
      kind: 'had',
      code: { kind: 'name', name: 'malignancy', start: 4, end: 14 },
      start: 0,
      end: 15,
    });
    expect(ast('had(malignancy, within 5 years)')).toMatchObject({
      kind: 'had',
      within: { amount: 5, unit: 'years', start: 23, end: 30 },
    });
    expect(ast('had(trial-participation, within 1 year)')).toMatchObject({
      within: { amount: 1, unit: 'years' },
    });
    expect(ast('taking(riluzole)')).toEqual({
      kind: 'taking',
      medication: { kind: 'name', name: 'riluzole', start: 7, end: 15 },
      start: 0,
      end: 16,
    });
    expect(ast('taking(riluzole, stableFor >= 30 days)')).toMatchObject({
      kind: 'taking',
      stableFor: { op: '>=', duration: { amount: 30, unit: 'days' } },
    });
    expect(ast('took(edaravone, within 1 month)')).toMatchObject({
      kind: 'took',
      within: { amount: 1, unit: 'months' },
    });
    expect(ast('took(edaravone)')).not.toHaveProperty('within');
    expect(ast('plans(vaccine)')).toMatchObject({ kind: 'plans', medication: { name: 'vaccine' } });
  });

  it('a bare variable is a flag', () => {
    expect(ast('ventilatorDependent')).toEqual({
      kind: 'flag',
      name: { kind: 'name', name: 'ventilatorDependent', start: 0, end: 19 },
      start: 0,
      end: 19,
    });
  });
});

describe('parseRule: precedence and grouping', () => {
  it('not binds tighter than and, and tighter than or', () => {
    expect(shape(ast('a or b and c'))).toBe('or(a, and(b, c))');
    expect(shape(ast('a and b or c'))).toBe('or(and(a, b), c)');
    expect(shape(ast('not a and b'))).toBe('and(not(a), b)');
    expect(shape(ast('not a or not b and c'))).toBe('or(not(a), and(not(b), c))');
    expect(shape(ast('not not a'))).toBe('not(not(a))');
  });

  it('parentheses override precedence and chains are flattened', () => {
    expect(shape(ast('(a or b) and c'))).toBe('and(or(a, b), c)');
    expect(shape(ast('not (a or b)'))).toBe('not(or(a, b))');
    expect(shape(ast('a and b and c and d'))).toBe('and(a, b, c, d)');
    expect(shape(ast('a or (b or c)'))).toBe('or(a, or(b, c))');
    expect(shape(ast('((a))'))).toBe('a');
  });

  it('between takes its own and; the next and is logical', () => {
    expect(shape(ast('age between 18 and 70 and sex = male'))).toBe('and(between, sex=male)');
    expect(shape(ast('age >= 18 AND sex = male OR NOT familial'))).toBe(
      'or(and(age>=18, sex=male), not(familial))',
    );
  });

  it('not in is a set test, not a negation of the next condition', () => {
    expect(shape(ast('not sex in [male]'))).toBe('not(in)');
    expect(ast('sex not in [male]')).toMatchObject({ kind: 'in', negated: true });
  });

  it('spans of combined nodes cover their operands (whitespace and newlines allowed)', () => {
    expect(ast('  a\n  and b ')).toMatchObject({ kind: 'and', start: 2, end: 11 });
    expect(ast('not a')).toMatchObject({ kind: 'not', start: 0, end: 5 });
  });
});

describe('parseRule: errors name the position, what was expected and what was found', () => {
  const cases: ReadonlyArray<readonly [string, number, RegExp, string]> = [
    ['', 1, /^a condition/, 'the end of the rule'],
    ['age >=', 7, /^a value/, 'the end of the rule'],
    ['age >= 18 and', 14, /^a condition/, 'the end of the rule'],
    ['age 18', 5, /^a comparison operator .*'between', 'in', 'and', 'or'/, "'18'"],
    ['(age >= 18', 11, /^'\)'/, 'the end of the rule'],
    ['age >= 18)', 10, /^'and', 'or' or the end of the rule/, "')'"],
    ['age == 18', 5, /single '='/, "'=='"],
    ['age >= 18 & sex = male', 11, /^a variable, a number, an operator/, "'&'"],
    ['alsfrsR.total between 31 46', 26, /^'and' between the two bounds/, "'46'"],
    ['elEscorial in definite', 15, /^'\[' starting the list/, "'definite'"],
    ['elEscorial in [definite probable]', 25, /^',' or '\]'/, "'probable'"],
    ['elEscorial in []', 16, /^a value \(a number or a word/, "']'"],
    ['had(malignancy, 5 years)', 17, /^'within' and a duration/, "'5'"],
    ['had(malignancy, within 5)', 25, /^a duration unit/, "')'"],
    ['had(malignancy, within five years)', 24, /^a duration such as 30 days/, "'five'"],
    ['taking(riluzole, stableFor 30 days)', 28, /^a comparison operator/, "'30'"],
    ['has(malignancy, within 5 years)', 15, /^'\)'/, "','"],
    ['progressionRate(alsfrsR) > 1', 24, /^',' then 'over'/, "')'"],
    ['progressionRate(alsfrsR, 17 weeks) > 1', 26, /^'over' and the lead-in duration/, "'17'"],
    ['foo(age) > 1', 1, /^a known function \(has, had/, "'foo'"],
    ['age > has(malignancy)', 7, /^a value, but has\(…\) is a condition/, "'has'"],
    ['age and', 8, /^a condition/, 'the end of the rule'],
    ['not', 4, /^a condition/, 'the end of the rule'],
    ['age >= 18\nor sex = x =', 12, /^'and', 'or' or the end of the rule/, "'='"],
  ];
  for (const [text, column, expected, found] of cases) {
    it(JSON.stringify(text), () => {
      const result = parseRule(text);
      expect(result.kind).toBe('invalid');
      if (result.kind !== 'invalid') {
        return;
      }
      const lineStart = text.lastIndexOf('\n', result.error.position - 1) + 1;
      expect(result.error.column).toBe(column);
      expect(result.error.position - lineStart + 1).toBe(column);
      expect(result.error.expected).toMatch(expected);
      expect(result.error.found).toBe(found);
      expect(result.error.message).toContain(`column ${column}: expected `);
      expect(result.error.message).toContain(`found ${found}`);
    });
  }

  it('reports the line for multi-line rules', () => {
    const result = parseRule('age >= 18\nand sex = ');
    expect(result).toMatchObject({ kind: 'invalid', error: { line: 2, column: 11, position: 20 } });
    if (result.kind === 'invalid') {
      expect(result.error.message).toMatch(/^line 2, column 11: expected a value/);
    }
  });
});
