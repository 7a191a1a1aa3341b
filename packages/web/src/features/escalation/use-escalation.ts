import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ParticipantRef } from '../../lib/participants-api.js';
import { safetyApi, type ConfirmDecisionBody, type SaveDltBody } from '../../lib/safety-api.js';
import { safetyKeys } from '../safety/safety-keys.js';
import { useSafetyChanged } from '../safety/use-safety.js';

export const escalationKeys = {
  board: (studyId: string) => [...safetyKeys.all(studyId), 'escalation'] as const,
};

/** The dose-escalation board: cohorts, DLT status per participant, the engine's decisions, confirmations. */
export function useEscalationBoard(studyId: string) {
  return useQuery({
    queryKey: escalationKeys.board(studyId),
    queryFn: ({ signal }) => safetyApi.escalationBoard(studyId, signal),
  });
}

/** Saves a participant's DLT assessment (a change needs a reason and removes the signature). */
export function useSaveDltAssessment(ref: ParticipantRef) {
  const changed = useSafetyChanged(ref.studyId);
  return useMutation({
    mutationFn: (body: SaveDltBody) => safetyApi.saveDltAssessment(ref, body),
    onSuccess: changed,
  });
}

/** The investigator signs a saved DLT assessment version (after password re-entry). */
export function useSignDltAssessment(ref: ParticipantRef) {
  const changed = useSafetyChanged(ref.studyId);
  return useMutation({
    mutationFn: (version: number) => safetyApi.signDltAssessment(ref, version),
    onSuccess: changed,
  });
}

/** Confirms the board's decision for a complete cohort (investigator or study admin, after re-authentication). */
export function useConfirmDecision(studyId: string) {
  const client = useQueryClient();
  const changed = useSafetyChanged(studyId);
  return useMutation({
    mutationFn: (body: ConfirmDecisionBody) => safetyApi.confirmDecision(studyId, body),
    onSuccess: (board) => {
      client.setQueryData(escalationKeys.board(studyId), board);
      changed();
    },
  });
}
