import type { FormRecordView } from '@celltrial/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { casebookApi, type FormRecordRef, type SaveFormBody } from '../../lib/casebook-api.js';
import { isApiError } from '../../lib/api-error.js';
import type { ParticipantRef } from '../../lib/participants-api.js';
import { participantKeys } from '../participants/use-participants.js';
import { casebookKeys } from './casebook-keys.js';

/** One saved form record with its queries, verifications, signature and lock. */
export function useFormRecord(ref: FormRecordRef) {
  return useQuery({
    queryKey: casebookKeys.form(ref),
    queryFn: ({ signal }) => casebookApi.getForm(ref, signal),
  });
}

/** Every saved value of every item, with who changed it, when and why. */
export function useFormHistory(ref: FormRecordRef, enabled: boolean) {
  return useQuery({
    queryKey: casebookKeys.history(ref),
    queryFn: ({ signal }) => casebookApi.formHistory(ref, signal),
    enabled,
  });
}

/** Stores a form record the server sent and refreshes the casebook, queries and history. */
export function useFormRecordChanged(ref: ParticipantRef) {
  const client = useQueryClient();
  return (record: FormRecordView) => {
    client.setQueryData(casebookKeys.form({ ...ref, formRecordId: record.id }), record);
    void client.invalidateQueries({ queryKey: casebookKeys.all(ref.studyId) });
    void client.invalidateQueries({ queryKey: participantKeys.one(ref) });
  };
}

/** Where a save goes: a new form at a visit, a new log entry, or an existing record. */
export type FormTarget =
  | { kind: 'visit'; visitId: string; formKey: string }
  | { kind: 'log'; formKey: string }
  | { kind: 'record'; formRecordId: string };

/** Saves form values (complete or not); the server evaluates them again and raises or closes queries. */
export function useSaveForm(ref: ParticipantRef, target: FormTarget) {
  const changed = useFormRecordChanged(ref);
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveFormBody) => {
      switch (target.kind) {
        case 'visit':
          return casebookApi.createVisitForm({ ...ref, ...target, body });
        case 'log':
          return casebookApi.createLogEntry({ ...ref, formKey: target.formKey, body });
        case 'record':
          return casebookApi.saveForm({ ...ref, formRecordId: target.formRecordId }, body);
      }
    },
    onSuccess: changed,
    // Someone else saved: refresh the record and casebook in the background (the editor keeps the user's values).
    onError: (error) => {
      if (isApiError(error, 'STALE_VERSION')) {
        void client.invalidateQueries({ queryKey: casebookKeys.all(ref.studyId) });
      }
    },
  });
}

/** Marks items source-data verified at a form version (monitor); no item ids = every item with a value. */
export function useVerifyForm(ref: FormRecordRef) {
  const changed = useFormRecordChanged(ref);
  return useMutation({
    mutationFn: (body: { itemIds?: string[]; formVersion: number }) => casebookApi.verify(ref, body),
    onSuccess: changed,
  });
}

/** The investigator's signature of a form version (after password re-entry). */
export function useSignForm(ref: FormRecordRef) {
  const changed = useFormRecordChanged(ref);
  return useMutation({
    mutationFn: (formVersion: number) => casebookApi.signForm(ref, formVersion),
    onSuccess: changed,
  });
}
