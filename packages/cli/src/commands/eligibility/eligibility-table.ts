// Human output of `celltrial eligibility check`: one block per criterion (status, text, reason) and the verdict.
import type { CriterionEvaluation, EligibilityEvaluation } from '@celltrial/core';

const TEXT_WIDTH = 90;

function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

function statusLabel(criterion: CriterionEvaluation): string {
  return criterion.manual ? `${criterion.status} (manual)` : criterion.status;
}

function summary(evaluation: EligibilityEvaluation): string {
  const count = (kind: 'inclusion' | 'exclusion', status: string): number =>
    evaluation.criteria.filter((c) => c.kind === kind && c.status === status).length;
  const total = (kind: 'inclusion' | 'exclusion'): number =>
    evaluation.criteria.filter((c) => c.kind === kind).length;
  const unknown = evaluation.criteria.filter((c) => c.status === 'unknown').length;
  return (
    `Verdict: ${evaluation.verdict} — inclusions met ${count('inclusion', 'met')}/${total('inclusion')}, ` +
    `exclusions met ${count('exclusion', 'met')}/${total('exclusion')}, unknown ${unknown}`
  );
}

/** The criterion-by-criterion table and verdict of one evaluation. */
export function formatEligibilityTable(evaluation: EligibilityEvaluation): string {
  const idWidth = Math.max(2, ...evaluation.criteria.map((c) => c.id.length));
  const statusWidth = Math.max(6, ...evaluation.criteria.map((c) => statusLabel(c).length));
  const indent = ' '.repeat(idWidth + 2 + 9 + 2 + statusWidth + 2);
  const header = `${'ID'.padEnd(idWidth)}  ${'KIND'.padEnd(9)}  ${'STATUS'.padEnd(statusWidth)}  CRITERION`;
  const lines = [header];
  for (const criterion of evaluation.criteria) {
    lines.push(
      `${criterion.id.padEnd(idWidth)}  ${criterion.kind.padEnd(9)}  ${statusLabel(criterion).padEnd(statusWidth)}  ${truncate(criterion.text, TEXT_WIDTH)}`,
      `${indent}→ ${criterion.reason}`,
    );
  }
  lines.push('', summary(evaluation));
  return lines.join('\n');
}
