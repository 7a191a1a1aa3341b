// URLs of the safety pages (routes in app/app-routes.tsx).

/** The study's Safety section: SAE deadlines, AE tables, lab AE proposals. */
export function safetyUrl(studyId: string): string {
  return `/studies/${studyId}/safety`;
}

/** A participant's adverse-event log. */
export function aeLogUrl(studyId: string, participantId: string): string {
  return `/studies/${studyId}/participants/${participantId}/adverse-events`;
}

/** The form for a new adverse event of a participant. */
export function newAeUrl(studyId: string, participantId: string): string {
  return `${aeLogUrl(studyId, participantId)}/new`;
}

/** One adverse event (edit, SAE deadlines and reports, history). */
export function aeUrl(params: { studyId: string; participantId: string; aeId: string }): string {
  return `${aeLogUrl(params.studyId, params.participantId)}/${params.aeId}`;
}
