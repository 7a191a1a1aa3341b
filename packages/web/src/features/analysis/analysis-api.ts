// API calls of the analysis page: the study analysis (zod-validated) and the AE table of the safety helper
// (which may not exist on this server yet: the page degrades on 404). Plain download URLs for CSV and reports.
import { AeTableResponseSchema, AnalysisResponseSchema } from '@celltrial/contracts';
import { API_PREFIX, apiRequest } from '../../lib/api-client.js';

const studyPath = (studyId: string): string => `/studies/${encodeURIComponent(studyId)}`;

export const analysisApi = {
  get: (studyId: string, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/analysis`, { schema: AnalysisResponseSchema, signal }),
  aeTable: (studyId: string, signal?: AbortSignal) =>
    apiRequest(`${studyPath(studyId)}/safety/ae-table`, { schema: AeTableResponseSchema, signal }),
};

/** Links the browser downloads directly (cookies go along; the server sets the file name). */
export const analysisDownloads = (studyId: string) => ({
  datasetCsv: `${API_PREFIX}${studyPath(studyId)}/analysis/dataset.csv`,
  reportHtml: `${API_PREFIX}${studyPath(studyId)}/analysis/report.html`,
  reportPdf: `${API_PREFIX}${studyPath(studyId)}/analysis/report.pdf`,
});
