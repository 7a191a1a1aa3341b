import { getCurrentProtocol } from '../../protocol.service.js';
import type { Actor } from '../../service-context.js';
import { getStudyAnalysis, type AnalysisServiceDeps } from '../analysis.service.js';
import { renderReportHtml } from './report-html.js';
import { htmlToPdf } from '../../pdf/html-to-pdf.js';

/** The study report as self-contained HTML (same blinding as the analysis: arms only for unblinded callers). */
export async function getStudyReportHtml(
  deps: AnalysisServiceDeps,
  actor: Actor,
  params: { studyId: string },
): Promise<{ html: string; fileStem: string }> {
  const analysis = await getStudyAnalysis(deps, actor, params);
  const { protocol } = await getCurrentProtocol(deps, params.studyId);
  const status = analysis.dataset.status;
  return {
    html: renderReportHtml(analysis, { title: protocol.title, registryIds: protocol.registryIds }),
    fileStem: `study-report-${protocol.id}-${status.source}-${status.dataCutDate}`,
  };
}

/** The same report printed to PDF by headless Chromium. */
export async function getStudyReportPdf(
  deps: AnalysisServiceDeps,
  actor: Actor,
  params: { studyId: string },
): Promise<{ pdf: Buffer; fileStem: string }> {
  const { html, fileStem } = await getStudyReportHtml(deps, actor, params);
  return { pdf: await htmlToPdf(html), fileStem };
}
