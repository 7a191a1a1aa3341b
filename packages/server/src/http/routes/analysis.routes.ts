import { AnalysisResponseSchema, StudyParamsSchema } from '@celltrial/contracts';
import { getAnalysisDataset, getStudyAnalysis } from '../../services/analysis/analysis.service.js';
import { datasetCsv, datasetFileName } from '../../services/analysis/dataset-csv.js';
import { getStudyReportHtml, getStudyReportPdf } from '../../services/analysis/report/report.service.js';
import type { ApiApp, AppDeps } from '../app-types.js';
import { READ_ERRORS } from '../error-responses.js';
import { requires } from '../route-access.js';

const errors = READ_ERRORS;

/** Analysis of a study's data: endpoint results, the dataset as CSV, and the study report (HTML, PDF). */
export function registerAnalysisRoutes(app: ApiApp, deps: AppDeps): void {
  const access = { access: requires('analysis:run') };

  app.get('/api/studies/:studyId/analysis', {
    config: access,
    schema: {
      tags: ['analysis'],
      summary: 'Endpoint analyses, dataset, survival and ENCALS predictions (arms only for unblinded roles)',
      params: StudyParamsSchema,
      response: { 200: AnalysisResponseSchema, ...errors },
    },
    handler: async (request) => getStudyAnalysis(deps, request.actor, request.params),
  });

  app.get('/api/studies/:studyId/analysis/dataset.csv', {
    config: access,
    schema: {
      tags: ['analysis'],
      summary: 'The analysis dataset in long format as CSV (no arm column for blinded roles)',
      params: StudyParamsSchema,
    },
    handler: async (request, reply) => {
      const dataset = await getAnalysisDataset(deps, request.actor, request.params);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${datasetFileName(dataset)}"`)
        .header('x-celltrial-data-status', dataset.status.source)
        .send(datasetCsv(dataset));
    },
  });

  app.get('/api/studies/:studyId/analysis/report.html', {
    config: access,
    schema: {
      tags: ['analysis'],
      summary: 'The study report as one self-contained HTML page (charts as inline SVG)',
      params: StudyParamsSchema,
    },
    handler: async (request, reply) => {
      const { html, fileStem } = await getStudyReportHtml(deps, request.actor, request.params);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-disposition', `inline; filename="${fileStem}.html"`)
        .send(html);
    },
  });

  app.get('/api/studies/:studyId/analysis/report.pdf', {
    config: access,
    schema: {
      tags: ['analysis'],
      summary:
        'The study report printed to PDF by headless Chromium (503 PDF_RENDERER_UNAVAILABLE without it)',
      params: StudyParamsSchema,
    },
    handler: async (request, reply) => {
      const { pdf, fileStem } = await getStudyReportPdf(deps, request.actor, request.params);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileStem}.pdf"`)
        .send(pdf);
    },
  });
}
