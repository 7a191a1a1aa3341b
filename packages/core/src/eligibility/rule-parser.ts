// Recursive-descent parser of the eligibility rule language (grammar in docs/eligibility-rules.md).
// Precedence, loosest first: or < and < not < comparison / between / in / predicate / parentheses.
import {
  COMPARISON_OPERATORS,
  SINCE_FUNCTIONS,
  type ComparisonOperator,
  type DurationNode,
  type NameNode,
  type NumberNode,
  type OperandNode,
  type PredicateNode,
  type RuleNode,
  type SinceFunction,
} from './rule-ast.js';
import { tokenizeRule, type RuleToken } from './rule-lexer.js';
import { RuleParseFailure, syntaxError, type RuleSyntaxError } from './rule-syntax-error.js';
import type { DurationUnit } from './rule-vocabulary.js';

export type { RuleSyntaxError };

export type ParseRuleResult =
  | { readonly kind: 'ok'; readonly ast: RuleNode }
  | { readonly kind: 'invalid'; readonly error: RuleSyntaxError };

const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'between',
  'in',
  'within',
  'over',
  'stableFor',
  'true',
  'false',
]);
const PREDICATES = ['has', 'had', 'taking', 'took', 'plans'] as const;
type PredicateName = (typeof PREDICATES)[number];
const FUNCTIONS = [...PREDICATES, ...Object.keys(SINCE_FUNCTIONS), 'progressionRate'];
const UNIT_WORDS: Readonly<Record<string, DurationUnit>> = {
  day: 'days',
  days: 'days',
  week: 'weeks',
  weeks: 'weeks',
  month: 'months',
  months: 'months',
  year: 'years',
  years: 'years',
};
const CONDITION_START = 'a condition (comparison, has/had/taking/took/plans, not, or a parenthesis)';

function describeToken(token: RuleToken): string {
  return token.type === 'end' ? 'the end of the rule' : `'${token.text}'`;
}

function isWord(token: RuleToken, ...words: string[]): boolean {
  return token.type === 'word' && words.includes(token.text);
}

/** Logical keywords are accepted in lower or upper case (`and`, `AND`). */
function isLogical(token: RuleToken, word: 'and' | 'or' | 'not'): boolean {
  return token.type === 'word' && (token.text === word || token.text === word.toUpperCase());
}

class RuleParser {
  private index = 0;
  private readonly tokens: readonly RuleToken[];

  constructor(tokens: readonly RuleToken[]) {
    this.tokens = tokens;
  }

  private get current(): RuleToken {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)] as RuleToken;
  }

  private peek(offset: number): RuleToken {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as RuleToken;
  }

  private advance(): RuleToken {
    const token = this.current;
    this.index += 1;
    return token;
  }

  private fail(expected: string): never {
    throw new RuleParseFailure({
      position: this.current.start,
      expected,
      found: describeToken(this.current),
    });
  }

  private expectPunct(char: string, expected = `'${char}'`): RuleToken {
    if (this.current.type !== 'punct' || this.current.text !== char) {
      this.fail(expected);
    }
    return this.advance();
  }

  private expectWord(word: string, expected = `'${word}'`): RuleToken {
    if (!isWord(this.current, word)) {
      this.fail(expected);
    }
    return this.advance();
  }

  parseRule(): RuleNode {
    const rule = this.parseOr();
    if (this.current.type !== 'end') {
      this.fail("'and', 'or' or the end of the rule");
    }
    return rule;
  }

  private parseOr(): RuleNode {
    const operands = [this.parseAnd()];
    while (isLogical(this.current, 'or')) {
      this.advance();
      operands.push(this.parseAnd());
    }
    return this.combine('or', operands);
  }

  private parseAnd(): RuleNode {
    const operands = [this.parseNot()];
    while (isLogical(this.current, 'and')) {
      this.advance();
      operands.push(this.parseNot());
    }
    return this.combine('and', operands);
  }

  private combine(kind: 'and' | 'or', operands: RuleNode[]): RuleNode {
    const [first] = operands;
    if (operands.length === 1 && first !== undefined) {
      return first;
    }
    const start = Math.min(...operands.map((operand) => operand.start));
    const end = Math.max(...operands.map((operand) => operand.end));
    return { kind, operands, start, end };
  }

  private parseNot(): RuleNode {
    if (isLogical(this.current, 'not')) {
      const start = this.advance().start;
      const operand = this.parseNot();
      return { kind: 'not', operand, start, end: operand.end };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): RuleNode {
    const token = this.current;
    if (token.type === 'punct' && token.text === '(') {
      this.advance();
      const inner = this.parseOr();
      this.expectPunct(')', "')' or 'and' / 'or'");
      return inner;
    }
    if (isWord(token, ...PREDICATES) && this.peek(1).text === '(') {
      return this.parsePredicate(token.text as PredicateName);
    }
    const subject = this.parseOperand(CONDITION_START);
    return this.parseComparisonTail(subject);
  }

  private parseComparisonTail(subject: OperandNode): RuleNode {
    const token = this.current;
    if (token.type === 'operator') {
      this.advance();
      const right = this.parseOperand('a value (number, variable, true/false or enumerated value)');
      const op = token.text as ComparisonOperator;
      return { kind: 'compare', op, left: subject, right, start: subject.start, end: right.end };
    }
    if (isWord(token, 'between')) {
      this.advance();
      const low = this.parseOperand('the lower bound of between');
      this.expectWord('and', "'and' between the two bounds");
      const high = this.parseOperand('the upper bound of between');
      return { kind: 'between', subject, low, high, start: subject.start, end: high.end };
    }
    if (isWord(token, 'in') || (isLogical(token, 'not') && isWord(this.peek(1), 'in'))) {
      const negated = token.text !== 'in';
      this.advance();
      if (negated) {
        this.advance();
      }
      return this.parseList(subject, negated);
    }
    const endsCondition =
      token.type === 'end' ||
      isLogical(token, 'and') ||
      isLogical(token, 'or') ||
      (token.type === 'punct' && token.text === ')');
    if (subject.kind === 'name' && endsCondition) {
      return { kind: 'flag', name: subject, start: subject.start, end: subject.end };
    }
    if (subject.kind === 'name') {
      this.fail(
        `a comparison operator (${COMPARISON_OPERATORS.join(' ')}), 'between', 'in', 'and', 'or' or the end of the rule`,
      );
    }
    this.fail(`a comparison operator (${COMPARISON_OPERATORS.join(' ')}), 'between' or 'in'`);
  }

  private parseList(subject: OperandNode, negated: boolean): RuleNode {
    this.expectPunct('[', "'[' starting the list of values");
    const values: (NameNode | NumberNode)[] = [this.parseListValue()];
    while (this.current.type === 'punct' && this.current.text === ',') {
      this.advance();
      values.push(this.parseListValue());
    }
    const close = this.expectPunct(']', "',' or ']'");
    return { kind: 'in', subject, values, negated, start: subject.start, end: close.end };
  }

  private parseListValue(): NameNode | NumberNode {
    const token = this.current;
    if (token.type === 'number') {
      this.advance();
      return { kind: 'number', value: Number(token.text), start: token.start, end: token.end };
    }
    if (token.type === 'word' && !KEYWORDS.has(token.text)) {
      this.advance();
      return { kind: 'name', name: token.text, start: token.start, end: token.end };
    }
    this.fail('a value (a number or a word such as definite)');
  }

  private parseName(expected: string): NameNode {
    const token = this.current;
    if (token.type !== 'word' || KEYWORDS.has(token.text)) {
      this.fail(expected);
    }
    this.advance();
    return { kind: 'name', name: token.text, start: token.start, end: token.end };
  }

  private parseOperand(expected: string): OperandNode {
    const token = this.current;
    if (token.type === 'number') {
      this.advance();
      return { kind: 'number', value: Number(token.text), start: token.start, end: token.end };
    }
    if (isWord(token, 'true', 'false')) {
      this.advance();
      return { kind: 'boolean', value: token.text === 'true', start: token.start, end: token.end };
    }
    if (token.type === 'word' && this.peek(1).text === '(' && !KEYWORDS.has(token.text)) {
      return this.parseFunctionOperand();
    }
    return this.parseName(expected);
  }

  private parseFunctionOperand(): OperandNode {
    const token = this.advance();
    if (Object.hasOwn(SINCE_FUNCTIONS, token.text)) {
      const fn = token.text as SinceFunction;
      this.expectPunct('(');
      const date = this.parseName('a date variable such as symptomOnsetDate');
      const close = this.expectPunct(')');
      return { kind: 'since', fn, unit: SINCE_FUNCTIONS[fn], date, start: token.start, end: close.end };
    }
    if (token.text === 'progressionRate') {
      this.expectPunct('(');
      const measure = this.parseName('the measure alsfrsR');
      this.expectPunct(',', "',' then 'over' and the lead-in duration");
      this.expectWord('over', "'over' and the lead-in duration (e.g. over 17 weeks)");
      const over = this.parseDuration();
      const close = this.expectPunct(')');
      return { kind: 'progression-rate', measure, over, start: token.start, end: close.end };
    }
    if ((PREDICATES as readonly string[]).includes(token.text)) {
      throw new RuleParseFailure({
        position: token.start,
        expected: `a value, but ${token.text}(…) is a condition`,
        found: `'${token.text}'`,
      });
    }
    throw new RuleParseFailure({
      position: token.start,
      expected: `a known function (${FUNCTIONS.join(', ')})`,
      found: `'${token.text}'`,
    });
  }

  private parseDuration(): DurationNode {
    const amount = this.current;
    if (amount.type !== 'number') {
      this.fail('a duration such as 30 days');
    }
    this.advance();
    const unitToken = this.current;
    const unit = unitToken.type === 'word' ? UNIT_WORDS[unitToken.text] : undefined;
    if (unit === undefined) {
      this.fail('a duration unit (days, weeks, months or years)');
    }
    this.advance();
    return { kind: 'duration', amount: Number(amount.text), unit, start: amount.start, end: unitToken.end };
  }

  private parsePredicate(name: PredicateName): PredicateNode {
    const start = this.advance().start;
    this.expectPunct('(');
    const conditionLike = name === 'has' || name === 'had';
    const target = this.parseName(
      conditionLike ? 'a condition code such as malignancy' : 'a medication such as riluzole',
    );
    const within = name === 'had' || name === 'took' ? this.parseOptionalWithin() : undefined;
    const stableFor = name === 'taking' ? this.parseOptionalStableFor() : undefined;
    const end = this.expectPunct(')', name === 'has' || name === 'plans' ? "')'" : "',' or ')'").end;
    switch (name) {
      case 'has':
        return { kind: 'has', code: target, start, end };
      case 'had':
        return { kind: 'had', code: target, ...(within === undefined ? {} : { within }), start, end };
      case 'took':
        return { kind: 'took', medication: target, ...(within === undefined ? {} : { within }), start, end };
      case 'taking':
        return {
          kind: 'taking',
          medication: target,
          ...(stableFor === undefined ? {} : { stableFor }),
          start,
          end,
        };
      case 'plans':
        return { kind: 'plans', medication: target, start, end };
    }
  }

  private parseOptionalWithin(): DurationNode | undefined {
    if (this.current.type !== 'punct' || this.current.text !== ',') {
      return undefined;
    }
    this.advance();
    this.expectWord('within', "'within' and a duration (e.g. within 5 years)");
    return this.parseDuration();
  }

  private parseOptionalStableFor(): { op: ComparisonOperator; duration: DurationNode } | undefined {
    if (this.current.type !== 'punct' || this.current.text !== ',') {
      return undefined;
    }
    this.advance();
    this.expectWord('stableFor', "'stableFor' and a comparison (e.g. stableFor >= 30 days)");
    const operator = this.current;
    if (operator.type !== 'operator') {
      this.fail(`a comparison operator (${COMPARISON_OPERATORS.join(' ')})`);
    }
    this.advance();
    return { op: operator.text as ComparisonOperator, duration: this.parseDuration() };
  }
}

/** Parses a rule into its syntax tree, or the first syntax error (position, what was expected, what was found). */
export function parseRule(text: string): ParseRuleResult {
  const lexed = tokenizeRule(text);
  if ('error' in lexed) {
    return { kind: 'invalid', error: syntaxError(text, lexed.error) };
  }
  try {
    return { kind: 'ok', ast: new RuleParser(lexed.tokens).parseRule() };
  } catch (error) {
    if (error instanceof RuleParseFailure) {
      return { kind: 'invalid', error: syntaxError(text, error) };
    }
    throw error;
  }
}
