// Test-only: API bodies of the casebook endpoints (shapes from @celltrial/contracts). Never imported by the app.
import type {
  CasebookView,
  CasebookVisitView,
  DataQueryView,
  FormRecordView,
  FormSummaryView,
  SessionResponse,
} from '@celltrial/contracts';
import type { StudyRole } from '@celltrial/core';
import { ADMIN_SESSION } from '../../../testing/fixtures.js';
import {
  PARTICIPANT_ID,
  SITE_PNUYH,
  STUDY_ID,
  enrolledView,
} from '../../participants/testing/participant-fixtures.js';

export { PARTICIPANT_ID, SITE_PNUYH, STUDY_ID };

export const VISIT_ID = '00000000-0000-4000-8000-0000000000d1';
export const FORM_RECORD_ID = '00000000-0000-4000-8000-0000000000e1';
export const QUERY_ID = '00000000-0000-4000-8000-0000000000f1';
export const LOCK_ID = '00000000-0000-4000-8000-0000000000f9';

export const PARTICIPANT_BASE = `/api/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}`;

/** A signed-in user holding one role at PNUYH (not a system administrator). */
export function sessionAs(role: StudyRole, displayName = `Test ${role}`): SessionResponse {
  return {
    ...ADMIN_SESSION,
    user: {
      ...ADMIN_SESSION.user,
      username: role,
      displayName,
      isSystemAdmin: false,
      grants: [
        { studyId: STUDY_ID, studyCode: 'MSC-ALS-01', siteId: SITE_PNUYH.id, siteCode: 'PNUYH', role },
      ],
    },
  };
}

export function formSummary(overrides: Partial<FormSummaryView> = {}): FormSummaryView {
  return {
    formKey: 'alsfrs-r',
    name: 'ALSFRS-R',
    formRecordId: null,
    entryNumber: 1,
    status: 'not-started',
    version: 0,
    openQueries: 0,
    verification: 'none',
    signed: false,
    locked: false,
    updatedAt: null,
    summary: null,
    ...overrides,
  };
}

export function visitView(overrides: Partial<CasebookVisitView> = {}): CasebookVisitView {
  return {
    visitKey: 'baseline',
    occurrence: null,
    name: 'Baseline',
    epoch: 'treatment',
    unscheduled: false,
    plannedDate: '2026-03-10',
    windowStart: '2026-03-03',
    windowEnd: '2026-03-17',
    anchorSource: 'actual',
    actualDate: null,
    status: 'due',
    days: 5,
    visitId: null,
    rowVersion: 0,
    reason: null,
    outOfWindowReason: null,
    locked: false,
    forms: [formSummary()],
    ...overrides,
  };
}

export function casebookBody(overrides: Partial<CasebookView> = {}): CasebookView {
  return {
    participant: enrolledView(),
    synthetic: false,
    asOf: '2026-03-12',
    visits: [
      visitView({
        visitKey: 'screening',
        name: 'Screening',
        status: 'done',
        days: 0,
        actualDate: '2026-03-01',
        visitId: '00000000-0000-4000-8000-0000000000d0',
        rowVersion: 1,
        forms: [],
      }),
      visitView(),
    ],
    logs: [{ formKey: 'con-meds', name: 'Concomitant medications', entries: [] }],
    locks: [],
    signature: null,
    openQueries: 0,
    calendarNote: null,
    ...overrides,
  };
}

export function dataQuery(overrides: Partial<DataQueryView> = {}): DataQueryView {
  return {
    id: QUERY_ID,
    studyId: STUDY_ID,
    siteId: SITE_PNUYH.id,
    participantId: PARTICIPANT_ID,
    participantNumber: 'PNUYH-001',
    formRecordId: FORM_RECORD_ID,
    formKey: 'alsfrs-r',
    visitKey: 'baseline',
    itemId: 'q1',
    status: 'open',
    origin: 'manual',
    checkId: null,
    itemValue: 3,
    openedAt: '2026-03-11T09:00:00.000Z',
    openedBy: 'Mona Monitor',
    messages: [
      {
        action: 'open',
        body: 'Source says 4; please check.',
        author: 'Mona Monitor',
        at: '2026-03-11T09:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

/** Every ALSFRS-R item 4 except speech (q1 = 3), no gastrostomy: total 47 (hand calculation). */
export const ALSFRS_R_VALUES: Record<string, unknown> = {
  gastrostomy: false,
  q1: 3,
  q2: 4,
  q3: 4,
  q4: 4,
  q5a: 4,
  q6: 4,
  q7: 4,
  q8: 4,
  q9: 4,
  q10: 4,
  q11: 4,
  q12: 4,
};

export function formRecordBody(overrides: Partial<FormRecordView> = {}): FormRecordView {
  return {
    id: FORM_RECORD_ID,
    participantId: PARTICIPANT_ID,
    visitId: VISIT_ID,
    visitKey: 'baseline',
    formKey: 'alsfrs-r',
    entryNumber: 1,
    definitionVersion: 'alsfrs-r@1',
    status: 'complete',
    version: 1,
    values: ALSFRS_R_VALUES,
    derived: { total: { value: 47, algorithm: 'alsfrs-r@1' } },
    warnings: [],
    missing: [],
    updatedAt: '2026-03-10T10:00:00.000Z',
    updatedBy: 'Cora Coordinator',
    queries: [],
    verifications: [],
    signature: null,
    lock: null,
    synthetic: false,
    ...overrides,
  };
}

/** A casebook whose baseline visit is recorded and holds the saved ALSFRS-R record. */
export function casebookWithRecord(overrides: Partial<CasebookView> = {}): CasebookView {
  return casebookBody({
    visits: [
      visitView({
        status: 'done',
        days: 0,
        actualDate: '2026-03-10',
        visitId: VISIT_ID,
        rowVersion: 1,
        forms: [
          formSummary({
            formRecordId: FORM_RECORD_ID,
            status: 'complete',
            version: 1,
            summary: 'ALSFRS-R 47',
          }),
        ],
      }),
    ],
    ...overrides,
  });
}
