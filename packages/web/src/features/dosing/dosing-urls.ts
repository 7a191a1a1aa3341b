// URLs of the dosing pages (routes in app/app-routes.tsx). The escalation board sits under the Dosing section.

/** The study's Dosing section, optionally on one participant. */
export function dosingUrl(studyId: string, participantId?: string): string {
  return participantId === undefined
    ? `/studies/${studyId}/dosing`
    : `/studies/${studyId}/dosing?participant=${encodeURIComponent(participantId)}`;
}

/** The dose-escalation board (studies with design.escalation). */
export function escalationUrl(studyId: string): string {
  return `/studies/${studyId}/dosing/escalation`;
}
