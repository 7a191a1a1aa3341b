// Eligibility of one screening record for one protocol: every criterion met / not-met / unknown with a reason,
// and the overall verdict. Rules are evaluated on the record; manual criteria are answered from `manualChecks`.
import type { Protocol, ProtocolCriterion } from '../protocol/protocol-types.js';
import { evaluateRule } from './evaluate-rule.js';
import { checkRule } from './rule-checker.js';
import { parseRule } from './rule-parser.js';
import type { ScreeningRecord } from './screening-record.js';
import type { CriterionStatus } from './three-valued.js';

export const ELIGIBILITY_VERDICTS = ['eligible', 'ineligible', 'incomplete'] as const;
export type EligibilityVerdict = (typeof ELIGIBILITY_VERDICTS)[number];

export interface CriterionEvaluation {
  readonly id: string;
  readonly kind: 'inclusion' | 'exclusion';
  readonly text: string;
  /** Inclusion: met = satisfied. Exclusion: met = the exclusion applies (the participant is excluded). */
  readonly status: CriterionStatus;
  readonly reason: string;
  /** Answered by the investigator (no rule). */
  readonly manual: boolean;
}

export interface EligibilityEvaluation {
  readonly verdict: EligibilityVerdict;
  readonly criteria: readonly CriterionEvaluation[];
}

export interface EligibilityOptions {
  /** `favourable`: manual checks the record leaves open count in the participant's favour (pre-screening). */
  readonly assumeManual?: 'favourable';
}

function evaluateManual(
  criterion: ProtocolCriterion,
  record: ScreeningRecord,
  options: EligibilityOptions,
): Pick<CriterionEvaluation, 'status' | 'reason'> {
  const answer = record.manualChecks?.[criterion.id];
  const inclusion = criterion.kind === 'inclusion';
  if (answer !== undefined) {
    const holds = inclusion ? 'the criterion is met' : 'the exclusion applies';
    const fails = inclusion ? 'the criterion is not met' : 'the exclusion does not apply';
    return {
      status: answer ? 'met' : 'not-met',
      reason: `manual check answered by the investigator: ${answer ? holds : fails}`,
    };
  }
  if (options.assumeManual === 'favourable') {
    return {
      status: inclusion ? 'met' : 'not-met',
      reason:
        "manual check not answered; assumed in the participant's favour (pre-screening) — the investigator must confirm",
    };
  }
  return { status: 'unknown', reason: 'manual check not yet answered by the investigator' };
}

function evaluateRuleCriterion(
  criterion: ProtocolCriterion & { rule: string },
  record: ScreeningRecord,
): Pick<CriterionEvaluation, 'status' | 'reason'> {
  const parsed = parseRule(criterion.rule);
  if (parsed.kind === 'invalid') {
    return { status: 'unknown', reason: `the rule cannot be evaluated: ${parsed.error.message}` };
  }
  const checked = checkRule(parsed.ast);
  if (checked.kind === 'invalid') {
    const problems = checked.problems.map((problem) => problem.message).join('; ');
    return { status: 'unknown', reason: `the rule cannot be evaluated: ${problems}` };
  }
  const outcome = evaluateRule(parsed.ast, record, { kind: criterion.kind });
  return { status: outcome.status, reason: outcome.reasons.join('. ') };
}

/** The verdict from criterion statuses: eligible, ineligible (any inclusion not met / exclusion met) or incomplete. */
export function eligibilityVerdict(
  criteria: readonly Pick<CriterionEvaluation, 'kind' | 'status'>[],
): EligibilityVerdict {
  const failed = criteria.some(
    ({ kind, status }) =>
      (kind === 'inclusion' && status === 'not-met') || (kind === 'exclusion' && status === 'met'),
  );
  if (failed) {
    return 'ineligible';
  }
  const passed = criteria.every(({ kind, status }) =>
    kind === 'inclusion' ? status === 'met' : status === 'not-met',
  );
  return passed ? 'eligible' : 'incomplete';
}

/** Evaluates every eligibility criterion of a protocol on a screening record, with the overall verdict. */
export function evaluateEligibility(
  protocol: Protocol,
  record: ScreeningRecord,
  options: EligibilityOptions = {},
): EligibilityEvaluation {
  const criteria = protocol.eligibility.criteria.map((criterion): CriterionEvaluation => {
    const { rule } = criterion;
    const manual = rule === undefined;
    const result = manual
      ? evaluateManual(criterion, record, options)
      : evaluateRuleCriterion({ ...criterion, rule }, record);
    return { id: criterion.id, kind: criterion.kind, text: criterion.text, ...result, manual };
  });
  return { verdict: eligibilityVerdict(criteria), criteria };
}
