import { useParams } from 'react-router';

/** The `:studyId` route parameter; only for components rendered under `/studies/:studyId`. */
export function useStudyId(): string {
  const { studyId } = useParams();
  if (studyId === undefined) {
    throw new Error('useStudyId used outside a /studies/:studyId route');
  }
  return studyId;
}
