import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adverseEventTableRows } from './ae-table-rows.js';
import {
  adverseEventTable,
  type AeTable,
  type AeTableBy,
  type AeTableEvent,
  type AeTableInput,
  type AeTableResult,
} from './ae-table.js';

const NERVOUS = 'Nervous system disorders';
const MSK = 'Musculoskeletal and connective tissue disorders';
const GI = 'Gastrointestinal disorders';

// Hand-built data: arm A = p1–p4 (N = 4), arm B = p5–p6 (N = 2), total N = 6.
const participants = [
  { id: 'p1', group: 'A' },
  { id: 'p2', group: 'A' },
  { id: 'p5', group: 'B' },
  { id: 'p3', group: 'A' },
  { id: 'p4', group: 'A' },
  { id: 'p6', group: 'B' },
];
function ev(
  participantId: string,
  term: string,
  soc: string,
  grade: number,
  flags: { related?: boolean; serious?: boolean } = {},
): AeTableEvent {
  return {
    participantId,
    term,
    soc,
    grade,
    related: flags.related ?? false,
    serious: flags.serious ?? false,
  };
}
const events: AeTableEvent[] = [
  ev('p1', 'Headache', NERVOUS, 1, { related: true }),
  ev('p1', 'Headache', NERVOUS, 2), // a second headache: p1 still counts once
  ev('p1', 'Back pain', MSK, 2, { related: true }),
  ev('p2', 'Headache', NERVOUS, 3, { serious: true }),
  ev('p5', 'Headache', NERVOUS, 1),
  ev('p5', 'Nausea', GI, 1, { related: true }),
  ev('p6', 'Back pain', MSK, 4, { serious: true }),
];

function table(result: AeTableResult): AeTable {
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.table;
}

/** Rows as [label, category, counts per column] for compact comparison. */
function counts(t: AeTable): [string, string | null, number[]][] {
  return t.rows.map((row) => [row.label, row.category, row.cells.map((cell) => cell.count)]);
}

describe('adverseEventTable (hand-computed golden)', () => {
  it('by SOC and term: participants once per row, SOCs alphabetical, terms by frequency', () => {
    const t = table(adverseEventTable({ participants, events, by: 'soc-term' }));
    expect(t.columns).toEqual([
      { kind: 'group', key: 'A', label: 'A', n: 4 },
      { kind: 'group', key: 'B', label: 'B', n: 2 },
      { kind: 'total', key: 'total', label: 'Total', n: 6 },
    ]);
    expect(counts(t)).toEqual([
      ['Any adverse event', null, [2, 2, 4]], // A: p1 p2; B: p5 p6
      [GI, null, [0, 1, 1]],
      ['Nausea', null, [0, 1, 1]],
      [MSK, null, [1, 1, 2]],
      ['Back pain', null, [1, 1, 2]],
      [NERVOUS, null, [2, 1, 3]], // A: p1 p2; B: p5
      ['Headache', null, [2, 1, 3]],
    ]);
    // 2/4 = 50 %, 2/2 = 100 %, 4/6 = 66.67 % (unrounded).
    expect(t.rows[0]?.cells.map((cell) => cell.percent)).toEqual([50, 100, (4 / 6) * 100]);
  });

  it('by maximum grade: each participant under their worst grade in the row', () => {
    const t = table(adverseEventTable({ participants, events, by: 'max-grade' }));
    expect(counts(t).slice(0, 6)).toEqual([
      ['Any adverse event', null, [2, 2, 4]],
      ['Grade 1', '1', [0, 1, 1]], // p5 (worst 1)
      ['Grade 2', '2', [1, 0, 1]], // p1 (1, 2, 2 → 2)
      ['Grade 3', '3', [1, 0, 1]], // p2
      ['Grade 4', '4', [0, 1, 1]], // p6
      ['Grade 5', '5', [0, 0, 0]], // shown in the overview even when zero
    ]);
    const headache = t.rows.findIndex((row) => row.level === 'term' && row.term === 'Headache');
    expect(counts({ ...t, rows: t.rows.slice(headache) })).toEqual([
      ['Headache', null, [2, 1, 3]],
      ['Grade 1', '1', [0, 1, 1]],
      ['Grade 2', '2', [1, 0, 1]],
      ['Grade 3', '3', [1, 0, 1]],
    ]);
  });

  it('by relatedness: related when any event in the row was related', () => {
    const t = table(adverseEventTable({ participants, events, by: 'relatedness' }));
    expect(counts(t).slice(0, 3)).toEqual([
      ['Any adverse event', null, [2, 2, 4]],
      ['Related', 'related', [1, 1, 2]], // p1, p5
      ['Not related', 'not-related', [1, 1, 2]], // p2, p6
    ]);
    const nervous = t.rows.findIndex((row) => row.level === 'soc' && row.soc === NERVOUS);
    expect(counts({ ...t, rows: t.rows.slice(nervous, nervous + 3) })).toEqual([
      [NERVOUS, null, [2, 1, 3]],
      ['Related', 'related', [1, 0, 1]], // p1's grade 1 headache
      ['Not related', 'not-related', [1, 1, 2]], // p2, p5
    ]);
  });

  it('filters serious events and follows a given column order', () => {
    const t = table(
      adverseEventTable({ participants, events, by: 'soc-term', filter: 'serious', groupOrder: ['B'] }),
    );
    expect(t.columns.map((column) => column.key)).toEqual(['B', 'A', 'total']);
    expect(counts(t)).toEqual([
      ['Any serious adverse event', null, [1, 1, 2]],
      [MSK, null, [1, 0, 1]],
      ['Back pain', null, [1, 0, 1]],
      [NERVOUS, null, [0, 1, 1]],
      ['Headache', null, [0, 1, 1]],
    ]);
  });

  it('refuses bad input, naming field and rule', () => {
    const result = adverseEventTable({
      participants: [
        { id: 'p1', group: 'A' },
        { id: 'p1', group: '' },
      ],
      events: [{ ...ev('p9', '', GI, 7), related: 'yes' as unknown as boolean }],
      by: 'soc-term',
      groupOrder: ['C'],
    });
    expect(result.kind === 'invalid' && result.problems.map((p) => `${p.path}:${p.rule}`)).toEqual([
      'participants[1].id:unique',
      'participants[1].group:required',
      'events[0].participantId:unknown-participant',
      'events[0].term:required',
      'events[0].grade:integer-1-5',
      'events[0].related:boolean',
      'groupOrder[0]:unknown-group',
    ]);
    const empty = adverseEventTable({ participants: [], events: [], by: 'max-grade' });
    expect(empty.kind === 'invalid' && empty.problems[0]?.rule).toBe('required');
  });
});

describe('adverseEventTableRows', () => {
  it('writes a header, one line per row, counts and percentages', () => {
    const t = table(adverseEventTable({ participants, events, by: 'max-grade' }));
    const lines = adverseEventTableRows(t, { formatPercent: (percent) => percent.toFixed(1) });
    expect(lines[0]).toEqual([
      'System organ class',
      'Term',
      'Category',
      'A (N=4) n',
      'A (N=4) %',
      'B (N=2) n',
      'B (N=2) %',
      'Total (N=6) n',
      'Total (N=6) %',
    ]);
    expect(lines[1]).toEqual(['Any adverse event', '', '', '2', '50.0', '2', '100.0', '4', '66.7']);
    expect(lines[2]).toEqual(['Any adverse event', '', 'Grade 1', '0', '0.0', '1', '50.0', '1', '16.7']);
    expect(lines).toContainEqual([NERVOUS, 'Headache', 'Grade 3', '1', '25.0', '0', '0.0', '1', '16.7']);
    expect(lines).toHaveLength(t.rows.length + 1);
    expect(adverseEventTableRows(t)[1]?.at(-1)).toBe(String((4 / 6) * 100)); // unrounded by default
  });
});

describe('adverseEventTable invariants (property)', () => {
  const input: fc.Arbitrary<AeTableInput> = fc
    .tuple(
      fc.array(fc.constantFrom('A', 'B', 'C'), { minLength: 1, maxLength: 12 }),
      fc.constantFrom<AeTableBy>('soc-term', 'max-grade', 'relatedness'),
    )
    .chain(([groups, by]) =>
      fc
        .array(
          fc.record({
            participantId: fc.integer({ min: 0, max: groups.length - 1 }).map((index) => `p${index}`),
            term: fc.constantFrom('Headache', 'Fatigue', 'Back pain', 'Nausea'),
            grade: fc.integer({ min: 1, max: 5 }),
            related: fc.boolean(),
            serious: fc.boolean(),
          }),
          { maxLength: 30 },
        )
        .map((raw) => ({
          participants: groups.map((group, index) => ({ id: `p${index}`, group })),
          events: raw.map((event) => ({ ...event, soc: event.term === 'Back pain' ? MSK : 'Other' })),
          by,
        })),
    );

  it('counts ≤ N, percent = count / N × 100, total = sum of groups, categories add up to their row', () => {
    fc.assert(
      fc.property(input, (data) => {
        const t = table(adverseEventTable(data));
        const withEvents = new Set(data.events.map((event) => event.participantId)).size;
        expect(t.rows[0]?.cells.at(-1)?.count).toBe(withEvents);
        let parent: number[] = [];
        let categorySums: number[] = [];
        const closeParent = (): void => {
          if (data.by !== 'soc-term' && parent.length > 0) {
            expect(categorySums).toEqual(parent);
          }
        };
        for (const row of t.rows) {
          row.cells.forEach((cell, index) => {
            const n = t.columns[index]?.n ?? 0;
            expect(cell.count).toBeLessThanOrEqual(n);
            expect(cell.percent).toBe((cell.count / n) * 100);
          });
          const groupSum = row.cells.slice(0, -1).reduce((sum, cell) => sum + cell.count, 0);
          expect(row.cells.at(-1)?.count).toBe(groupSum);
          if (row.category === null) {
            closeParent();
            parent = row.cells.map((cell) => cell.count);
            categorySums = parent.map(() => 0);
          } else {
            categorySums = categorySums.map((sum, index) => sum + (row.cells[index]?.count ?? 0));
          }
        }
        closeParent();
      }),
    );
  });
});
