// Rules about the timing fields of each visit (before any anchor is followed).
import type { ProblemList } from './protocol-rules.js';
import type { Protocol, ProtocolVisit } from './protocol-types.js';
import { PROTOCOL_MAX_REPEAT_OCCURRENCES } from './protocol-timeline.js';

function checkUnscheduled(visit: ProtocolVisit, index: number, problems: ProblemList): void {
  const extras = (['anchor', 'offsetDays', 'window', 'repeat', 'events'] as const).filter(
    (field) => visit[field] !== undefined,
  );
  if (extras.length > 0) {
    problems.add(
      ['visits', index, extras[0] ?? 'unscheduled'],
      'unscheduled-timing',
      `unscheduled visit '${visit.id}' cannot have ${extras.join(', ')}`,
    );
  }
}

function checkRepeat(visit: ProtocolVisit, index: number, problems: ProblemList): void {
  const repeat = visit.repeat;
  if (repeat === undefined) {
    return;
  }
  const path = ['visits', index, 'repeat'];
  if ((repeat.count === undefined) === (repeat.untilDay === undefined)) {
    problems.add(path, 'repeat-bound', 'give exactly one of `count` or `untilDay`');
  } else if (repeat.untilDay !== undefined && visit.offsetDays !== undefined) {
    const count = Math.floor((repeat.untilDay - visit.offsetDays) / repeat.everyDays) + 1;
    if (count < 1) {
      problems.add(
        [...path, 'untilDay'],
        'repeat-bound',
        `untilDay ${repeat.untilDay} is before offsetDays ${visit.offsetDays}`,
      );
    } else if (count > PROTOCOL_MAX_REPEAT_OCCURRENCES) {
      problems.add(
        [...path, 'untilDay'],
        'repeat-bound',
        `${count} occurrences (at most ${PROTOCOL_MAX_REPEAT_OCCURRENCES})`,
      );
    }
  }
  if (visit.anchor === 'previous-dose') {
    problems.add(
      ['visits', index, 'anchor'],
      'repeat-anchor',
      'a repeating visit needs a fixed anchor; `previous-dose` moves with every occurrence',
    );
  }
}

/** Timing fields of scheduled and unscheduled visits, and repeat bounds. */
export function checkVisitTiming(protocol: Protocol, problems: ProblemList): void {
  protocol.visits.forEach((visit, index) => {
    if (visit.unscheduled === true) {
      checkUnscheduled(visit, index, problems);
      return;
    }
    const missing = (['anchor', 'offsetDays', 'window'] as const).filter(
      (field) => visit[field] === undefined,
    );
    if (missing.length > 0) {
      problems.add(
        ['visits', index],
        'missing-timing',
        `scheduled visit '${visit.id}' needs ${missing.join(', ')} (or \`unscheduled: true\`)`,
      );
    }
    checkRepeat(visit, index, problems);
  });
}
