// Test helpers: parse a rule (failing loudly on syntax or type errors) and evaluate it on a record.
import { evaluateRule, type RuleOutcome } from './evaluate-rule.js';
import type { RuleNode } from './rule-ast.js';
import { checkRule } from './rule-checker.js';
import { parseRule } from './rule-parser.js';
import type { ScreeningRecord } from './screening-record.js';

/** The checked syntax tree of a rule; throws on syntax or type errors (tests only). */
export function checkedRule(text: string): RuleNode {
  const parsed = parseRule(text);
  if (parsed.kind === 'invalid') {
    throw new Error(`syntax error in ${text}: ${parsed.error.message}`);
  }
  const checked = checkRule(parsed.ast);
  if (checked.kind === 'invalid') {
    throw new Error(`type error in ${text}: ${checked.problems.map((p) => p.message).join('; ')}`);
  }
  return parsed.ast;
}

/** Evaluates a rule text on a record as an inclusion (or exclusion) criterion. */
export function run(
  text: string,
  record: ScreeningRecord,
  kind: 'inclusion' | 'exclusion' = 'inclusion',
): RuleOutcome {
  return evaluateRule(checkedRule(text), record, { kind });
}

/** The status of a rule on a record. */
export function statusOf(text: string, record: ScreeningRecord): RuleOutcome['status'] {
  return run(text, record).status;
}
