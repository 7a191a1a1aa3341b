// Tokens of the eligibility rule language: numbers, words (variables, keywords, values such as
// `probable-laboratory-supported`), comparison operators (ASCII or ≤ ≥ ≠) and punctuation.

export type RuleTokenType = 'number' | 'word' | 'operator' | 'punct' | 'end';

export interface RuleToken {
  readonly type: RuleTokenType;
  /** The operator normalized to ASCII (`≥` → `>=`); otherwise the source text. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A character the lexer cannot start a token with (position = 0-based offset). */
export interface RuleLexError {
  readonly position: number;
  readonly found: string;
  readonly expected: string;
}

const OPERATORS: ReadonlyArray<readonly [string, string]> = [
  ['<=', '<='],
  ['>=', '>='],
  ['!=', '!='],
  ['≤', '<='],
  ['≥', '>='],
  ['≠', '!='],
  ['<', '<'],
  ['>', '>'],
  ['=', '='],
];

const NUMBER = /^\d+(?:\.\d+)?/;
// A word: letters, digits and `_`, with single `.` or `-` between them (alsfrsR.total, active-infection).
const WORD = /^[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*/;

function operatorAt(text: string, index: number): readonly [string, string] | undefined {
  return OPERATORS.find(([source]) => text.startsWith(source, index));
}

/** Splits a rule into tokens (ending with an `end` token), or reports the first character that starts none. */
export function tokenizeRule(text: string): { tokens: RuleToken[] } | { error: RuleLexError } {
  const tokens: RuleToken[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    const rest = text.slice(index);
    const match = NUMBER.exec(rest) ?? WORD.exec(rest);
    if (match !== null) {
      const type = /\d/.test(char) ? 'number' : 'word';
      tokens.push({ type, text: match[0], start: index, end: index + match[0].length });
      index += match[0].length;
      continue;
    }
    if (text.startsWith('==', index)) {
      return { error: { position: index, found: "'=='", expected: "'=' (equality is a single '=')" } };
    }
    const operator = operatorAt(text, index);
    if (operator !== undefined) {
      tokens.push({ type: 'operator', text: operator[1], start: index, end: index + operator[0].length });
      index += operator[0].length;
      continue;
    }
    if ('()[],'.includes(char)) {
      tokens.push({ type: 'punct', text: char, start: index, end: index + 1 });
      index += 1;
      continue;
    }
    return {
      error: {
        position: index,
        found: `'${char}'`,
        expected: 'a variable, a number, an operator (< <= > >= = !=), a parenthesis, a bracket or a comma',
      },
    };
  }
  tokens.push({ type: 'end', text: '', start: text.length, end: text.length });
  return { tokens };
}
