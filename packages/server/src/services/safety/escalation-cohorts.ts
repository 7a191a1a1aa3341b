import {
  assessDltEvaluability,
  escalationBoard,
  toBoardDltStatus,
  type BoardDesign,
  type BoardDltStatus,
  type EscalationBoardResult,
  type Protocol,
  type ProtocolEscalation,
} from '@celltrial/core';
import {
  listDltAssessments,
  listDoseAdministrations,
  listEscalationDecisions,
  listParticipants,
  listVisits,
  type DltAssessmentRow,
  type EscalationDecisionRow,
  type Executor,
  type ParticipantRow,
} from '@celltrial/db';

/** Cohort labels are `<n>:<dose level id>`, e.g. `2:middle`. */
export function cohortLabel(params: { cohort: number; levelId: string }): string {
  return `${params.cohort}:${params.levelId}`;
}

export function parseCohortLabel(label: string): { cohort: number; levelId: string } | null {
  const match = /^(\d+):(.+)$/.exec(label);
  return match === null ? null : { cohort: Number(match[1]), levelId: match[2] ?? '' };
}

/** The 3+3 design of the protocol's escalation: its counts read "stop if ≥ stopIfDltsAtLeast" of 3 or of 6. */
export function boardDesignOf(esc: ProtocolEscalation): BoardDesign {
  return {
    kind: 'three-plus-three',
    variant: esc.variant,
    startLevel: esc.levels.indexOf(esc.startLevel) + 1,
    counts: {
      cohortSize: esc.cohortSize,
      escalateIfAtMost: esc.escalateIfDltsAtMost,
      expandIfAtMost: esc.stopIfDltsAtLeast - 1,
      escalateAfterExpansionIfAtMost: esc.stopIfDltsAtLeast - 1,
    },
  };
}

/** Dose visits of the protocol (any arm): the first one recorded as done dates the first dose when none is administered. */
function doseVisitKeys(protocol: Protocol): Set<string> {
  return new Set(protocol.administrations.flatMap((a) => a.doses.map((d) => d.visit)));
}

/**
 * The first-dose day of each participant: the earliest recorded administration, else the earliest dosing visit
 * recorded as done.
 */
export async function firstDoseDates(
  db: Executor,
  params: { participants: readonly ParticipantRow[]; protocol: Protocol },
): Promise<Map<string, string>> {
  const ids = params.participants.map((p) => p.id);
  const administrations = await listDoseAdministrations(db, ids);
  const out = new Map<string, string>();
  for (const a of administrations) {
    const seen = out.get(a.participant_id);
    if (seen === undefined || a.administered_date < seen) {
      out.set(a.participant_id, a.administered_date);
    }
  }
  const doseVisits = doseVisitKeys(params.protocol);
  for (const p of params.participants) {
    if (!out.has(p.id)) {
      const dates = (await listVisits(db, p.id))
        .filter((v) => v.status === 'done' && v.actual_date !== null && doseVisits.has(v.visit_key))
        .map((v) => v.actual_date as string)
        .sort();
      if (dates[0] !== undefined) {
        out.set(p.id, dates[0]);
      }
    }
  }
  return out;
}

export interface DltStatus {
  readonly status: BoardDltStatus;
  readonly evaluable: boolean | null;
  readonly windowEnd: string | null;
  readonly explanation: string;
}

/** Whether the assessment counts: signed, and the signature is of its current version. */
export function isSigned(a: DltAssessmentRow | undefined): a is DltAssessmentRow {
  return a !== undefined && a.signed_at !== null && a.signed_version === a.version;
}

/**
 * A participant's DLT status for the board: only a signed assessment is a decision; a withdrawn participant whose
 * window had not ended by today left before it ended (not evaluable unless they had a DLT).
 */
export function dltStatusOf(params: {
  firstDoseDate: string | undefined;
  windowDays: number;
  today: string;
  withdrawn: boolean;
  assessment: DltAssessmentRow | undefined;
}): DltStatus {
  if (params.firstDoseDate === undefined) {
    return {
      status: 'pending',
      evaluable: null,
      windowEnd: null,
      explanation: 'not dosed yet: the DLT window has not started',
    };
  }
  const signed = isSigned(params.assessment) ? params.assessment : undefined;
  const decision =
    signed === undefined
      ? null
      : { dlt: signed.dlt, date: signed.dlt_date ?? (signed.signed_at as Date).toISOString().slice(0, 10) };
  const assessment = assessDltEvaluability({
    firstDoseDate: params.firstDoseDate,
    windowDays: params.windowDays,
    today: params.today,
    discontinuedDate: params.withdrawn ? params.today : null,
    dltDecision: decision,
  });
  if (assessment.kind === 'invalid') {
    const why = assessment.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    return { status: 'pending', evaluable: null, windowEnd: null, explanation: `cannot assess: ${why}` };
  }
  const unsigned =
    params.assessment !== undefined && signed === undefined
      ? '; the DLT assessment is saved but not signed'
      : '';
  return {
    status: toBoardDltStatus(assessment),
    evaluable: assessment.kind === 'pending' ? null : assessment.kind === 'evaluable',
    windowEnd: assessment.windowEnd,
    explanation: `${assessment.explanation}${unsigned}`,
  };
}

export interface CohortMember extends DltStatus {
  readonly participant: ParticipantRow;
  readonly firstDoseDate: string | null;
  readonly assessment: DltAssessmentRow | undefined;
}

export interface LoadedCohort {
  readonly cohort: number;
  readonly levelId: string;
  readonly members: readonly CohortMember[];
}

export interface LoadedBoard {
  readonly esc: ProtocolEscalation;
  readonly cohorts: readonly LoadedCohort[];
  readonly board: EscalationBoardResult;
  readonly decisions: readonly EscalationDecisionRow[];
}

const IN_COHORT = new Set(['enrolled', 'completed', 'withdrawn']);

/**
 * The escalation board from the database: cohorts from participants' cohort labels, each participant's DLT status
 * from the signed assessment and the DLT window, the engine's decisions, and the confirmed decisions. Null when
 * the protocol has no dose escalation.
 */
export async function loadEscalationBoard(
  db: Executor,
  params: { studyId: string; protocol: Protocol; today: string },
): Promise<LoadedBoard | null> {
  const esc = params.protocol.design.escalation;
  if (esc === undefined) {
    return null;
  }
  const all = await listParticipants(db, { studyId: params.studyId, siteIds: 'all' });
  const members = all.filter(
    (p) => IN_COHORT.has(p.status) && p.cohort !== null && parseCohortLabel(p.cohort) !== null,
  );
  const [firstDoses, assessments, decisions] = await Promise.all([
    firstDoseDates(db, { participants: members, protocol: params.protocol }),
    listDltAssessments(db, params.studyId),
    listEscalationDecisions(db, params.studyId),
  ]);
  const byParticipant = new Map(assessments.map((a) => [a.participant_id, a]));
  const byCohort = new Map<number, { levelId: string; members: CohortMember[] }>();
  for (const p of members) {
    const label = parseCohortLabel(p.cohort ?? '');
    if (label === null) {
      continue;
    }
    const firstDoseDate = firstDoses.get(p.id);
    const assessment = byParticipant.get(p.id);
    const status = dltStatusOf({
      firstDoseDate,
      windowDays: esc.dltWindowDays,
      today: params.today,
      withdrawn: p.status === 'withdrawn',
      assessment,
    });
    const entry = byCohort.get(label.cohort) ?? { levelId: label.levelId, members: [] };
    entry.members.push({ ...status, participant: p, firstDoseDate: firstDoseDate ?? null, assessment });
    byCohort.set(label.cohort, entry);
  }
  const cohorts: LoadedCohort[] = [...byCohort.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([cohort, c]) => ({ cohort, levelId: c.levelId, members: c.members }));
  const board = escalationBoard({
    design: boardDesignOf(esc),
    doseLevels: esc.levels.map((label) => ({ label })),
    cohorts: cohorts.map((c) => ({
      level: esc.levels.indexOf(c.levelId) + 1,
      participants: c.members.map((m) => ({ id: m.participant.id, dlt: m.status })),
    })),
  });
  return { esc, cohorts, board, decisions };
}
