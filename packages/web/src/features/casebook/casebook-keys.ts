import type { FormRecordRef, QueryListFilter } from '../../lib/casebook-api.js';
import type { ParticipantRef } from '../../lib/participants-api.js';
import { queryKeys } from '../../lib/query-keys.js';

// Under the study's key, so invalidating a study refreshes its casebooks too. Every casebook write invalidates
// `all`: a form save changes the casebook's form summaries, the query counts and the dashboard at once.
export const casebookKeys = {
  all: (studyId: string) => [...queryKeys.study(studyId), 'casebook'] as const,
  casebook: (ref: ParticipantRef) =>
    [...casebookKeys.all(ref.studyId), 'casebook', ref.participantId] as const,
  form: (ref: FormRecordRef) => [...casebookKeys.all(ref.studyId), 'form', ref.formRecordId] as const,
  history: (ref: FormRecordRef) => [...casebookKeys.all(ref.studyId), 'history', ref.formRecordId] as const,
  queries: (studyId: string, filter: QueryListFilter) =>
    [
      ...casebookKeys.all(studyId),
      'queries',
      filter.status ?? null,
      filter.siteId ?? null,
      filter.participantId ?? null,
    ] as const,
  locks: (studyId: string) => [...casebookKeys.all(studyId), 'locks'] as const,
};
