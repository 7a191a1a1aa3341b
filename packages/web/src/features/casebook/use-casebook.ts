import type { CasebookView } from '@celltrial/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  casebookApi,
  type EndParticipationBody,
  type LockBody,
  type RecordVisitBody,
} from '../../lib/casebook-api.js';
import { isApiError } from '../../lib/api-error.js';
import type { ParticipantRef } from '../../lib/participants-api.js';
import { participantKeys } from '../participants/use-participants.js';
import { casebookKeys } from './casebook-keys.js';

/** A participant's casebook: visit calendar with per-visit forms, logs, locks, signature, open queries. */
export function useCasebook(ref: ParticipantRef) {
  return useQuery({
    queryKey: casebookKeys.casebook(ref),
    queryFn: ({ signal }) => casebookApi.getCasebook(ref, signal),
  });
}

/** After any casebook write: keep the new casebook when the server sent it, refresh everything else. */
export function useCasebookChanged(ref: ParticipantRef) {
  const client = useQueryClient();
  return (casebook?: CasebookView) => {
    if (casebook !== undefined) {
      client.setQueryData(casebookKeys.casebook(ref), casebook);
    }
    void client.invalidateQueries({ queryKey: casebookKeys.all(ref.studyId) });
    void client.invalidateQueries({ queryKey: participantKeys.one(ref) });
  };
}

/** Records a planned visit as done (with its date) or missed (with a reason). */
export function useRecordVisit(ref: ParticipantRef) {
  const changed = useCasebookChanged(ref);
  return useMutation({
    mutationFn: (params: { visitKey: string; body: RecordVisitBody }) =>
      casebookApi.recordVisit({ ...ref, ...params }),
    onSuccess: (result) => changed(result.casebook),
    // Someone else recorded the visit: load their record (and its row version) so a retry can build on it.
    onError: (error) => {
      if (isApiError(error, 'STALE_VERSION')) {
        changed();
      }
    },
  });
}

/** Adds an unscheduled visit on a date, with the reason for it. */
export function useAddUnscheduledVisit(ref: ParticipantRef) {
  const changed = useCasebookChanged(ref);
  return useMutation({
    mutationFn: (body: { date: string; reason: string }) => casebookApi.addUnscheduledVisit(ref, body),
    onSuccess: (result) => changed(result.casebook),
  });
}

/** Records the end of participation; the casebook comes back with later visits no longer expected. */
export function useEndParticipation(ref: ParticipantRef) {
  const changed = useCasebookChanged(ref);
  return useMutation({
    mutationFn: (body: EndParticipationBody) => casebookApi.endParticipation(ref, body),
    onSuccess: (casebook) => changed(casebook),
  });
}

/** The investigator's signature of the whole casebook (after password re-entry). */
export function useSignCasebook(ref: ParticipantRef) {
  const changed = useCasebookChanged(ref);
  return useMutation({
    mutationFn: () => casebookApi.signCasebook(ref),
    onSuccess: (casebook) => changed(casebook),
  });
}

/** Every lock of the study (active and lifted). */
export function useLocks(studyId: string, enabled = true) {
  return useQuery({
    queryKey: casebookKeys.locks(studyId),
    queryFn: ({ signal }) => casebookApi.listLocks(studyId, signal),
    enabled,
  });
}

/** Locks a form, visit, casebook or the whole study (data manager). */
export function useLock(studyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LockBody) => casebookApi.lock(studyId, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: casebookKeys.all(studyId) }),
  });
}

/** Lifts a lock, with the reason (data manager). */
export function useUnlock(studyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (params: { lockId: string; reason: string }) => casebookApi.unlock({ studyId, ...params }),
    onSuccess: () => void client.invalidateQueries({ queryKey: casebookKeys.all(studyId) }),
  });
}
