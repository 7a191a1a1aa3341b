// Semantic validation of a structurally valid protocol: every consistency rule, all problems at once.
import { ProblemList } from './protocol-rules.js';
import type { Protocol, ProtocolProblem } from './protocol-types.js';
import { checkDesign } from './validate-design.js';
import { checkDosing } from './validate-dosing.js';
import { checkEligibilityRules } from './validate-eligibility-rules.js';
import { checkReferences } from './validate-references.js';
import { checkTimelines } from './validate-timelines.js';
import { checkVisitTiming } from './validate-visits.js';

export type ProtocolValidation =
  { kind: 'ok'; protocol: Protocol } | { kind: 'invalid'; problems: ProtocolProblem[] };

/** Every semantic problem of a protocol (empty when consistent), one per path and rule. */
export function findProtocolProblems(protocol: Protocol): ProtocolProblem[] {
  const problems = new ProblemList();
  checkReferences(protocol, problems);
  checkDesign(protocol, problems);
  checkDosing(protocol, problems);
  checkVisitTiming(protocol, problems);
  checkTimelines(protocol, problems);
  checkEligibilityRules(protocol, problems);
  const seen = new Set<string>();
  return problems.items.filter((problem) => {
    const key = `${JSON.stringify(problem.path)} ${problem.rule}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Checks a structurally valid protocol for consistency (anchors, windows, dose levels, ratios, ids…). */
export function validateProtocol(protocol: Protocol): ProtocolValidation {
  const problems = findProtocolProblems(protocol);
  return problems.length === 0 ? { kind: 'ok', protocol } : { kind: 'invalid', problems };
}
