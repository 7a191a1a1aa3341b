import { findAllocationByParticipant, findSiteById, findStudyById } from '@celltrial/db';
import { htmlToPdf } from '../pdf/html-to-pdf.js';
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

export async function getSaeReportPdf(
  deps: ServiceDeps,
  actor: Actor,
  params: AeParams,
): Promise<{ pdf: Buffer; fileStem: string }> {
  const { html, fileStem } = await getSaeReportHtml(deps, actor, params);
  return { pdf: await htmlToPdf(html), fileStem };
}
