import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { participantsApi, type ParticipantRef, type SaveScreeningBody } from '../../lib/participants-api.js';
import { participantKeys } from '../participants/use-participants.js';

/** The participant's latest screening record (revision 0 and null data before the first save). */
export function useScreening(ref: ParticipantRef) {
  return useQuery({
    queryKey: participantKeys.screening(ref),
    queryFn: ({ signal }) => participantsApi.getScreening(ref, signal),
  });
}

/** Saves a new revision; the server evaluates eligibility and the participant's verdict changes. */
export function useSaveScreening(ref: ParticipantRef) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveScreeningBody) => participantsApi.saveScreening(ref, body),
    onSuccess: (screening) => {
      client.setQueryData(participantKeys.screening(ref), screening);
      void client.invalidateQueries({ queryKey: participantKeys.one(ref) });
      void client.invalidateQueries({ queryKey: participantKeys.lists(ref.studyId) });
      void client.invalidateQueries({ queryKey: participantKeys.screeningLog(ref.studyId) });
    },
  });
}
