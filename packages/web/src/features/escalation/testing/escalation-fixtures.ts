// Test-only: escalation board bodies (shapes from @celltrial/contracts), NCT06598202-like (3+3, 14-day window).
import type { DltAssessmentView, EscalationBoardView } from '@celltrial/contracts';
import { SITE_PNUYH, STUDY_ID } from '../../participants/testing/participant-fixtures.js';

export { SITE_PNUYH, STUDY_ID };

export const P1 = '00000000-0000-4000-8000-0000000002a1';
export const P2 = '00000000-0000-4000-8000-0000000002a2';
export const P3 = '00000000-0000-4000-8000-0000000002a3';

type Cohort = EscalationBoardView['cohorts'][number];
type Member = Cohort['participants'][number];

export function assessment(
  participantId: string,
  overrides: Partial<DltAssessmentView> = {},
): DltAssessmentView {
  return {
    id: `00000000-0000-4000-8000-0000000003${participantId.slice(-2)}`,
    participantId,
    participantNumber: 'PNUYH-00x',
    cohort: '1:low',
    version: 1,
    dlt: false,
    dltDate: null,
    adverseEventIds: [],
    comment: null,
    evaluable: true,
    firstDoseDate: '2026-01-26',
    windowEnd: '2026-02-09',
    explanation: 'DLT window 2026-01-26 to 2026-02-09 (14 days): complete',
    decidedBy: 'Test investigator',
    updatedAt: '2026-02-09T09:00:00.000Z',
    signedBy: 'Test investigator',
    signedAt: '2026-02-09T09:05:00.000Z',
    ...overrides,
  };
}

function member(id: string, number: string, overrides: Partial<Member> = {}): Member {
  return {
    participantId: id,
    participantNumber: number,
    siteCode: SITE_PNUYH.code,
    status: 'no',
    firstDoseDate: '2026-01-26',
    windowEnd: '2026-02-09',
    explanation: 'DLT window 2026-01-26 to 2026-02-09 (14 days): complete',
    assessment: assessment(id, { participantNumber: number }),
    ...overrides,
  };
}

/** Cohort 1 at the low dose: PNUYH-001 still pending (no assessment), the two others signed "no DLT". */
export function pendingCohort(): Cohort {
  return {
    cohort: 1,
    levelId: 'low',
    levelName: 'Low dose',
    participants: [
      member(P1, 'PNUYH-001', {
        status: 'pending',
        assessment: null,
        explanation: 'the DLT assessment is not recorded yet',
      }),
      member(P2, 'PNUYH-002'),
      member(P3, 'PNUYH-003'),
    ],
    evaluable: 2,
    dlts: 0,
    notEvaluable: 0,
    pending: 1,
    complete: false,
    decision: null,
    summary: null,
    levelPatients: null,
    levelDlts: null,
    confirmation: null,
  };
}

/** The same cohort once PNUYH-001's DLT is signed: 1 of 3 → expand to 6 (3+3 rule). */
export function expandCohort(): Cohort {
  const cohort = pendingCohort();
  return {
    ...cohort,
    participants: [
      member(P1, 'PNUYH-001', {
        status: 'yes',
        assessment: assessment(P1, { participantNumber: 'PNUYH-001', dlt: true, dltDate: '2026-01-30' }),
      }),
      ...cohort.participants.slice(1),
    ],
    evaluable: 3,
    dlts: 1,
    pending: 0,
    complete: true,
    decision: 'expand',
    summary: '1 of 3 with DLT at low: expand to 6',
    levelPatients: 3,
    levelDlts: 1,
  };
}

const DESIGN: NonNullable<EscalationBoardView['design']> = {
  kind: 'three-plus-three',
  variant: 'escalation-only',
  cohortSize: 3,
  expansionSize: 3,
  dltWindowDays: 14,
  dltDefinition: 'ASSUMED: any AE of CTCAE grade 3 or higher related to the study drug',
  escalateIfDltsAtMost: 0,
  stopIfDltsAtLeast: 2,
  levels: [
    { id: 'low', name: 'Low dose' },
    { id: 'middle', name: 'Middle dose' },
    { id: 'high', name: 'High dose' },
  ],
  interpretation: '3+3: escalate after 0 of 3; expand to 6 when 1–1 of 3; stop at ≥ 2 of 3 or ≥ 2 of 6',
};

export function boardBody(cohort: Cohort = pendingCohort()): EscalationBoardView {
  const ready = cohort.complete;
  return {
    design: DESIGN,
    state: ready ? 'ready' : 'refused',
    message: ready ? null : 'cohort 1: 1 DLT assessment(s) pending; no decision until all are signed',
    rule: ready ? null : 'dlt-pending',
    cohorts: [cohort],
    levels: [
      { levelId: 'low', name: 'Low dose', patients: ready ? 3 : 0, dlts: ready ? 1 : 0, closed: false },
      { levelId: 'middle', name: 'Middle dose', patients: 0, dlts: 0, closed: false },
      { levelId: 'high', name: 'High dose', patients: 0, dlts: 0, closed: false },
    ],
    next: ready ? { kind: 'treat', levelId: 'low', levelName: 'Low dose', participants: 3 } : null,
    awaitingConfirmation: ready && cohort.confirmation === null ? 1 : null,
  };
}
