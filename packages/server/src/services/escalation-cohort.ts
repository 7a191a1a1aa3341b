import { escalationBoard, type BoardCohort, type Protocol } from '@celltrial/core';
import { listParticipants, type Executor } from '@celltrial/db';
import { AppError } from '../errors/app-error.js';

/** Cohort labels are `<n>:<dose level id>`, e.g. `2:middle`. */
export function cohortLabel(params: { cohort: number; levelId: string }): string {
  return `${params.cohort}:${params.levelId}`;
}

function parseCohortLabel(label: string): { cohort: number; levelId: string } | null {
  const match = /^(\d+):(.+)$/.exec(label);
  return match === null ? null : { cohort: Number(match[1]), levelId: match[2] ?? '' };
}

/**
 * The cohort a newly enrolled participant joins in a dose-escalation study: the open cohort, or a new one
 * at the level the escalation board decides. Null when escalation has finished (the participant enters the
 * next part of the study). DLT outcomes are not yet recorded in celltrial, so every treated participant
 * counts as pending: the board refuses a new cohort until the previous one's DLT assessments exist.
 */
export async function assignEscalationCohort(
  db: Executor,
  params: { studyId: string; protocol: Protocol },
): Promise<string | null> {
  const esc = params.protocol.design.escalation;
  if (esc === undefined) {
    return null;
  }
  const enrolled = await listParticipants(db, {
    studyId: params.studyId,
    siteIds: 'all',
    status: 'enrolled',
  });
  const byCohort = new Map<number, { levelId: string; ids: string[] }>();
  for (const p of enrolled) {
    const parsed = p.cohort === null ? null : parseCohortLabel(p.cohort);
    if (parsed !== null) {
      const entry = byCohort.get(parsed.cohort) ?? { levelId: parsed.levelId, ids: [] };
      entry.ids.push(p.id);
      byCohort.set(parsed.cohort, entry);
    }
  }
  const cohorts: BoardCohort[] = [...byCohort.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, c]) => ({
      level: esc.levels.indexOf(c.levelId) + 1,
      participants: c.ids.map((id) => ({ id, dlt: 'pending' as const })),
    }));
  const board = escalationBoard({
    design: {
      kind: 'three-plus-three',
      variant: esc.variant,
      startLevel: esc.levels.indexOf(esc.startLevel) + 1,
      counts: { cohortSize: esc.cohortSize },
    },
    doseLevels: esc.levels.map((label) => ({ label })),
    cohorts,
  });
  const levelId = (level: number): string => esc.levels[level - 1] ?? String(level);
  switch (board.kind) {
    case 'invalid':
      throw new AppError(
        'BUSINESS_RULE_VIOLATED',
        `dose-escalation board: ${board.problems.map((p) => p.message).join('; ')}`,
        {
          rule: 'escalation-board',
          problems: board.problems,
        },
      );
    case 'refused':
      // The blocking cohort still has room: the participant joins it.
      if (board.reason === 'cohort-incomplete' || board.evaluable + board.pending < board.required) {
        return cohortLabel({ cohort: board.cohort, levelId: levelId(board.currentLevel) });
      }
      throw new AppError(
        'BUSINESS_RULE_VIOLATED',
        `cohort ${board.cohort} is full; the next cohort opens when its DLT assessments are complete`,
        {
          rule: 'escalation-cohort-full',
          cohort: board.cohort,
          pending: board.pending,
        },
      );
    case 'ready':
      if (board.next.kind === 'stop') {
        return null;
      }
      return cohortLabel({ cohort: cohorts.length + 1, levelId: levelId(board.next.level) });
  }
}
