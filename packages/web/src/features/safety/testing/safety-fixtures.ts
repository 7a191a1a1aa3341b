// Test-only: API bodies of the safety endpoints (shapes from @celltrial/contracts). Never imported by the app.
import type {
  AdverseEventDetailView,
  AdverseEventView,
  AeProposalView,
  AeTableView,
  ReportingDeadlineView,
  SaeClockView,
  SaeListEntryView,
} from '@celltrial/contracts';
import { PARTICIPANT_ID, SITE_PNUYH, STUDY_ID } from '../../participants/testing/participant-fixtures.js';

export { PARTICIPANT_ID, SITE_PNUYH, STUDY_ID };

export const AE_ID = '00000000-0000-4000-8000-0000000001a1';
export const PROPOSAL_ID = '00000000-0000-4000-8000-0000000001b1';
export const FORM_RECORD_ID = '00000000-0000-4000-8000-0000000001c1';
export const PARTICIPANT_BASE = `/api/studies/${STUDY_ID}/participants/${PARTICIPANT_ID}`;

export const PROCEDURES = [
  { id: 'bone-marrow-aspiration', name: 'Bone marrow aspiration', origin: 'protocol' as const },
  { id: 'lumbar-puncture', name: 'Lumbar puncture', origin: 'route' as const },
];

/** An initial-report deadline (hand: aware 2026-03-02T08:15Z + 24 h = 2026-03-03T08:15Z). */
export function deadline(overrides: Partial<ReportingDeadlineView> = {}): ReportingDeadlineView {
  return {
    report: 'initial',
    due: '2026-03-03T08:15:00.000Z',
    allowedHours: 24,
    status: 'overdue',
    reportedAt: null,
    hours: 2.5,
    explanation: 'Initial SAE report due 2026-03-03T08:15:00.000Z: not sent, overdue by 2.5 h',
    ...overrides,
  };
}

export function clock(overrides: Partial<SaeClockView> = {}): SaeClockView {
  return {
    problem: null,
    awarenessAt: '2026-03-02T08:15:00.000Z',
    initial: deadline(),
    susar: deadline({
      report: 'susar',
      due: '2026-03-17T08:15:00.000Z',
      allowedHours: 360,
      status: 'pending',
      hours: 333.5,
    }),
    overdue: true,
    warnings: ['Initial SAE report overdue by 2.5 h'],
    asOf: '2026-03-03T10:45:00.000Z',
    ...overrides,
  };
}

/** A serious, product-related, unexpected grade 3 headache (a SUSAR) of PNUYH-001, version 2. */
export function aeView(overrides: Partial<AdverseEventView> = {}): AdverseEventView {
  return {
    id: AE_ID,
    studyId: STUDY_ID,
    siteId: SITE_PNUYH.id,
    participantId: PARTICIPANT_ID,
    participantNumber: 'PNUYH-001',
    aeNumber: 1,
    version: 2,
    term: 'Severe headache after LP',
    ctcaeTerm: 'Headache',
    soc: 'Nervous system disorders',
    onsetDate: '2026-03-01',
    resolutionDate: null,
    ongoing: true,
    grade: 3,
    serious: true,
    seriousness: ['hospitalisation'],
    relatedness: {
      product: 'possible',
      procedures: { 'lumbar-puncture': 'probable', 'bone-marrow-aspiration': 'not-related' },
    },
    expected: false,
    actionTaken: 'none',
    outcome: 'recovering',
    awarenessDate: '2026-03-02',
    awarenessAt: '2026-03-02T08:15:00.000Z',
    narrative: null,
    related: true,
    susar: 'susar',
    source: 'manual',
    proposalId: null,
    clock: clock(),
    reports: [],
    createdAt: '2026-03-02T09:00:00.000Z',
    createdBy: 'Test coordinator',
    updatedAt: '2026-03-02T10:00:00.000Z',
    updatedBy: 'Test investigator',
    ...overrides,
  };
}

export function aeDetail(overrides: Partial<AdverseEventView> = {}): AdverseEventDetailView {
  return {
    ...aeView(overrides),
    revisions: [
      {
        version: 1,
        changedAt: '2026-03-02T09:00:00.000Z',
        changedBy: 'Test coordinator',
        reason: null,
        changes: [],
      },
      {
        version: 2,
        changedAt: '2026-03-02T10:00:00.000Z',
        changedBy: 'Test investigator',
        reason: 'Worse on day 2 per source notes',
        changes: [{ field: 'grade', before: 2, after: 3 }],
      },
    ],
  };
}

export function aeListBody(aes: AdverseEventView[] = [aeView()]) {
  return { adverseEvents: aes, procedures: PROCEDURES, ctcaeVersion: 'v5.0', aeGradeThreshold: 3 };
}

export function saeEntry(overrides: Partial<SaeListEntryView> = {}): SaeListEntryView {
  return {
    adverseEventId: AE_ID,
    participantId: PARTICIPANT_ID,
    participantNumber: 'PNUYH-001',
    siteId: SITE_PNUYH.id,
    siteCode: 'PNUYH',
    aeNumber: 1,
    term: 'Severe headache after LP',
    ctcaeTerm: 'Headache',
    grade: 3,
    onsetDate: '2026-03-01',
    seriousness: ['hospitalisation'],
    susar: 'susar',
    outcome: 'recovering',
    clock: clock(),
    reportCount: 0,
    ...overrides,
  };
}

export function proposalView(overrides: Partial<AeProposalView> = {}): AeProposalView {
  return {
    id: PROPOSAL_ID,
    participantId: PARTICIPANT_ID,
    participantNumber: 'PNUYH-001',
    formRecordId: FORM_RECORD_ID,
    formVersion: 1,
    visitKey: 'baseline',
    sampleDate: '2026-03-04',
    test: 'alt',
    value: 250,
    unit: 'U/L',
    grade: 3,
    ctcaeTerm: 'Alanine aminotransferase increased',
    ctcaeVersion: 'v5.0',
    reason: 'Alanine aminotransferase increased grade 3 ≥ protocol AE threshold 3 (alt 250 U/L, CTCAE v5.0)',
    status: 'proposed',
    decisionReason: null,
    decidedBy: null,
    decidedAt: null,
    adverseEventId: null,
    createdAt: '2026-03-04T10:00:00.000Z',
    prefill: {
      term: 'Alanine aminotransferase increased',
      ctcaeTerm: 'Alanine aminotransferase increased',
      onsetDate: '2026-03-04',
      awarenessDate: '2026-03-04',
      ongoing: true,
      grade: 3,
      serious: false,
      seriousness: [],
      relatedness: { product: null, procedures: {} },
      expected: null,
      actionTaken: 'none',
      outcome: 'not-recovered',
    },
    ...overrides,
  };
}

/** A blinded SOC/term table: 1 of 4 participants with a headache (hand: 1 / 4 × 100 = 25 %). */
export function aeTableBody(overrides: Partial<AeTableView> = {}): AeTableView {
  const cell = (count: number) => ({ count, percent: (count / 4) * 100 });
  return {
    by: 'soc-term',
    filter: 'all',
    grouping: 'all',
    columns: [
      { kind: 'group', key: 'All participants', label: 'All participants', n: 4 },
      { kind: 'total', key: 'total', label: 'Total', n: 4 },
    ],
    rows: [
      {
        level: 'any',
        label: 'Any adverse event',
        soc: null,
        term: null,
        category: null,
        cells: [cell(1), cell(1)],
      },
      {
        level: 'soc',
        label: 'Nervous system disorders',
        soc: 'Nervous system disorders',
        term: null,
        category: null,
        cells: [cell(1), cell(1)],
      },
      {
        level: 'term',
        label: 'Headache',
        soc: 'Nervous system disorders',
        term: 'Headache',
        category: null,
        cells: [cell(1), cell(1)],
      },
    ],
    participants: 4,
    events: 1,
    notes: ['columns never show treatment arms: your roles in this study are blinded'],
    ...overrides,
  };
}
