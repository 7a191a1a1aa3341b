import type { EscalationBoardView } from '@celltrial/contracts';
import { checkAccess, type BoardCohortRow, type Protocol } from '@celltrial/core';
import {
  insertEscalationDecision,
  listSites,
  userDisplayNames,
  type EscalationDecisionRow,
  type Executor,
} from '@celltrial/db';
import { AppError } from '../../errors/app-error.js';
import { auditedWrite } from '../audited-write.js';
import { todayOf } from '../casebook/casebook-support.js';
import { participantNumberOf } from '../casebook/form-view.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { toDltAssessmentView } from './dlt-view.js';
import { loadEscalationBoard, type LoadedBoard } from './escalation-cohorts.js';
import { currentProtocolOf, ruleViolated } from './safety-support.js';

/** How NCT06598202's "stop if DLTs in more than 33 %" (and any protocol's stop count) is read. */
export function interpretationOf(esc: NonNullable<Protocol['design']['escalation']>): string {
  const stop = esc.stopIfDltsAtLeast;
  const size = esc.cohortSize;
  return (
    `3+3: escalate after ${esc.escalateIfDltsAtMost} of ${size}; expand to ${size + esc.expansionSize} when ` +
    `${esc.escalateIfDltsAtMost + 1}–${stop - 1} of ${size}; stop at a level with ≥ ${stop} of ${size} or ≥ ${stop} of ` +
    `${size + esc.expansionSize} (a "more than 33 %" rule read as ≥ 2 of 3 or ≥ 2 of 6)`
  );
}

/** The engine's decision for a complete cohort, as a word. */
export function decisionWord(row: BoardCohortRow): string {
  return row.decision.design === 'three-plus-three'
    ? row.decision.decision.action.kind
    : row.decision.decision.kind;
}

function levelName(protocol: Protocol, levelId: string): string {
  const esc = protocol.design.escalation;
  const levels = protocol.interventions.find((i) => i.id === esc?.intervention)?.doseLevels ?? [];
  return levels.find((l) => l.id === levelId)?.name ?? levelId;
}

function boardMessage(board: LoadedBoard['board']): { message: string | null; rule: string | null } {
  if (board.kind === 'refused') {
    return { message: board.message, rule: board.reason };
  }
  if (board.kind === 'invalid') {
    const message = board.problems.map((p) => p.message).join('; ');
    return { message, rule: board.problems[0]?.rule ?? 'escalation-board' };
  }
  return { message: null, rule: null };
}

function nextView(protocol: Protocol, loaded: LoadedBoard): EscalationBoardView['next'] {
  const { board, esc } = loaded;
  if (board.kind !== 'ready') {
    return null;
  }
  const levelIdOf = (level: number): string => esc.levels[level - 1] ?? String(level);
  if (board.next.kind === 'treat') {
    const levelId = levelIdOf(board.next.level);
    return {
      kind: 'treat',
      levelId,
      levelName: levelName(protocol, levelId),
      participants: board.next.participants,
    };
  }
  const mtd = board.next.mtd === null ? null : levelIdOf(board.next.mtd);
  return {
    kind: 'stop',
    mtdLevelId: mtd,
    mtdName: mtd === null ? null : levelName(protocol, mtd),
    reason: board.next.reason,
  };
}

async function toBoardView(
  db: Executor,
  params: { studyId: string; protocol: Protocol; loaded: LoadedBoard },
): Promise<EscalationBoardView> {
  const { protocol, loaded } = params;
  const { esc, board } = loaded;
  const sites = new Map((await listSites(db, params.studyId)).map((s) => [s.id, s.code]));
  const names = await userDisplayNames(db, [
    ...loaded.decisions.map((d) => d.confirmed_by),
    ...loaded.cohorts.flatMap((c) =>
      c.members.flatMap((m) => [m.assessment?.updated_by ?? null, m.assessment?.signed_by ?? null]),
    ),
  ]);
  const rows = board.kind === 'invalid' ? [] : board.rows;
  const levelIdOf = (level: number): string => esc.levels[level - 1] ?? String(level);
  const confirmationOf = (d: EscalationDecisionRow | undefined) =>
    d === undefined
      ? null
      : {
          id: d.id,
          cohort: d.cohort,
          decision: d.decision,
          summary: d.summary,
          dlts: d.dlts,
          evaluable: d.evaluable,
          nextLevel: d.next_level,
          note: d.note,
          confirmedBy: d.confirmed_by === null ? null : (names.get(d.confirmed_by) ?? null),
          confirmedAt: d.confirmed_at.toISOString(),
        };
  const cohorts = loaded.cohorts.map((c) => {
    const row = rows.find((r) => r.cohort === c.cohort);
    const count = (s: string) => c.members.filter((m) => m.status === s).length;
    return {
      cohort: c.cohort,
      levelId: c.levelId,
      levelName: levelName(protocol, c.levelId),
      participants: c.members.map((m) => ({
        participantId: m.participant.id,
        participantNumber: participantNumberOf(m.participant),
        siteCode: sites.get(m.participant.site_id) ?? '',
        status: m.status,
        firstDoseDate: m.firstDoseDate,
        windowEnd: m.windowEnd,
        explanation: m.explanation,
        assessment:
          m.assessment === undefined
            ? null
            : toDltAssessmentView(m.assessment, { participant: m.participant, names }),
      })),
      evaluable: count('yes') + count('no'),
      dlts: count('yes'),
      notEvaluable: count('not-evaluable'),
      pending: count('pending'),
      complete: row !== undefined,
      decision: row === undefined ? null : decisionWord(row),
      summary: row?.summary ?? null,
      levelPatients: row?.levelPatients ?? null,
      levelDlts: row?.levelDlts ?? null,
      confirmation: confirmationOf(loaded.decisions.find((d) => d.cohort === c.cohort)),
    };
  });
  const unconfirmed = rows.find((r) => !loaded.decisions.some((d) => d.cohort === r.cohort));
  const levels = board.kind === 'invalid' ? [] : board.levels;
  return {
    design: {
      kind: 'three-plus-three',
      variant: esc.variant,
      cohortSize: esc.cohortSize,
      expansionSize: esc.expansionSize,
      dltWindowDays: esc.dltWindowDays,
      dltDefinition: esc.dltDefinition,
      escalateIfDltsAtMost: esc.escalateIfDltsAtMost,
      stopIfDltsAtLeast: esc.stopIfDltsAtLeast,
      levels: esc.levels.map((id) => ({ id, name: levelName(protocol, id) })),
      interpretation: interpretationOf(esc),
    },
    state: board.kind,
    ...boardMessage(board),
    cohorts,
    levels: levels.map((l) => ({
      levelId: levelIdOf(l.level),
      name: levelName(protocol, levelIdOf(l.level)),
      patients: l.patients,
      dlts: l.dlts,
      closed: l.closed,
    })),
    next: nextView(protocol, loaded),
    awaitingConfirmation: unconfirmed?.cohort ?? null,
  };
}

const NOT_APPLICABLE: EscalationBoardView = {
  design: null,
  state: 'not-applicable',
  message: 'the protocol has no dose escalation',
  rule: null,
  cohorts: [],
  levels: [],
  next: null,
  awaitingConfirmation: null,
};

/** The escalation board: cohorts, each participant's DLT status, counts, the engine's decisions and confirmations. */
export async function getEscalationBoard(
  deps: ServiceDeps,
  _actor: Actor,
  params: { studyId: string },
): Promise<EscalationBoardView> {
  const protocol = await currentProtocolOf(deps.db, params.studyId);
  const loaded = await loadEscalationBoard(deps.db, {
    studyId: params.studyId,
    protocol,
    today: todayOf(deps),
  });
  return loaded === null
    ? NOT_APPLICABLE
    : toBoardView(deps.db, { studyId: params.studyId, protocol, loaded });
}

export interface ConfirmDecisionInput {
  readonly studyId: string;
  readonly cohort: number;
  readonly decision: string;
  readonly dlts: number;
  readonly evaluable: number;
  readonly note?: string | undefined;
}

/** Investigators (form:sign) and study admins (study:manage) confirm escalation decisions. */
export function requireDecider(actor: Actor, studyId: string): void {
  const principal = actor.principal;
  const may =
    principal !== null &&
    (checkAccess(principal, 'form:sign', { studyId }).allowed ||
      checkAccess(principal, 'study:manage', { studyId }).allowed);
  if (!may) {
    throw new AppError(
      'FORBIDDEN',
      'only an investigator or a study administrator confirms escalation decisions',
      {
        permission: 'form:sign',
        reason: 'role-lacks-permission',
      },
    );
  }
}

/** Checks the confirmation against the board: complete cohort, in order, not yet confirmed, same decision and counts. */
function checkConfirmation(loaded: LoadedBoard, input: ConfirmDecisionInput): BoardCohortRow {
  const { board, esc } = loaded;
  if (input.dlts > input.evaluable || input.evaluable > esc.cohortSize) {
    throw ruleViolated(
      'counts-within-cohort',
      `cohort ${input.cohort} cannot have ${input.dlts} DLT(s) among ${input.evaluable} evaluable participant(s): a cohort has ${esc.cohortSize} evaluable participants and DLTs cannot exceed them`,
    );
  }
  if (board.kind === 'invalid') {
    throw ruleViolated('escalation-board', board.problems.map((p) => p.message).join('; '), {
      problems: board.problems,
    });
  }
  const row = board.rows.find((r) => r.cohort === input.cohort);
  if (row === undefined) {
    if (board.kind === 'refused' && board.cohort === input.cohort) {
      throw ruleViolated(board.reason, board.message, {
        cohort: board.cohort,
        pending: board.pending,
        evaluable: board.evaluable,
      });
    }
    throw ruleViolated('cohort-complete', `cohort ${input.cohort} is not a complete cohort on the board`, {
      cohort: input.cohort,
    });
  }
  const earlier = board.rows.find(
    (r) => r.cohort < input.cohort && !loaded.decisions.some((d) => d.cohort === r.cohort),
  );
  if (earlier !== undefined) {
    throw ruleViolated('decided-in-order', `confirm cohort ${earlier.cohort}'s decision first`, {
      cohort: earlier.cohort,
    });
  }
  if (loaded.decisions.some((d) => d.cohort === input.cohort)) {
    throw ruleViolated('already-confirmed', `cohort ${input.cohort}'s decision is already confirmed`, {
      cohort: input.cohort,
    });
  }
  const word = decisionWord(row);
  if (word !== input.decision || row.dlts !== input.dlts || row.evaluable !== input.evaluable) {
    throw ruleViolated(
      'board-mismatch',
      `the board says ${row.dlts}/${row.evaluable} with DLT → ${word}; you confirmed ${input.dlts}/${input.evaluable} → ${input.decision}. Reload the board`,
      { decision: word, dlts: row.dlts, evaluable: row.evaluable },
    );
  }
  return row;
}

/**
 * An investigator or study admin confirms the board's decision for a complete cohort (after re-authentication).
 * Refused out of order (an incomplete cohort, unsigned assessments, an earlier cohort unconfirmed) or when the
 * decision or counts differ from the board; nothing is saved then.
 */
export async function confirmEscalationDecision(
  deps: ServiceDeps,
  actor: Actor,
  input: ConfirmDecisionInput,
): Promise<EscalationBoardView> {
  requireDecider(actor, input.studyId);
  const protocol = await currentProtocolOf(deps.db, input.studyId);
  return auditedWrite(deps, actor, async (tx) => {
    const loaded = await loadEscalationBoard(tx.trx, {
      studyId: input.studyId,
      protocol,
      today: todayOf(deps),
    });
    if (loaded === null) {
      throw ruleViolated('no-escalation', 'the protocol has no dose escalation');
    }
    const row = checkConfirmation(loaded, input);
    const board = loaded.board;
    const next = board.kind === 'ready' && board.rows.at(-1)?.cohort === row.cohort ? board.next : null;
    const nextLevel = next?.kind === 'treat' ? (loaded.esc.levels[next.level - 1] ?? null) : null;
    const levelId = loaded.esc.levels[row.level - 1] ?? String(row.level);
    const saved = await insertEscalationDecision(tx.trx, {
      studyId: input.studyId,
      cohort: row.cohort,
      levelId,
      decision: decisionWord(row),
      summary: row.summary,
      dlts: row.dlts,
      evaluable: row.evaluable,
      nextLevel,
      note: input.note ?? null,
      userId: actor.userId,
    });
    await tx.audit({
      action: 'escalation.confirm',
      entityType: 'escalation_decision',
      entityId: saved.id,
      studyId: input.studyId,
      after: {
        cohort: row.cohort,
        level: levelId,
        decision: saved.decision,
        dlts: row.dlts,
        evaluable: row.evaluable,
        summary: row.summary,
        nextLevel,
      },
      reason: input.note ?? null,
    });
    const after = await loadEscalationBoard(tx.trx, {
      studyId: input.studyId,
      protocol,
      today: todayOf(deps),
    });
    return toBoardView(tx.trx, { studyId: input.studyId, protocol, loaded: after ?? loaded });
  });
}
