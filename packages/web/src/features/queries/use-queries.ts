import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  casebookApi,
  type FormRecordRef,
  type QueryAction,
  type QueryListFilter,
} from '../../lib/casebook-api.js';
import { casebookKeys } from '../casebook/casebook-keys.js';

/** The study's data queries (filtered) and the counts per site. */
export function useDataQueries(studyId: string, filter: QueryListFilter = {}, enabled = true) {
  return useQuery({
    queryKey: casebookKeys.queries(studyId, filter),
    queryFn: ({ signal }) => casebookApi.listQueries(studyId, filter, signal),
    enabled,
  });
}

/** Raises a manual query on one item of a saved form (monitor, data manager). */
export function useRaiseQuery(ref: FormRecordRef) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { itemId: string; text: string }) => casebookApi.raiseQuery(ref, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: casebookKeys.all(ref.studyId) }),
  });
}

/** Answers (site), closes, cancels or reopens (monitor, data manager) a query, with a message. */
export function useQueryAction(studyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (params: { queryId: string; action: QueryAction; text: string }) =>
      casebookApi.queryAction({ studyId, ...params }),
    onSuccess: () => void client.invalidateQueries({ queryKey: casebookKeys.all(studyId) }),
  });
}
