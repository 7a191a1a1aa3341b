import type { AeProcedureView } from '@celltrial/contracts';
import { visibleSiteIds, type Protocol, type ProtocolRoute } from '@celltrial/core';
import { findCurrentProtocolVersion, type Executor } from '@celltrial/db';
import { AppError } from '../../errors/app-error.js';
import type { Actor } from '../service-context.js';

/**
 * The study procedure an intervention's route implies, whose causality an AE is assessed against (an AE after an
 * intrathecal injection may be related to the lumbar puncture rather than to the cells). Oral and 'other' routes
 * imply none.
 */
const ROUTE_PROCEDURES: Readonly<Partial<Record<ProtocolRoute, { id: string; name: string }>>> = {
  intrathecal: { id: 'lumbar-puncture', name: 'Lumbar puncture (intrathecal administration)' },
  intravenous: { id: 'intravenous-infusion', name: 'Intravenous infusion' },
  intranasal: { id: 'nasal-administration', name: 'Nasal administration' },
  intramuscular: { id: 'intramuscular-injection', name: 'Intramuscular injection' },
  subcutaneous: { id: 'subcutaneous-injection', name: 'Subcutaneous injection' },
  intracerebroventricular: {
    id: 'intracerebroventricular-injection',
    name: 'Intracerebroventricular injection (reservoir or catheter)',
  },
};

/**
 * The procedures an AE's relatedness is asked for: the protocol's procedures (e.g. bone-marrow-aspiration,
 * adipose-harvest), then those implied by its interventions' routes (lumbar-puncture, nasal-administration …),
 * each once.
 */
export function aeProceduresOf(protocol: Protocol): AeProcedureView[] {
  const out: AeProcedureView[] = protocol.procedures.map((p) => ({
    id: p.id,
    name: p.name,
    origin: 'protocol',
  }));
  for (const intervention of protocol.interventions) {
    const implied = ROUTE_PROCEDURES[intervention.route];
    if (implied !== undefined && !out.some((p) => p.id === implied.id)) {
      out.push({ ...implied, origin: 'route' });
    }
  }
  return out;
}

/** The study's current protocol (study-level services). */
export async function currentProtocolOf(db: Executor, studyId: string): Promise<Protocol> {
  const version = await findCurrentProtocolVersion(db, studyId);
  if (version === undefined) {
    throw new AppError('NOT_FOUND', 'the study has no protocol loaded');
  }
  return version.content as Protocol;
}

/** An issue list answer (422 FORM_INVALID) for a record that breaks clinical rules; nothing is saved. */
export function recordInvalid(
  what: string,
  problems: readonly { path: string; rule: string; message: string }[],
): AppError {
  return new AppError(
    'FORM_INVALID',
    `the ${what} has ${problems.length} problem(s); nothing was saved: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    { issues: problems.map((p) => ({ path: p.path, item: p.path, rule: p.rule, message: p.message })) },
  );
}

/** A business-rule refusal (422) naming the rule. */
export function ruleViolated(rule: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('BUSINESS_RULE_VIOLATED', message, { rule, ...details });
}

/** ISO instant of a Date (or null). */
export const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** The sites a study-level list covers: those where the actor may read subjects, narrowed to `siteId` if given. */
export function siteScope(
  actor: Actor,
  params: { studyId: string; siteId?: string | undefined },
): 'all' | string[] {
  const visible =
    actor.principal === null ? [] : visibleSiteIds(actor.principal, 'subject:read', params.studyId);
  if (params.siteId === undefined) {
    return visible;
  }
  return visible === 'all' || visible.includes(params.siteId) ? [params.siteId] : [];
}
