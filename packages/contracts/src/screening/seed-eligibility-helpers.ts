// Test helpers for the seed trials' eligibility: load a protocol from protocols/, validate a screening record
// with the schema (so every test record is also a valid record) and evaluate it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  addDaysToIsoDate,
  evaluateEligibility,
  type EligibilityEvaluation,
  type EligibilityOptions,
  type Protocol,
} from '@celltrial/core';
import { parseProtocolYaml } from '../protocol/parse-protocol-yaml.js';
import { formatScreeningProblem, parseScreeningRecord } from './parse-screening-record.js';

const protocolsDir = resolve(import.meta.dirname, '../../../../protocols');

/** The assessment date of every seed-trial test record. */
export const ASSESSMENT = '2025-06-15';

/** The date `days` days before the assessment. */
export function daysBefore(days: number): string {
  return addDaysToIsoDate(ASSESSMENT, -days);
}

/** A seed protocol from the repository's protocols/ directory (throws when it does not validate). */
export function seedProtocol(id: string): Protocol {
  const result = parseProtocolYaml(readFileSync(resolve(protocolsDir, `${id}.yaml`), 'utf8'), `${id}.yaml`);
  if (result.kind === 'invalid') {
    throw new Error(`${id} does not validate: ${result.problems.map((p) => p.message).join('; ')}`);
  }
  return result.protocol;
}

/** Validates the record with ScreeningRecordSchema (throws on problems) and evaluates it against the protocol. */
export function evaluateSeed(
  protocol: Protocol,
  record: unknown,
  options: EligibilityOptions = {},
): EligibilityEvaluation {
  const parsed = parseScreeningRecord(record);
  if (parsed.kind === 'invalid') {
    throw new Error(
      `test record is invalid: ${parsed.problems.map((p) => formatScreeningProblem(p)).join('; ')}`,
    );
  }
  return evaluateEligibility(protocol, parsed.record, options);
}

/** Criterion id → status, for compact assertions. */
export function statuses(evaluation: EligibilityEvaluation): Record<string, string> {
  return Object.fromEntries(evaluation.criteria.map((criterion) => [criterion.id, criterion.status]));
}

/** The ids of the criteria that stop eligibility (inclusions not met, exclusions met) or are unknown. */
export function blockers(evaluation: EligibilityEvaluation): { failed: string[]; unknown: string[] } {
  return {
    failed: evaluation.criteria
      .filter((c) => (c.kind === 'inclusion' ? c.status === 'not-met' : c.status === 'met'))
      .map((c) => c.id),
    unknown: evaluation.criteria.filter((c) => c.status === 'unknown').map((c) => c.id),
  };
}

/** The reason given for one criterion. */
export function reasonOf(evaluation: EligibilityEvaluation, id: string): string {
  const criterion = evaluation.criteria.find((c) => c.id === id);
  if (criterion === undefined) {
    throw new Error(`no criterion ${id}`);
  }
  return criterion.reason;
}
