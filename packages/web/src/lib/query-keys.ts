/** Query keys shared across features (one place, so invalidation cannot miss a spelling). */
export const queryKeys = {
  session: ['session'] as const,
  /** Set (true) by a deliberate sign-out, so the session guard sends the user to plain /login. */
  signedOut: ['signed-out'] as const,
  studies: ['studies'] as const,
  study: (studyId: string) => ['studies', studyId] as const,
  studySites: (studyId: string) => ['studies', studyId, 'sites'] as const,
};
