import { describeValue, problem, type ScaleProblem } from '../scales/scale-result.js';
import { compareTermText } from './term-text.js';

/**
 * Adverse-event incidence tables (participants with at least one event, per group): a participant counts once
 * per row however many events they had; percentages are count / N × 100 of the column, unrounded. Rows: "Any
 * adverse event", then each SOC (alphabetical) with its terms (most frequent first, ties alphabetical). With
 * `by: 'max-grade'` or `'relatedness'` each row is followed by category rows that split its participants by their
 * worst grade / by whether any of their events in the row was related, so the category rows of a row add up to it.
 * docs/methods/adverse-events.md.
 */

export type AeTableBy = 'soc-term' | 'max-grade' | 'relatedness';
/** Which events are tabulated: all, serious only, related only, or serious and related. */
export type AeTableFilter = 'all' | 'serious' | 'related' | 'serious-related';

export interface AeTableParticipant {
  readonly id: string;
  /** Arm or dose level the participant is counted in. */
  readonly group: string;
}

export interface AeTableEvent {
  readonly participantId: string;
  readonly term: string;
  readonly soc: string;
  readonly grade: number;
  readonly related: boolean;
  readonly serious: boolean;
}

export interface AeTableInput {
  readonly participants: readonly AeTableParticipant[];
  readonly events: readonly AeTableEvent[];
  readonly by: AeTableBy;
  readonly filter?: AeTableFilter;
  /** Column order of the groups (default: order of first appearance among participants). */
  readonly groupOrder?: readonly string[];
}

/** A column: one group, or the total over all participants (last). */
export interface AeTableColumn {
  readonly kind: 'group' | 'total';
  readonly key: string;
  readonly label: string;
  readonly n: number;
}

export interface AeTableCell {
  readonly count: number;
  /** count / n × 100, unrounded. */
  readonly percent: number;
}

export interface AeTableRow {
  readonly level: 'any' | 'soc' | 'term';
  readonly label: string;
  readonly soc: string | null;
  readonly term: string | null;
  /** null for the row itself; '1'…'5' (max-grade) or 'related' / 'not-related' for its category rows. */
  readonly category: string | null;
  readonly cells: readonly AeTableCell[];
}

export interface AeTable {
  readonly by: AeTableBy;
  readonly filter: AeTableFilter;
  readonly columns: readonly AeTableColumn[];
  readonly rows: readonly AeTableRow[];
}

export type AeTableResult =
  | { readonly kind: 'ok'; readonly table: AeTable }
  | { readonly kind: 'invalid'; readonly problems: readonly ScaleProblem[] };

const ANY_LABEL: Readonly<Record<AeTableFilter, string>> = {
  all: 'Any adverse event',
  serious: 'Any serious adverse event',
  related: 'Any related adverse event',
  'serious-related': 'Any serious related adverse event',
};

interface Category {
  readonly key: string;
  readonly label: string;
}

const GRADE_CATEGORIES: readonly Category[] = [1, 2, 3, 4, 5].map((grade) => ({
  key: String(grade),
  label: `Grade ${grade}`,
}));
const RELATEDNESS_CATEGORIES: readonly Category[] = [
  { key: 'related', label: 'Related' },
  { key: 'not-related', label: 'Not related' },
];

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function checkInput(input: AeTableInput): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const ids = new Set<string>();
  if (input.participants.length === 0) {
    problems.push(problem('participants', 'required', 'a table needs at least one participant'));
  }
  input.participants.forEach((participant, index) => {
    if (!isNonEmptyString(participant.id)) {
      problems.push(problem(`participants[${index}].id`, 'required', 'participant id is required'));
    } else if (ids.has(participant.id)) {
      problems.push(
        problem(`participants[${index}].id`, 'unique', `participant '${participant.id}' is listed twice`),
      );
    }
    ids.add(participant.id);
    if (!isNonEmptyString(participant.group)) {
      problems.push(problem(`participants[${index}].group`, 'required', 'participant group is required'));
    }
  });
  input.events.forEach((event, index) => {
    const path = `events[${index}]`;
    if (!ids.has(event.participantId)) {
      const message = `participant ${describeValue(event.participantId)} is not among the participants`;
      problems.push(problem(`${path}.participantId`, 'unknown-participant', message));
    }
    for (const field of ['term', 'soc'] as const) {
      if (!isNonEmptyString(event[field])) {
        problems.push(problem(`${path}.${field}`, 'required', `${field} is required`));
      }
    }
    if (!Number.isInteger(event.grade) || event.grade < 1 || event.grade > 5) {
      const message = `grade must be an integer from 1 to 5, got ${describeValue(event.grade)}`;
      problems.push(problem(`${path}.grade`, 'integer-1-5', message));
    }
    for (const field of ['related', 'serious'] as const) {
      if (typeof event[field] !== 'boolean') {
        problems.push(problem(`${path}.${field}`, 'boolean', `${field} must be true or false`));
      }
    }
  });
  const groups = new Set(input.participants.map((participant) => participant.group));
  (input.groupOrder ?? []).forEach((group, index) => {
    if (!groups.has(group)) {
      problems.push(
        problem(`groupOrder[${index}]`, 'unknown-group', `no participant is in group '${group}'`),
      );
    }
  });
  return problems;
}

function keep(event: AeTableEvent, filter: AeTableFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'serious':
      return event.serious;
    case 'related':
      return event.related;
    case 'serious-related':
      return event.serious && event.related;
  }
}

function columnsOf(input: AeTableInput): AeTableColumn[] {
  const order: string[] = [...(input.groupOrder ?? [])];
  for (const participant of input.participants) {
    if (!order.includes(participant.group)) {
      order.push(participant.group);
    }
  }
  const columns: AeTableColumn[] = order.map((group) => ({
    kind: 'group',
    key: group,
    label: group,
    n: input.participants.filter((participant) => participant.group === group).length,
  }));
  columns.push({ kind: 'total', key: 'total', label: 'Total', n: input.participants.length });
  return columns;
}

/** Per-column counts of distinct participants among `ids` (each id once), with percentages. */
type CellCounter = (ids: Iterable<string>) => AeTableCell[];

function cellCounter(
  columns: readonly AeTableColumn[],
  participants: readonly AeTableParticipant[],
): CellCounter {
  const positionOfGroup = new Map(columns.map((column, position) => [column.key, position]));
  const positionOf = new Map(
    participants.map((participant) => [participant.id, positionOfGroup.get(participant.group) ?? -1]),
  );
  const totalIndex = columns.length - 1;
  return (ids) => {
    const counts = columns.map(() => 0);
    for (const id of new Set(ids)) {
      const position = positionOf.get(id) ?? -1;
      counts[position] = (counts[position] ?? 0) + 1;
      counts[totalIndex] = (counts[totalIndex] ?? 0) + 1;
    }
    return counts.map((count, position) => ({
      count,
      percent: (count / (columns[position]?.n ?? Number.NaN)) * 100,
    }));
  };
}

function byParticipant(events: readonly AeTableEvent[]): Map<string, AeTableEvent[]> {
  const map = new Map<string, AeTableEvent[]>();
  for (const event of events) {
    const list = map.get(event.participantId) ?? [];
    list.push(event);
    map.set(event.participantId, list);
  }
  return map;
}

function categoryOf(by: AeTableBy, events: readonly AeTableEvent[]): string | null {
  if (by === 'max-grade') {
    return String(Math.max(...events.map((event) => event.grade)));
  }
  if (by === 'relatedness') {
    return events.some((event) => event.related) ? 'related' : 'not-related';
  }
  return null;
}

function rowsFor(
  count: CellCounter,
  spec: { by: AeTableBy; events: readonly AeTableEvent[]; head: Omit<AeTableRow, 'cells' | 'category'> },
): AeTableRow[] {
  const perParticipant = byParticipant(spec.events);
  const rows: AeTableRow[] = [{ ...spec.head, category: null, cells: count(perParticipant.keys()) }];
  const categories = spec.by === 'max-grade' ? GRADE_CATEGORIES : RELATEDNESS_CATEGORIES;
  if (spec.by === 'soc-term') {
    return rows;
  }
  for (const category of categories) {
    const ids = [...perParticipant].filter(([, events]) => categoryOf(spec.by, events) === category.key);
    // The overview row shows every category (a zero is information); SOC and term rows only those that occur.
    if (ids.length > 0 || spec.head.level === 'any') {
      const cells = count(ids.map(([id]) => id));
      rows.push({ ...spec.head, label: category.label, category: category.key, cells });
    }
  }
  return rows;
}

function participantsIn(events: readonly AeTableEvent[]): number {
  return new Set(events.map((event) => event.participantId)).size;
}

/** Builds the incidence table, or every input problem. */
export function adverseEventTable(input: AeTableInput): AeTableResult {
  const problems = checkInput(input);
  if (problems.length > 0) {
    return { kind: 'invalid', problems };
  }
  const filter = input.filter ?? 'all';
  const events = input.events.filter((event) => keep(event, filter));
  const columns = columnsOf(input);
  const count = cellCounter(columns, input.participants);
  const rows = rowsFor(count, {
    by: input.by,
    events,
    head: { level: 'any', label: ANY_LABEL[filter], soc: null, term: null },
  });
  const socs = [...new Set(events.map((event) => event.soc))].sort(compareTermText);
  for (const soc of socs) {
    const inSoc = events.filter((event) => event.soc === soc);
    rows.push(
      ...rowsFor(count, { by: input.by, events: inSoc, head: { level: 'soc', label: soc, soc, term: null } }),
    );
    const terms = [...new Set(inSoc.map((event) => event.term))]
      .map((term) => ({ term, events: inSoc.filter((event) => event.term === term) }))
      .sort((a, b) => participantsIn(b.events) - participantsIn(a.events) || compareTermText(a.term, b.term));
    for (const { term, events: inTerm } of terms) {
      rows.push(
        ...rowsFor(count, { by: input.by, events: inTerm, head: { level: 'term', label: term, soc, term } }),
      );
    }
  }
  return { kind: 'ok', table: { by: input.by, filter, columns, rows } };
}
