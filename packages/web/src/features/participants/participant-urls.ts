/** The URL of a study's participant list. */
export function participantsUrl(studyId: string): string {
  return `/studies/${studyId}/participants`;
}

/** The URL of one participant's page (screening form and actions). */
export function participantUrl(studyId: string, participantId: string): string {
  return `${participantsUrl(studyId)}/${participantId}`;
}

/** A timestamp's calendar date (UTC) for tables: `2026-03-02T09:15:00.000Z` → `2026-03-02`. */
export function isoDay(timestamp: string | null): string {
  return timestamp === null ? '—' : timestamp.slice(0, 10);
}
