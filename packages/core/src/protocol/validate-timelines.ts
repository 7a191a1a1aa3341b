// Rules that need the resolved calendar of each arm: anchors that cannot be followed, overlapping
// windows, doses out of order, and different calendars in a masked study.
import type { ProblemList } from './protocol-rules.js';
import type { ArmTimeline, ResolvedOccurrence } from './protocol-timeline.js';
import { resolveAnchorForArm, resolveArmTimeline } from './protocol-timeline.js';
import type { Protocol } from './protocol-types.js';

function label(occurrence: ResolvedOccurrence): string {
  return occurrence.repeating
    ? `'${occurrence.visit.id}' #${occurrence.occurrence}`
    : `'${occurrence.visit.id}'`;
}

function windowOf(occurrence: ResolvedOccurrence): { before: number; after: number } {
  return occurrence.visit.window ?? { before: 0, after: 0 };
}

/** Orders occurrences on one time axis (same root), by planned day then document order. */
function byRoot(timeline: ArmTimeline): Map<string, ResolvedOccurrence[]> {
  const groups = new Map<string, ResolvedOccurrence[]>();
  for (const occurrence of timeline.occurrences) {
    const list = groups.get(occurrence.root) ?? [];
    list.push(occurrence);
    groups.set(occurrence.root, list);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => a.offset - b.offset || a.visitIndex - b.visitIndex || a.occurrence - b.occurrence);
  }
  return groups;
}

function checkOverlaps(timeline: ArmTimeline, problems: ProblemList): void {
  for (const [root, list] of byRoot(timeline)) {
    for (let index = 1; index < list.length; index += 1) {
      const earlier = list[index - 1];
      const later = list[index];
      if (earlier === undefined || later === undefined) {
        continue;
      }
      const gap = later.offset - earlier.offset;
      // A visit anchored (directly or through others) on its neighbour moves with it: only its own
      // window counts. Independent neighbours can drift towards each other from both sides.
      let reach = windowOf(earlier).after + windowOf(later).before;
      if (later.dependsOn.has(earlier.key)) {
        reach = windowOf(later).before;
      } else if (earlier.dependsOn.has(later.key)) {
        reach = windowOf(earlier).after;
      }
      if (reach >= gap) {
        problems.add(
          ['visits', later.visitIndex, 'window'],
          'window-overlap',
          `${label(later)} (day ${later.offset} after ${root}, −${windowOf(later).before}/+${windowOf(later).after}) ` +
            `overlaps ${label(earlier)} (day ${earlier.offset}, −${windowOf(earlier).before}/+${windowOf(earlier).after}): ` +
            `windows must fit in the ${gap}-day gap`,
        );
      }
    }
  }
}

function checkDoseOrder(protocol: Protocol, timeline: ArmTimeline, problems: ProblemList): void {
  const planIndex = protocol.administrations.findIndex((plan) => plan.arm === timeline.arm);
  const positions = new Map(timeline.occurrences.map((occurrence) => [occurrence.key, occurrence]));
  for (let index = 1; index < timeline.doseSequence.length; index += 1) {
    const previous = positions.get(timeline.doseSequence[index - 1]?.occurrenceKey ?? '');
    const current = timeline.doseSequence[index];
    const position = positions.get(current?.occurrenceKey ?? '');
    if (previous === undefined || position === undefined || current === undefined) {
      continue;
    }
    if (previous.root === position.root && position.offset <= previous.offset) {
      problems.add(
        ['administrations', planIndex, 'doses', current.doseIndex],
        'dose-order',
        `dose at ${label(position)} (day ${position.offset}) is not after the dose at ${label(previous)} (day ${previous.offset})`,
      );
    }
  }
}

function calendarSignature(timeline: ArmTimeline): string[] {
  return timeline.occurrences
    .map((o) => `${o.key}@${o.root}+${o.offset}(-${windowOf(o).before}/+${windowOf(o).after})`)
    .sort();
}

function checkMaskedCalendars(protocol: Protocol, timelines: ArmTimeline[], problems: ProblemList): void {
  const [reference, ...others] = timelines;
  if (protocol.design.masking.level === 'none' || reference === undefined) {
    return;
  }
  const expected = calendarSignature(reference);
  for (const timeline of others) {
    const actual = calendarSignature(timeline);
    const difference = [
      ...actual.filter((entry) => !expected.includes(entry)),
      ...expected.filter((e) => !actual.includes(e)),
    ];
    if (difference.length > 0) {
      const visitId = (difference[0] ?? '').split('#')[0];
      const visitIndex = protocol.visits.findIndex((visit) => visit.id === visitId);
      problems.add(
        visitIndex >= 0 ? ['visits', visitIndex] : ['visits'],
        'masked-calendar-differs',
        `arms '${reference.arm}' and '${timeline.arm}' have different visit calendars (at visit '${visitId}'), which would reveal the allocation in a masked study`,
      );
    }
  }
}

/** Resolves each arm's calendar and checks anchors, windows, dose order and masked calendars. */
export function checkTimelines(protocol: Protocol, problems: ProblemList): ArmTimeline[] {
  const timelines = protocol.design.arms.map((arm) => resolveArmTimeline(protocol, { arm: arm.id }));
  for (const timeline of timelines) {
    for (const problem of timeline.problems) {
      problems.items.push(problem);
    }
    checkOverlaps(timeline, problems);
    checkDoseOrder(protocol, timeline, problems);
  }
  const firstArm = protocol.design.arms[0];
  if (firstArm !== undefined) {
    problems.items.push(
      ...resolveAnchorForArm(protocol, protocol.studyDay.anchor, { arm: firstArm.id }).problems,
    );
  }
  checkMaskedCalendars(protocol, timelines, problems);
  return timelines;
}
