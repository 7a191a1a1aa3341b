import { existsSync } from 'node:fs';
import { findAllocationByParticipant, findSiteById, findStudyById } from '@celltrial/db';
import { chromium } from 'playwright-core';
import { AppError } from '../../errors/app-error.js';
import { protocolOfParticipant } from '../casebook/casebook-support.js';
import { participantNumberOf } from '../casebook/form-view.js';
import { actorIsUnblinded } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { loadAdverseEvent, viewOf } from './adverse-event.service.js';
import { renderSaeReportHtml } from './sae-report-html.js';
import { aeProceduresOf, ruleViolated } from './safety-support.js';

interface AeParams {
  readonly studyId: string;
  readonly participantId: string;
  readonly aeId: string;
}

/** The SAE report of one serious AE as HTML (the arm only for viewers who may see allocations). */
export async function getSaeReportHtml(
  deps: ServiceDeps,
  actor: Actor,
  params: AeParams,
): Promise<{ html: string; fileStem: string }> {
  const { participant, row } = await loadAdverseEvent(deps, actor, { ...params, permission: 'subject:read' });
  if (!row.serious) {
    throw ruleViolated(
      'serious-only',
      'the SAE report is for serious adverse events; this event is not serious',
    );
  }
  const [study, site, protocol, allocation] = await Promise.all([
    findStudyById(deps.db, participant.study_id),
    findSiteById(deps.db, participant.site_id),
    protocolOfParticipant(deps.db, participant),
    findAllocationByParticipant(deps.db, participant.id),
  ]);
  const now = deps.clock.now();
  const event = await viewOf(deps.db, { row, participant, now });
  const unblinded = actorIsUnblinded(actor, participant.study_id);
  const armId = allocation?.arm_id ?? null;
  const arm =
    unblinded && armId !== null
      ? { id: armId, name: protocol.design.arms.find((a) => a.id === armId)?.name ?? armId }
      : null;
  const number = participantNumberOf(participant);
  const html = renderSaeReportHtml({
    study: {
      code: study?.code ?? protocol.id,
      title: study?.title ?? protocol.title,
      protocolVersion: participant.protocol_version,
    },
    siteCode: site?.code ?? '',
    participantNumber: number,
    arm,
    blinded: allocation !== undefined && !unblinded,
    event,
    procedures: aeProceduresOf(protocol),
    generatedAt: now.toISOString(),
    generatedBy: actor.name,
  });
  const fileStem = `sae-${(study?.code ?? protocol.id).replace(/[^\w.-]+/g, '_')}-${number.replace(/[^\w.-]+/g, '_')}-ae${row.ae_number}`;
  return { html, fileStem };
}

/** Where Chromium is expected: CELLTRIAL_CHROMIUM, else Debian's /usr/bin/chromium. */
function chromiumPath(): string {
  return process.env['CELLTRIAL_CHROMIUM'] ?? '/usr/bin/chromium';
}

function unavailable(executablePath: string, reason: string): AppError {
  return new AppError(
    'PDF_RENDERER_UNAVAILABLE',
    `the PDF needs Chromium at ${executablePath} (${reason}); install it (apt-get install chromium) or set CELLTRIAL_CHROMIUM — the HTML report works without it`,
    { executablePath, reason },
  );
}

/** Prints HTML to an A4 PDF with headless Chromium; 503 PDF_RENDERER_UNAVAILABLE when it is missing or fails to start. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw unavailable(executablePath, 'not installed');
  }
  let browser;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  } catch (error) {
    throw unavailable(executablePath, `cannot start: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  try {
    const page = await browser.newPage();
    // The report is self-contained: refuse every request so the PDF never depends on the network.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
  } finally {
    await browser.close();
  }
}

export async function getSaeReportPdf(
  deps: ServiceDeps,
  actor: Actor,
  params: AeParams,
): Promise<{ pdf: Buffer; fileStem: string }> {
  const { html, fileStem } = await getSaeReportHtml(deps, actor, params);
  return { pdf: await htmlToPdf(html), fileStem };
}
