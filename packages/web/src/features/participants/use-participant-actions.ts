import { useMutation, useQueryClient } from '@tanstack/react-query';
import { participantsApi, type ParticipantRef } from '../../lib/participants-api.js';
import { participantKeys, useParticipantUpdated } from './use-participants.js';

/** The investigator's signed confirmation of eligibility for a record revision; enrolls the participant. */
export function useConfirmEligibility(ref: ParticipantRef) {
  const updated = useParticipantUpdated(ref.studyId);
  return useMutation({
    mutationFn: (recordRevision: number) => participantsApi.confirmEligibility(ref, recordRevision),
    onSuccess: updated,
  });
}

/** Records a screen failure with a note (the server adds the criteria not met). */
export function useScreenFailure(ref: ParticipantRef) {
  const updated = useParticipantUpdated(ref.studyId);
  return useMutation({
    mutationFn: (body: { note: string; expectedRowVersion: number }) =>
      participantsApi.screenFailure(ref, body),
    onSuccess: updated,
  });
}

/** Randomizes an enrolled participant (idempotent: a repeat returns the existing allocation). */
export function useRandomize(ref: ParticipantRef) {
  const updated = useParticipantUpdated(ref.studyId);
  return useMutation({
    mutationFn: () => participantsApi.randomize(ref),
    onSuccess: (result) => updated(result.participant),
  });
}

/**
 * Emergency unblinding: the arm comes back once and is kept only in the component that asked (never in the
 * query cache); the participant's view is refreshed for its "unblinded" mark.
 */
export function useEmergencyUnblind(ref: ParticipantRef) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => participantsApi.unblind(ref, reason),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: participantKeys.all(ref.studyId) });
    },
  });
}
