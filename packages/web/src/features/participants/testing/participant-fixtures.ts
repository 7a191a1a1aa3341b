// Test-only: API bodies of the participant endpoints (shapes from @celltrial/contracts). Never imported by the app.
import type { ParticipantView, ScreeningResponse, Site } from '@celltrial/contracts';
import { SAMPLE_STUDY } from '../../../testing/fixtures.js';

export const STUDY_ID = SAMPLE_STUDY.id;

export const SITE_PNUYH: Site = {
  id: '00000000-0000-4000-8000-0000000000b1',
  studyId: STUDY_ID,
  code: 'PNUYH',
  name: 'Pusan National University Yangsan Hospital',
  country: 'South Korea',
};

export const SITE_SNUH: Site = {
  id: '00000000-0000-4000-8000-0000000000b2',
  studyId: STUDY_ID,
  code: 'SNUH',
  name: 'Seoul National University Hospital',
  country: 'South Korea',
};

export const PARTICIPANT_ID = '00000000-0000-4000-8000-0000000000c1';

/** A candidate in screening at PNUYH; override any field. */
export function participantView(overrides: Partial<ParticipantView> = {}): ParticipantView {
  return {
    id: PARTICIPANT_ID,
    studyId: STUDY_ID,
    siteId: SITE_PNUYH.id,
    siteCode: 'PNUYH',
    screeningNumber: 'PNUYH-S001',
    subjectNumber: null,
    status: 'screening',
    protocolVersion: 1,
    createdAt: '2026-03-02T09:00:00.000Z',
    enrolledAt: null,
    screenFailure: null,
    cohort: null,
    rowVersion: 1,
    eligibility: null,
    allocation: null,
    emergencyUnblinded: false,
    synthetic: false,
    endOfParticipation: null,
    ...overrides,
  };
}

/** An enrolled participant whose saved revision 1 was eligible and signed. */
export function enrolledView(overrides: Partial<ParticipantView> = {}): ParticipantView {
  return participantView({
    subjectNumber: 'PNUYH-001',
    status: 'enrolled',
    enrolledAt: '2026-03-02T10:00:00.000Z',
    rowVersion: 2,
    eligibility: {
      verdict: 'eligible',
      evaluatedAt: '2026-03-02T09:30:00.000Z',
      recordRevision: 1,
      confirmedAt: '2026-03-02T10:00:00.000Z',
      confirmedBy: 'Ada Admin',
    },
    ...overrides,
  });
}

/** GET …/screening: revision 0 and no data before the first save. */
export function screeningBody(revision = 0, data: Record<string, unknown> | null = null): ScreeningResponse {
  return { participantId: PARTICIPANT_ID, revision, data, eligibility: null };
}
