// Syntax errors of the rule language: where (0-based offset, 1-based line and column), what was expected, what
// was found, and a one-line message.

/** Where a rule stops making sense: 0-based offset, 1-based line and column, what was expected and found. */
export interface RuleSyntaxError {
  readonly position: number;
  readonly line: number;
  readonly column: number;
  readonly expected: string;
  readonly found: string;
  readonly message: string;
}

/** Thrown inside the parser and turned into a RuleSyntaxError by parseRule. */
export class RuleParseFailure extends Error {
  readonly position: number;
  readonly expected: string;
  readonly found: string;

  constructor(failure: { position: number; expected: string; found: string }) {
    super(`expected ${failure.expected}, found ${failure.found}`);
    this.position = failure.position;
    this.expected = failure.expected;
    this.found = failure.found;
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

export function syntaxError(
  text: string,
  failure: { position: number; expected: string; found: string },
): RuleSyntaxError {
  const { line, column } = lineAndColumn(text, failure.position);
  const where = line === 1 ? `column ${column}` : `line ${line}, column ${column}`;
  return {
    position: failure.position,
    line,
    column,
    expected: failure.expected,
    found: failure.found,
    message: `${where}: expected ${failure.expected}, found ${failure.found}`,
  };
}
