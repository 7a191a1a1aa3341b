import type { ComparisonOperator } from './rule-ast.js';

/** `a op b` on numbers (no tolerance: values are compared exactly as recorded or derived). */
export function compareNumbers(op: ComparisonOperator, a: number, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** `a op b` on any rule values: numbers by magnitude, words and true/false by equality. */
export function compareValues(
  op: ComparisonOperator,
  a: number | string | boolean,
  b: number | string | boolean,
): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return compareNumbers(op, a, b);
  }
  if (op === '=') {
    return a === b;
  }
  return op === '!=' ? a !== b : false;
}

/** The operator that holds exactly when `op` does not (for explaining what an exclusion requires). */
export function negateOperator(op: ComparisonOperator): ComparisonOperator {
  const negations: Record<ComparisonOperator, ComparisonOperator> = {
    '<': '>=',
    '<=': '>',
    '>': '<=',
    '>=': '<',
    '=': '!=',
    '!=': '=',
  };
  return negations[op];
}

/** The operator as printed in explanations (≤ ≥ ≠). */
export function operatorSymbol(op: ComparisonOperator): string {
  const symbols: Record<ComparisonOperator, string> = {
    '<': '<',
    '<=': '≤',
    '>': '>',
    '>=': '≥',
    '=': '=',
    '!=': '≠',
  };
  return symbols[op];
}
