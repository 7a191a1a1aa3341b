import type { Protocol } from '@celltrial/core';
import type { Executor } from '@celltrial/db';
import { AppError } from '../errors/app-error.js';
import { cohortLabel, loadEscalationBoard } from './safety/escalation-cohorts.js';

export { cohortLabel } from './safety/escalation-cohorts.js';

/**
 * The cohort a newly enrolled participant joins in a dose-escalation study: the open cohort, or a new one at the
 * level the escalation board decides. Null when escalation has finished (the participant enters the next part of
 * the study). The board counts each participant's signed DLT assessment within the DLT window
 * (services/safety/escalation-cohorts.ts); a new cohort opens only when the previous cohort is complete, every
 * assessment is signed and the board's decision has been confirmed.
 */
export async function assignEscalationCohort(
  db: Executor,
  params: { studyId: string; protocol: Protocol; today: string },
): Promise<string | null> {
  const loaded = await loadEscalationBoard(db, params);
  if (loaded === null) {
    return null;
  }
  const { esc, board, decisions } = loaded;
  const levelId = (level: number): string => esc.levels[level - 1] ?? String(level);
  switch (board.kind) {
    case 'invalid':
      throw new AppError(
        'BUSINESS_RULE_VIOLATED',
        `dose-escalation board: ${board.problems.map((p) => p.message).join('; ')}`,
        { rule: 'escalation-board', problems: board.problems },
      );
    case 'refused':
      // The blocking cohort still has room: the participant joins it.
      if (board.reason === 'cohort-incomplete' || board.evaluable + board.pending < board.required) {
        return cohortLabel({ cohort: board.cohort, levelId: levelId(board.currentLevel) });
      }
      throw new AppError(
        'BUSINESS_RULE_VIOLATED',
        `cohort ${board.cohort} is full; the next cohort opens when its DLT assessments are complete and signed`,
        { rule: 'escalation-cohort-full', cohort: board.cohort, pending: board.pending },
      );
    case 'ready': {
      const last = board.rows.at(-1);
      if (last !== undefined && !decisions.some((d) => d.cohort === last.cohort)) {
        throw new AppError(
          'BUSINESS_RULE_VIOLATED',
          `cohort ${last.cohort} is complete (${last.summary}); an investigator or study admin must confirm the decision before the next cohort opens`,
          { rule: 'escalation-decision-unconfirmed', cohort: last.cohort },
        );
      }
      if (board.next.kind === 'stop') {
        return null;
      }
      return cohortLabel({ cohort: loaded.cohorts.length + 1, levelId: levelId(board.next.level) });
    }
  }
}
