import type { AeTableView } from '@celltrial/contracts';
import {
  adverseEventTable,
  adverseEventTableRows,
  isRelatedToAnything,
  type AdverseEventRelatedness,
  type AeTableBy,
  type AeTableFilter,
  type Protocol,
} from '@celltrial/core';
import {
  listAllocations,
  listParticipants,
  listStudyAdverseEvents,
  type ParticipantRow,
} from '@celltrial/db';
import { stringify } from 'csv-stringify/sync';
import { actorIsUnblinded } from '../participant-access.js';
import type { Actor, ServiceDeps } from '../service-context.js';
import { parseCohortLabel } from './escalation-cohorts.js';
import { currentProtocolOf, siteScope } from './safety-support.js';

const TABULATED_STATUSES = new Set(['enrolled', 'completed', 'withdrawn']);
const NOT_CODED = 'Not coded (no CTCAE term)';

type Grouping = AeTableView['grouping'];

interface Grouped {
  readonly group: string;
  readonly kind: 'arm' | 'dose-level' | 'all';
}

/**
 * The column a participant is counted in, as this actor may see it: the dose level of an (open-label) escalation
 * cohort; the arm for actors who may see allocations; otherwise one blinded group — never the arm.
 */
function groupOf(
  p: ParticipantRow,
  ctx: { protocol: Protocol; unblinded: boolean; arms: Map<string, string>; blindedLabel: string },
): Grouped {
  const esc = ctx.protocol.design.escalation;
  const cohort = p.cohort === null ? null : parseCohortLabel(p.cohort);
  if (esc !== undefined && cohort !== null) {
    const levels = ctx.protocol.interventions.find((i) => i.id === esc.intervention)?.doseLevels ?? [];
    const name = levels.find((l) => l.id === cohort.levelId)?.name ?? cohort.levelId;
    return { group: `Dose level: ${name}`, kind: 'dose-level' };
  }
  if (ctx.unblinded) {
    const armId =
      ctx.arms.get(p.id) ??
      (ctx.protocol.design.arms.length === 1 ? ctx.protocol.design.arms[0]?.id : undefined);
    const arm = ctx.protocol.design.arms.find((a) => a.id === armId);
    if (arm !== undefined) {
      return { group: arm.name, kind: 'arm' };
    }
    return { group: 'Not allocated', kind: 'arm' };
  }
  return { group: ctx.blindedLabel, kind: 'all' };
}

function groupingOf(kinds: ReadonlySet<Grouped['kind']>): Grouping {
  if (kinds.size > 1) {
    return 'mixed';
  }
  if (kinds.has('arm')) {
    return 'arm';
  }
  return kinds.has('dose-level') ? 'dose-level' : 'all';
}

/** Column order: dose levels lowest first, arms in protocol order, then the rest as they appear. */
function groupOrderOf(protocol: Protocol, groups: readonly string[]): string[] {
  const esc = protocol.design.escalation;
  const levels = protocol.interventions.find((i) => i.id === esc?.intervention)?.doseLevels ?? [];
  const preferred = [
    ...(esc?.levels ?? []).map((id) => `Dose level: ${levels.find((l) => l.id === id)?.name ?? id}`),
    ...protocol.design.arms.map((a) => a.name),
  ];
  const present = new Set(groups);
  return [...preferred.filter((g) => present.has(g)), ...[...present].filter((g) => !preferred.includes(g))];
}

/** The AE incidence table of the study for this actor (arm columns only for those who may see allocations). */
export async function getAeTable(
  deps: ServiceDeps,
  actor: Actor,
  params: { studyId: string; by: AeTableBy; filter: AeTableFilter; siteId?: string | undefined },
): Promise<AeTableView> {
  const protocol = await currentProtocolOf(deps.db, params.studyId);
  const siteIds = siteScope(actor, params);
  const unblinded = actorIsUnblinded(actor, params.studyId);
  const [all, allocations, rows] = await Promise.all([
    listParticipants(deps.db, { studyId: params.studyId, siteIds }),
    unblinded ? listAllocations(deps.db, params.studyId) : Promise.resolve([]),
    listStudyAdverseEvents(deps.db, { studyId: params.studyId, siteIds }),
  ]);
  const participants = all.filter((p) => TABULATED_STATUSES.has(p.status));
  const arms = new Map(allocations.map((a) => [a.participant_id, a.arm_id]));
  const hasCohorts = participants.some((p) => p.cohort !== null);
  const ctx = {
    protocol,
    unblinded,
    arms,
    blindedLabel: hasCohorts ? 'Blinded participants' : 'All participants',
  };
  const grouped = new Map(participants.map((p) => [p.id, groupOf(p, ctx)]));
  const events = rows.filter((r) => grouped.has(r.participant_id));
  const notes: string[] = [];
  const uncoded = events.filter((e) => e.ctcae_term === null).length;
  if (uncoded > 0) {
    notes.push(
      `${uncoded} event(s) without a CTCAE term are counted under their verbatim term in '${NOT_CODED}'`,
    );
  }
  if (!unblinded) {
    notes.push('columns never show treatment arms: your roles in this study are blinded');
  }
  const empty = { by: params.by, filter: params.filter, columns: [], rows: [], participants: 0, events: 0 };
  if (participants.length === 0) {
    return { ...empty, grouping: 'all', notes: [...notes, 'no enrolled participants yet'] };
  }
  const groups = participants.map((p) => grouped.get(p.id)?.group ?? '');
  const result = adverseEventTable({
    participants: participants.map((p) => ({ id: p.id, group: grouped.get(p.id)?.group ?? '' })),
    events: events.map((e) => ({
      participantId: e.participant_id,
      term: e.ctcae_term ?? e.term,
      soc: e.soc ?? NOT_CODED,
      grade: e.grade,
      related: isRelatedToAnything({ relatedness: e.relatedness as AdverseEventRelatedness }),
      serious: e.serious,
    })),
    by: params.by,
    filter: params.filter,
    groupOrder: groupOrderOf(protocol, groups),
  });
  if (result.kind === 'invalid') {
    throw new Error(`AE table input broke an invariant: ${result.problems.map((p) => p.message).join('; ')}`);
  }
  return {
    ...result.table,
    rows: result.table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c })) })),
    columns: result.table.columns.map((c) => ({ ...c })),
    grouping: groupingOf(new Set([...grouped.values()].map((g) => g.kind))),
    participants: participants.length,
    events: events.length,
    notes,
  };
}

/** The table as CSV (csv-stringify quotes; percentages to one decimal for reading). */
export function aeTableCsv(view: AeTableView): string {
  if (view.columns.length === 0) {
    return stringify([['System organ class', 'Term', 'Category'], ...view.notes.map((n) => [n, '', ''])]);
  }
  const rows = adverseEventTableRows(view, { formatPercent: (p) => p.toFixed(1) });
  return stringify(rows);
}
