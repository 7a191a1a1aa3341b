// Resolves every scheduled visit occurrence of one arm to a position "N days after a root event" by
// following anchors (events, visits, procedures, the arm's dose sequence). Both the validator (windows,
// dose order, masked calendars) and the schedule computation build on it.
import type {
  ProtocolAnchor,
  ProtocolPlannedDose,
  Protocol,
  ProtocolProblem,
  ProtocolVisit,
} from './protocol-types.js';
import type { ProtocolAnchorEvent, ProtocolDatedEvent } from './protocol-vocabulary.js';
import { PROTOCOL_ANCHOR_EVENTS } from './protocol-vocabulary.js';

/** Upper bound on occurrences of one repeating visit (guards against `everyDays: 1, untilDay: 100000`). */
export const PROTOCOL_MAX_REPEAT_OCCURRENCES = 500;

export interface VisitOccurrence {
  /** `visitId#occurrence`, unique within an arm. */
  key: string;
  visitIndex: number;
  visit: ProtocolVisit;
  /** 1-based; always 1 for a visit that does not repeat. */
  occurrence: number;
  repeating: boolean;
}

/** A position in time: `offset` days after the (not further resolvable) `root` event. */
export interface TimelinePosition {
  root: ProtocolAnchorEvent;
  offset: number;
  /** Keys of the occurrences this position is computed from. */
  dependsOn: ReadonlySet<string>;
}

export interface ResolvedOccurrence extends VisitOccurrence, TimelinePosition {
  /** Offset of the visit's own anchor from the root (anchor date = root date + anchorOffset). */
  anchorOffset: number;
  /** Set when the occurrence is pinned to a known event date instead of following its anchor. */
  pinnedTo?: ProtocolAnchorEvent;
  /**
   * Key of the occurrence whose date is this visit's anchor date (the visit, the procedure's visit, the
   * previous dose or the visit where the anchor event happens); absent when the anchor is a root event or the
   * occurrence is pinned. Lets a caller put an actual date in place of that occurrence's planned date.
   */
  anchorKey?: string;
}

/** A position that is the date of an occurrence (`via`), when it is one. */
interface AnchorPosition extends TimelinePosition {
  via?: string;
}

export interface DoseOccurrence {
  occurrenceKey: string;
  dose: ProtocolPlannedDose;
  /** Index of the dose entry in the arm's `administrations[].doses` list. */
  doseIndex: number;
}

export interface ArmTimeline {
  arm: string;
  /** Resolved scheduled occurrences in document order (visit order, then occurrence). */
  occurrences: ResolvedOccurrence[];
  doseSequence: DoseOccurrence[];
  /** Key of the occurrence where each event happens in this arm (events no visit marks are absent). */
  eventSources: Partial<Record<ProtocolAnchorEvent, string>>;
  problems: ProtocolProblem[];
}

export interface TimelineOptions {
  arm: string;
  /** Events whose actual date is known: they become roots instead of being derived from planned visits. */
  knownEvents?: ReadonlySet<ProtocolDatedEvent>;
}

/** Number of occurrences of a scheduled visit (1 unless it repeats). */
export function occurrenceCount(visit: ProtocolVisit): number {
  const repeat = visit.repeat;
  if (repeat === undefined) {
    return 1;
  }
  if (repeat.count !== undefined) {
    return Math.min(repeat.count, PROTOCOL_MAX_REPEAT_OCCURRENCES);
  }
  if (repeat.untilDay !== undefined && visit.offsetDays !== undefined && repeat.everyDays > 0) {
    const count = Math.floor((repeat.untilDay - visit.offsetDays) / repeat.everyDays) + 1;
    return Math.max(0, Math.min(count, PROTOCOL_MAX_REPEAT_OCCURRENCES));
  }
  return 1;
}

/** True when a visit takes part in the arm's calendar. */
export function visitAppliesToArm(visit: ProtocolVisit, arm: string): boolean {
  return visit.arms === undefined || visit.arms.includes(arm);
}

function isScheduled(visit: ProtocolVisit): boolean {
  return visit.unscheduled !== true && visit.anchor !== undefined && visit.offsetDays !== undefined;
}

/** Human-readable form of an anchor (`consent`, `visit:scr`, `procedure:bone-marrow-aspiration`). */
export function describeProtocolAnchor(anchor: ProtocolAnchor): string {
  if (typeof anchor === 'string') {
    return anchor;
  }
  return 'visit' in anchor ? `visit:${anchor.visit}` : `procedure:${anchor.procedure}`;
}

const EMPTY: ReadonlySet<string> = new Set();

class TimelineResolver {
  private readonly occurrencesByVisit = new Map<string, VisitOccurrence[]>();
  private readonly ordered: VisitOccurrence[] = [];
  private readonly doseSequence: DoseOccurrence[] = [];
  private readonly memo = new Map<string, ResolvedOccurrence | null>();
  private readonly eventMemo = new Map<ProtocolAnchorEvent, AnchorPosition | null>();
  private readonly stack = new Set<string>();
  readonly problems: ProtocolProblem[] = [];
  private readonly protocol: Protocol;
  private readonly options: TimelineOptions;

  constructor(protocol: Protocol, options: TimelineOptions) {
    this.protocol = protocol;
    this.options = options;
    this.expandOccurrences();
    this.buildDoseSequence();
  }

  resolveAll(): ArmTimeline {
    const occurrences: ResolvedOccurrence[] = [];
    for (const occurrence of this.ordered) {
      const resolved = this.resolveOccurrence(occurrence);
      if (resolved !== null) {
        occurrences.push(resolved);
      }
    }
    const eventSources: Partial<Record<ProtocolAnchorEvent, string>> = {};
    for (const event of PROTOCOL_ANCHOR_EVENTS) {
      const source = event === 'previous-dose' ? undefined : this.eventSource(event);
      if (source !== undefined) {
        eventSources[event] = source.key;
      }
    }
    return {
      arm: this.options.arm,
      occurrences,
      doseSequence: this.doseSequence,
      eventSources,
      problems: this.problems,
    };
  }

  /** Position of an anchor that is not tied to a particular visit (e.g. the study-day reference). */
  resolveFreeAnchor(anchor: ProtocolAnchor, path: (string | number)[]): TimelinePosition | null {
    if (anchor === 'previous-dose') {
      this.problem(path, 'invalid-anchor', '`previous-dose` only makes sense for a visit');
      return null;
    }
    return this.resolveAnchor(anchor, { path, occurrence: null });
  }

  private expandOccurrences(): void {
    this.protocol.visits.forEach((visit, visitIndex) => {
      if (!isScheduled(visit) || !visitAppliesToArm(visit, this.options.arm)) {
        return;
      }
      const list: VisitOccurrence[] = [];
      const count = occurrenceCount(visit);
      for (let occurrence = 1; occurrence <= count; occurrence += 1) {
        list.push({
          key: `${visit.id}#${occurrence}`,
          visitIndex,
          visit,
          occurrence,
          repeating: visit.repeat !== undefined,
        });
      }
      this.occurrencesByVisit.set(visit.id, list);
      this.ordered.push(...list);
    });
  }

  private buildDoseSequence(): void {
    const plan = this.protocol.administrations.find((entry) => entry.arm === this.options.arm);
    plan?.doses.forEach((dose, doseIndex) => {
      for (const occurrence of this.occurrencesByVisit.get(dose.visit) ?? []) {
        this.doseSequence.push({ occurrenceKey: occurrence.key, dose, doseIndex });
      }
    });
  }

  private problem(path: (string | number)[], rule: string, message: string): void {
    this.problems.push({ path, rule, message });
  }

  private knownOverride(occurrence: VisitOccurrence): ProtocolAnchorEvent | null {
    const known = this.options.knownEvents ?? new Set<ProtocolDatedEvent>();
    if (occurrence.occurrence === 1) {
      const marked = (occurrence.visit.events ?? []).find((event) => known.has(event));
      if (marked !== undefined) {
        return marked;
      }
    }
    const first = this.doseSequence[0];
    const last = this.doseSequence[this.doseSequence.length - 1];
    if (known.has('first-dose') && first?.occurrenceKey === occurrence.key) {
      return 'first-dose';
    }
    if (known.has('last-dose') && last?.occurrenceKey === occurrence.key) {
      return 'last-dose';
    }
    return null;
  }

  private resolveOccurrence(occurrence: VisitOccurrence): ResolvedOccurrence | null {
    const cached = this.memo.get(occurrence.key);
    if (cached !== undefined) {
      return cached;
    }
    const { visit } = occurrence;
    const anchorPath = ['visits', occurrence.visitIndex, 'anchor'];
    if (this.stack.has(occurrence.key)) {
      this.problem(anchorPath, 'anchor-cycle', `the anchors of visit '${visit.id}' lead back to itself`);
      return null;
    }
    const override = this.knownOverride(occurrence);
    let resolved: ResolvedOccurrence | null;
    if (override !== null) {
      resolved = {
        ...occurrence,
        root: override,
        offset: 0,
        anchorOffset: 0,
        dependsOn: EMPTY,
        pinnedTo: override,
      };
    } else {
      this.stack.add(occurrence.key);
      const anchor = this.resolveAnchor(visit.anchor ?? 'consent', { path: anchorPath, occurrence });
      this.stack.delete(occurrence.key);
      const step = (occurrence.occurrence - 1) * (visit.repeat?.everyDays ?? 0);
      resolved =
        anchor === null
          ? null
          : {
              ...occurrence,
              root: anchor.root,
              anchorOffset: anchor.offset,
              offset: anchor.offset + (visit.offsetDays ?? 0) + step,
              dependsOn: anchor.dependsOn,
              ...(anchor.via === undefined ? {} : { anchorKey: anchor.via }),
            };
    }
    this.memo.set(occurrence.key, resolved);
    return resolved;
  }

  private positionOf(occurrence: VisitOccurrence): AnchorPosition | null {
    const resolved = this.resolveOccurrence(occurrence);
    if (resolved === null) {
      return null;
    }
    return {
      root: resolved.root,
      offset: resolved.offset,
      dependsOn: new Set([...resolved.dependsOn, resolved.key]),
      via: resolved.key,
    };
  }

  private resolveAnchor(
    anchor: ProtocolAnchor,
    context: { path: (string | number)[]; occurrence: VisitOccurrence | null },
  ): AnchorPosition | null {
    if (typeof anchor === 'string') {
      if (anchor === 'previous-dose') {
        return context.occurrence === null
          ? null
          : this.resolvePreviousDose(context.occurrence, context.path);
      }
      return this.resolveEvent(anchor);
    }
    if ('visit' in anchor) {
      return this.resolveVisitAnchor(anchor.visit, context.path);
    }
    return this.resolveProcedureAnchor(anchor.procedure, context.path);
  }

  private resolveVisitAnchor(visitId: string, path: (string | number)[]): AnchorPosition | null {
    const target = this.protocol.visits.find((visit) => visit.id === visitId);
    if (target === undefined) {
      this.problem([...path, 'visit'], 'unknown-visit', `anchor visit '${visitId}' is not defined in visits`);
      return null;
    }
    if (!isScheduled(target)) {
      this.problem([...path, 'visit'], 'unscheduled-anchor', `anchor visit '${visitId}' has no planned date`);
      return null;
    }
    const first = this.occurrencesByVisit.get(visitId)?.[0];
    if (first === undefined) {
      this.problem(
        [...path, 'visit'],
        'anchor-not-in-arm',
        `anchor visit '${visitId}' is not part of arm '${this.options.arm}'`,
      );
      return null;
    }
    return this.positionOf(first);
  }

  private resolveProcedureAnchor(procedureId: string, path: (string | number)[]): AnchorPosition | null {
    if (!this.protocol.procedures.some((procedure) => procedure.id === procedureId)) {
      this.problem(
        [...path, 'procedure'],
        'unknown-procedure',
        `anchor procedure '${procedureId}' is not defined in procedures`,
      );
      return null;
    }
    const host = this.ordered.find((occurrence) => (occurrence.visit.procedures ?? []).includes(procedureId));
    if (host === undefined) {
      this.problem(
        [...path, 'procedure'],
        'procedure-not-scheduled',
        `no scheduled visit of arm '${this.options.arm}' performs procedure '${procedureId}'`,
      );
      return null;
    }
    return this.positionOf(host);
  }

  private resolvePreviousDose(occurrence: VisitOccurrence, path: (string | number)[]): AnchorPosition | null {
    const index = this.doseSequence.findIndex((dose) => dose.occurrenceKey === occurrence.key);
    let previousKey: string | undefined;
    if (index > 0) {
      previousKey = this.doseSequence[index - 1]?.occurrenceKey;
    } else if (index === -1) {
      const earlier = this.doseSequence.filter(
        (dose) => (this.findOccurrence(dose.occurrenceKey)?.visitIndex ?? Infinity) < occurrence.visitIndex,
      );
      previousKey = earlier[earlier.length - 1]?.occurrenceKey;
    }
    const previous = previousKey === undefined ? undefined : this.findOccurrence(previousKey);
    if (previous === undefined) {
      this.problem(
        path,
        'no-previous-dose',
        `visit '${occurrence.visit.id}' is anchored to the previous dose, but arm '${this.options.arm}' has no dose before it`,
      );
      return null;
    }
    return this.positionOf(previous);
  }

  private findOccurrence(key: string): VisitOccurrence | undefined {
    return this.ordered.find((occurrence) => occurrence.key === key);
  }

  private resolveEvent(event: ProtocolAnchorEvent): AnchorPosition | null {
    if (this.eventMemo.has(event)) {
      return this.eventMemo.get(event) ?? null;
    }
    const known = this.options.knownEvents ?? new Set<ProtocolDatedEvent>();
    let source: VisitOccurrence | undefined;
    if (!(known as ReadonlySet<string>).has(event)) {
      source = this.eventSource(event);
    }
    const root: TimelinePosition = { root: event, offset: 0, dependsOn: EMPTY };
    const position = source === undefined ? root : this.positionOf(source);
    this.eventMemo.set(event, position);
    return position;
  }

  private eventSource(event: ProtocolAnchorEvent): VisitOccurrence | undefined {
    if (event === 'first-dose' || event === 'last-dose') {
      const dose =
        event === 'first-dose' ? this.doseSequence[0] : this.doseSequence[this.doseSequence.length - 1];
      return dose === undefined ? undefined : this.findOccurrence(dose.occurrenceKey);
    }
    return this.ordered.find(
      (occurrence) => occurrence.occurrence === 1 && (occurrence.visit.events ?? []).some((e) => e === event),
    );
  }
}

/** Resolves one arm's scheduled visits to positions relative to root events, with anchor problems. */
export function resolveArmTimeline(protocol: Protocol, options: TimelineOptions): ArmTimeline {
  return new TimelineResolver(protocol, options).resolveAll();
}

/** Resolves a visit-independent anchor (e.g. `studyDay.anchor`) for one arm. */
export function resolveAnchorForArm(
  protocol: Protocol,
  anchor: ProtocolAnchor,
  options: TimelineOptions,
): { position: TimelinePosition | null; problems: ProtocolProblem[] } {
  const resolver = new TimelineResolver(protocol, options);
  const position = resolver.resolveFreeAnchor(anchor, ['studyDay', 'anchor']);
  return { position, problems: resolver.problems };
}
