// The registry facts of a protocol in the flat shape a study list, overview page or database row needs.
import type { Protocol } from './protocol-types.js';
import type { ProtocolPhase } from './protocol-vocabulary.js';

export interface ProtocolSummary {
  id: string;
  title: string;
  officialTitle: string | null;
  /** Registry style, e.g. `Phase 1/Phase 2`; null when the phase is not applicable. */
  phase: string | null;
  registryIds: string[];
  orgStudyIds: string[];
  sponsor: string;
  conditions: string[];
  plannedEnrollment: number;
  arms: { id: string; name: string; type: string }[];
  sites: { code: string; name: string; country: string; city: string | null }[];
}

const PHASE_LABELS: Record<ProtocolPhase, string | null> = {
  'early-phase-1': 'Early Phase 1',
  'phase-1': 'Phase 1',
  'phase-2': 'Phase 2',
  'phase-3': 'Phase 3',
  'phase-4': 'Phase 4',
  'not-applicable': null,
};

/** Registry-style phase label (`Phase 1/Phase 2`), or null when no phase applies. */
export function formatPhases(phases: readonly ProtocolPhase[]): string | null {
  const labels = phases
    .map((phase) => PHASE_LABELS[phase])
    .filter((label): label is string => label !== null);
  return labels.length === 0 ? null : labels.join('/');
}

/** Identity, phase, conditions, enrollment, arms and sites of a validated protocol. */
export function summarizeProtocol(protocol: Protocol): ProtocolSummary {
  return {
    id: protocol.id,
    title: protocol.title,
    officialTitle: protocol.officialTitle ?? null,
    phase: formatPhases(protocol.phases),
    registryIds: [...protocol.registryIds],
    orgStudyIds: [...(protocol.orgStudyIds ?? [])],
    sponsor: protocol.sponsor.name,
    conditions: [...protocol.conditions],
    plannedEnrollment: protocol.design.plannedEnrollment,
    arms: protocol.design.arms.map((arm) => ({ id: arm.id, name: arm.name, type: arm.type })),
    sites: protocol.sites.map((site) => ({
      code: site.code,
      name: site.name,
      country: site.country,
      city: site.city ?? null,
    })),
  };
}

/** True when `query` is the protocol's id or one of its registry ids (case-insensitive). */
export function matchesProtocolId(protocol: Pick<Protocol, 'id' | 'registryIds'>, query: string): boolean {
  const wanted = query.trim().toLowerCase();
  return (
    protocol.id.toLowerCase() === wanted || protocol.registryIds.some((id) => id.toLowerCase() === wanted)
  );
}
