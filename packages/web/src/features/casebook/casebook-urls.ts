// URLs of the casebook pages (routes in app/app-routes.tsx).

/** A participant's casebook: visits, forms, logs, signature and locks. */
export function casebookUrl(studyId: string, participantId: string): string {
  return `/studies/${studyId}/participants/${participantId}/casebook`;
}

/** One saved form record; `item` opens that item's query thread. */
export function formUrl(params: {
  studyId: string;
  participantId: string;
  formRecordId: string;
  item?: string;
}): string {
  const base = `/studies/${params.studyId}/participants/${params.participantId}/forms/${params.formRecordId}`;
  return params.item === undefined ? base : `${base}?item=${encodeURIComponent(params.item)}`;
}

/** A form not started yet at a recorded visit. */
export function newVisitFormUrl(params: {
  studyId: string;
  participantId: string;
  visitId: string;
  formKey: string;
}): string {
  return `/studies/${params.studyId}/participants/${params.participantId}/visits/${params.visitId}/forms/${params.formKey}/new`;
}

/** A new entry of a log form (con-meds, adverse events). */
export function newLogEntryUrl(params: { studyId: string; participantId: string; formKey: string }): string {
  return `/studies/${params.studyId}/participants/${params.participantId}/logs/${params.formKey}/new`;
}

/** The study's casebook list (the "Casebooks" section). */
export function casebooksUrl(studyId: string): string {
  return `/studies/${studyId}/casebooks`;
}

/** The study's query dashboard, optionally filtered. */
export function queriesUrl(
  studyId: string,
  filter: { status?: string; site?: string; participant?: string } = {},
): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'site', 'participant'] as const) {
    const value = filter[key];
    if (value !== undefined) {
      params.set(key, value);
    }
  }
  const text = params.toString();
  return `/studies/${studyId}/queries${text === '' ? '' : `?${text}`}`;
}
