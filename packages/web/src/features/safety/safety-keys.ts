import type { AeTableQuery, AdverseEventRef } from '../../lib/safety-api.js';
import type { ParticipantRef } from '../../lib/participants-api.js';
import { queryKeys } from '../../lib/query-keys.js';

// Under the study's key. Every safety write invalidates `all` (an AE changes the SAE list, the tables, the
// proposals and the escalation board at once).
export const safetyKeys = {
  all: (studyId: string) => [...queryKeys.study(studyId), 'safety'] as const,
  aes: (ref: ParticipantRef) => [...safetyKeys.all(ref.studyId), 'aes', ref.participantId] as const,
  ae: (ref: AdverseEventRef) => [...safetyKeys.all(ref.studyId), 'ae', ref.aeId] as const,
  proposals: (ref: ParticipantRef) =>
    [...safetyKeys.all(ref.studyId), 'proposals', ref.participantId] as const,
  saes: (studyId: string, overdueOnly: boolean) => [...safetyKeys.all(studyId), 'saes', overdueOnly] as const,
  aeTable: (studyId: string, query: AeTableQuery) =>
    [...safetyKeys.all(studyId), 'ae-table', query.by, query.filter, query.siteId ?? null] as const,
  ctcae: (q: string) => ['ctcae-terms', q] as const,
};
