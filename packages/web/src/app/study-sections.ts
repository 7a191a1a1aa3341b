/**
 * The second-level navigation inside a study. `path` is relative to `/studies/:studyId`; a section
 * without a path is not built yet and shows as "soon". When an issue delivers a section, give it a
 * path here and add its route in app-routes.tsx.
 */
export interface StudySection {
  key: string;
  label: string;
  path?: string;
}

export const STUDY_SECTIONS: readonly StudySection[] = [
  { key: 'overview', label: 'Overview', path: '' },
  { key: 'schedule', label: 'Schedule', path: 'schedule' },
  { key: 'participants', label: 'Participants', path: 'participants' },
  { key: 'screening', label: 'Screening', path: 'screening' },
  { key: 'casebooks', label: 'Casebooks', path: 'casebooks' },
  { key: 'queries', label: 'Queries', path: 'queries' },
  { key: 'safety', label: 'Safety', path: 'safety' },
  { key: 'dosing', label: 'Dosing', path: 'dosing' },
  { key: 'analysis', label: 'Analysis', path: 'analysis' },
  { key: 'exports', label: 'Exports' },
  { key: 'audit', label: 'Audit' },
];

/** The URL of a section of a study. */
export function studySectionUrl(studyId: string, path: string): string {
  return path === '' ? `/studies/${studyId}` : `/studies/${studyId}/${path}`;
}
