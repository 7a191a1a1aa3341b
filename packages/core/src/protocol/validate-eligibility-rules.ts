// Eligibility rules (docs/eligibility-rules.md): each criterion's `rule` must parse and type-check against the
// screening-record variables. Problems point at `eligibility.criteria[i].rule` and name the criterion id.
import { checkRule, type RuleProblemKind } from '../eligibility/rule-checker.js';
import { parseRule } from '../eligibility/rule-parser.js';
import type { ProblemList } from './protocol-rules.js';
import type { Protocol } from './protocol-types.js';

/** Syntax errors, unknown variables / codes / medications and type errors in eligibility rules. */
export function checkEligibilityRules(protocol: Protocol, problems: ProblemList): void {
  protocol.eligibility.criteria.forEach((criterion, index) => {
    if (criterion.rule === undefined) {
      return;
    }
    const path = ['eligibility', 'criteria', index, 'rule'];
    const parsed = parseRule(criterion.rule);
    if (parsed.kind === 'invalid') {
      problems.add(path, 'rule-syntax', `criterion '${criterion.id}': ${parsed.error.message}`);
      return;
    }
    const checked = checkRule(parsed.ast);
    if (checked.kind === 'ok') {
      return;
    }
    // One problem per rule kind (the validator keeps one per path and rule), listing every occurrence.
    const byKind = new Map<RuleProblemKind, string[]>();
    for (const problem of checked.problems) {
      const messages = byKind.get(problem.rule) ?? [];
      messages.push(`column ${problem.start + 1}: ${problem.message}`);
      byKind.set(problem.rule, messages);
    }
    for (const [kind, messages] of byKind) {
      problems.add(path, kind, `criterion '${criterion.id}': ${messages.join('; ')}`);
    }
  });
}
