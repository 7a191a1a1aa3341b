import type { ProtocolSafety } from '../protocol/protocol-types.js';
import { problem, type ScaleProblem } from '../scales/scale-result.js';
import type { LabGradeOutcome } from './ctcae-grading.js';
import type { CtcaeLabTerm, CtcaeVersion, LabDerivedGrade } from './ctcae-terms.js';

/**
 * Whether a graded lab value proposes an adverse event (issue 6): a grade ≥ the protocol's
 * `safety.aeGradeThreshold`, graded with the protocol's `safety.ctcaeVersion`, proposes an AE with the CTCAE term
 * and grade for the investigator to confirm or dismiss with a reason. Nothing is recorded here.
 */

/** A proposed AE (to be confirmed or dismissed by the investigator). */
export interface LabAeProposal {
  readonly kind: 'propose';
  readonly term: CtcaeLabTerm;
  readonly grade: LabDerivedGrade;
  readonly version: CtcaeVersion;
  readonly test: string;
  readonly reason: string;
}

/** Outcome of `proposeAdverseEvent`. */
export type LabAeProposalResult =
  | LabAeProposal
  | { readonly kind: 'no-proposal'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

/** Proposes an AE when the graded value reaches the protocol's threshold (same CTCAE version required). */
export function proposeAdverseEvent(input: {
  readonly outcome: LabGradeOutcome;
  readonly safety: Pick<ProtocolSafety, 'ctcaeVersion' | 'aeGradeThreshold'>;
}): LabAeProposalResult {
  const { outcome, safety } = input;
  const problems: ScaleProblem[] = [];
  const threshold = safety.aeGradeThreshold;
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 5) {
    problems.push(
      problem(
        'safety.aeGradeThreshold',
        'integer-1-5',
        `aeGradeThreshold must be an integer 1–5 (got ${threshold})`,
      ),
    );
  }
  if (outcome.version !== safety.ctcaeVersion) {
    const message = `graded with CTCAE ${outcome.version} but the protocol uses ${safety.ctcaeVersion}: regrade first`;
    problems.push(problem('outcome.version', 'protocol-version', message));
  }
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  if (outcome.kind === 'not-gradable') {
    return { kind: 'no-proposal', reason: `not gradable: ${outcome.reason}` };
  }
  if (outcome.grade < threshold) {
    return {
      kind: 'no-proposal',
      reason: `${outcome.term} grade ${outcome.grade} is below the protocol's AE threshold (grade ${threshold})`,
    };
  }
  return {
    kind: 'propose',
    term: outcome.term,
    grade: outcome.grade,
    version: outcome.version,
    test: outcome.test,
    reason: `${outcome.term} grade ${outcome.grade} ≥ protocol AE threshold ${threshold} (${outcome.rule})`,
  };
}
