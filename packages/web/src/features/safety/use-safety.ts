import type { AdverseEventFields } from '@celltrial/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../lib/api-error.js';
import type { ParticipantRef } from '../../lib/participants-api.js';
import {
  safetyApi,
  type AdverseEventRef,
  type AeTableQuery,
  type SaeReportBody,
  type UpdateAdverseEventBody,
} from '../../lib/safety-api.js';
import { useParticipants } from '../participants/use-participants.js';
import { safetyKeys } from './safety-keys.js';

/** CTCAE v5.0 terms matching the text (idle below 2 characters). */
export function useCtcaeTerms(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: safetyKeys.ctcae(text),
    queryFn: ({ signal }) => safetyApi.ctcaeTerms(text, signal),
    enabled: text.length >= 2,
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** A participant's adverse events with SAE clocks, and the procedures causality is asked for. */
export function useAdverseEvents(ref: ParticipantRef) {
  return useQuery({
    queryKey: safetyKeys.aes(ref),
    queryFn: ({ signal }) => safetyApi.listAdverseEvents(ref, signal),
  });
}

/** One adverse event with every saved version. */
export function useAdverseEvent(ref: AdverseEventRef) {
  return useQuery({
    queryKey: safetyKeys.ae(ref),
    queryFn: ({ signal }) => safetyApi.getAdverseEvent(ref, signal),
  });
}

/** Refreshes every safety view of the study (AE lists, SAE list, tables, proposals, dosing, escalation). */
export function useSafetyChanged(studyId: string) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: safetyKeys.all(studyId) });
}

/** Records a new AE, or changes a saved one (with the version edited and the reason). */
export function useSaveAdverseEvent(ref: ParticipantRef, aeId: string | null) {
  const changed = useSafetyChanged(ref.studyId);
  return useMutation({
    mutationFn: (body: AdverseEventFields | UpdateAdverseEventBody) =>
      aeId === null
        ? safetyApi.createAdverseEvent(ref, body)
        : safetyApi.updateAdverseEvent({ ...ref, aeId }, body as UpdateAdverseEventBody),
    onSuccess: changed,
    onError: (error) => {
      if (isApiError(error, 'STALE_VERSION')) {
        changed();
      }
    },
  });
}

/** Records an SAE report sent to the sponsor (initial, follow-up, SUSAR). */
export function useRecordSaeReport(ref: AdverseEventRef) {
  const changed = useSafetyChanged(ref.studyId);
  return useMutation({
    mutationFn: (body: SaeReportBody) => safetyApi.recordSaeReport(ref, body),
    onSuccess: changed,
  });
}

/** The study's serious AEs with their reporting deadlines (overdue first). */
export function useSaeList(studyId: string, overdueOnly: boolean) {
  return useQuery({
    queryKey: safetyKeys.saes(studyId, overdueOnly),
    queryFn: ({ signal }) => safetyApi.listSaes(studyId, { overdueOnly }, signal),
  });
}

/** An AE incidence table (by SOC/term, max grade or relatedness). */
export function useSafetyAeTable(studyId: string, query: AeTableQuery) {
  return useQuery({
    queryKey: safetyKeys.aeTable(studyId, query),
    queryFn: ({ signal }) => safetyApi.aeTable(studyId, query, signal),
    placeholderData: keepPreviousData,
  });
}

/** A participant's lab AE proposals still waiting for the investigator. */
export function useAeProposals(ref: ParticipantRef) {
  return useQuery({
    queryKey: safetyKeys.proposals(ref),
    queryFn: ({ signal }) => safetyApi.listAeProposals(ref, 'proposed', signal),
  });
}

/** Pending lab AE proposals of every participant the user may see (one study-level request). */
export function useStudyAeProposals(studyId: string) {
  const participants = useParticipants(studyId);
  const proposals = useQuery({
    queryKey: [...safetyKeys.all(studyId), 'proposals', 'study'] as const,
    queryFn: ({ signal }) => safetyApi.listStudyAeProposals(studyId, 'proposed', signal),
  });
  const siteOf = new Map((participants.data?.participants ?? []).map((p) => [p.id, p.siteId]));
  return {
    isPending: participants.isPending || proposals.isPending,
    error: participants.error ?? proposals.error ?? null,
    proposals: (proposals.data?.proposals ?? []).map((proposal) => ({
      proposal,
      siteId: siteOf.get(proposal.participantId) ?? '',
    })),
    refetch: () => {
      void participants.refetch();
      void proposals.refetch();
    },
  };
}

/** The investigator confirms a lab AE proposal (an AE is recorded from the prefill plus overrides). */
export function useConfirmProposal(ref: ParticipantRef) {
  const changed = useSafetyChanged(ref.studyId);
  return useMutation({
    mutationFn: (params: { proposalId: string; overrides: Partial<AdverseEventFields> }) =>
      safetyApi.confirmAeProposal({ ...ref, proposalId: params.proposalId }, params.overrides),
    onSuccess: changed,
  });
}

/** The investigator dismisses a lab AE proposal with a reason. */
export function useDismissProposal(ref: ParticipantRef) {
  const changed = useSafetyChanged(ref.studyId);
  return useMutation({
    mutationFn: (params: { proposalId: string; reason: string }) =>
      safetyApi.dismissAeProposal({ ...ref, proposalId: params.proposalId }, params.reason),
    onSuccess: changed,
  });
}
