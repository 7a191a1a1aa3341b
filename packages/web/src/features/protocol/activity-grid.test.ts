import type { Protocol } from '@celltrial/core';
import { describe, expect, it } from 'vitest';
import {
  armsNeedSelection,
  buildActivityGrid,
  formatStudyDay,
  formatWindow,
  parseDoseActivity,
  type ActivityGrid,
  type GridRow,
} from './activity-grid.js';
import { loadSeedProtocol, SEED_PROTOCOL_IDS } from './testing/seed-protocols.js';

function gridOf(protocol: Protocol, arm: string | null, maxOccurrenceColumns?: number): ActivityGrid {
  const result = buildActivityGrid(protocol, {
    arm,
    ...(maxOccurrenceColumns === undefined ? {} : { maxOccurrenceColumns }),
  });
  if (result.kind !== 'ok') {
    throw new Error(JSON.stringify(result.problems));
  }
  return result.grid;
}

function section(grid: ActivityGrid, key: 'dosing' | 'procedures' | 'forms'): GridRow[] {
  return grid.sections.find((candidate) => candidate.key === key)?.rows ?? [];
}

/** Column keys where a row has a mark. */
function marked(grid: ActivityGrid, row: GridRow | undefined): string[] {
  return grid.columns.filter((_, index) => (row?.cells[index] ?? null) !== null).map((column) => column.key);
}

describe('buildActivityGrid on NCT04821479 (protocols/nct04821479.yaml)', () => {
  const protocol = loadSeedProtocol('nct04821479');
  const grid = gridOf(protocol, null);

  it('puts the visits in calendar order with study days counted from the first injection', () => {
    // Days follow from the file's offsets (day 0 = inj-1): bma = 0 − 30; scr = bma − 152 = −182;
    // run-in-m3 = scr + 91; interim k = 45 + 91·(k−1); inj-n = 91·(n−1); fu-6w = 273 + 45; eos = 273 + 91.
    expect(grid.columns.map((column) => [column.key, column.day])).toEqual([
      ['scr#1', -182],
      ['run-in-m3#1', -91],
      ['bma#1', -30],
      ['inj-1#1', 0],
      ['interim#1', 45],
      ['inj-2#1', 91],
      ['interim#2', 136],
      ['inj-3#1', 182],
      ['interim#3', 227],
      ['inj-4#1', 273],
      ['fu-6w#1', 318],
      ['eos#1', 364],
      ['unscheduled#1', null],
    ]);
    expect(grid.columns[4]).toMatchObject({ name: 'Interim follow-up after injection 1', occurrence: 1 });
    expect(grid.columns[0]?.window).toEqual({ before: 0, after: 14 });
    expect(grid.columns[12]).toMatchObject({ unscheduled: true, window: null });
  });

  it('groups consecutive columns under their epoch headings', () => {
    expect(grid.epochGroups.map((group) => [group.name, group.span])).toEqual([
      ['Screening', 1],
      ['Run-in (6 months)', 1],
      ['Bone marrow aspiration', 1],
      ['Treatment (4 intrathecal injections)', 7],
      ['Follow-up to 3 months after the last injection', 3],
    ]);
  });

  it('marks the four intrathecal injections in one dosing row', () => {
    const dosing = section(grid, 'dosing');
    expect(grid.dosingByArm).toBe(false);
    expect(dosing.map((row) => [row.label, row.detail])).toEqual([
      ['Mesenchymal stem cells (MSC)', 'Intrathecal'],
    ]);
    expect(marked(grid, dosing[0])).toEqual(['inj-1#1', 'inj-2#1', 'inj-3#1', 'inj-4#1']);
    expect(dosing[0]?.cells[3]).toEqual({ kind: 'dose', intervention: 'msc', role: 'investigational' });
  });

  it('shows procedures with their record form, and only the forms some visit asks for', () => {
    const procedures = section(grid, 'procedures');
    expect(procedures.map((row) => row.detail)).toEqual(['record: Bone marrow aspiration record']);
    expect(marked(grid, procedures[0])).toEqual(['bma#1']);
    const forms = section(grid, 'forms');
    expect(forms).toHaveLength(protocol.forms.length - 1); // procedure-bma is filed via the procedure
    expect(forms.some((row) => row.key === 'form:procedure-bma')).toBe(false);
    const eligibility = forms.find((row) => row.key === 'form:eligibility');
    expect(marked(grid, eligibility)).toEqual(['scr#1']);
    const lumbar = forms.find((row) => row.key === 'form:lumbar-puncture');
    expect(marked(grid, lumbar)).toEqual(['inj-1#1', 'inj-2#1', 'inj-3#1', 'inj-4#1']);
    const adverseEvents = forms.find((row) => row.key === 'form:adverse-events');
    expect(marked(grid, adverseEvents)).toHaveLength(12); // every visit after screening, incl. unscheduled
  });
});

describe('buildActivityGrid on NCT04745299 (protocols/nct04745299.yaml, masked sham positions)', () => {
  const protocol = loadSeedProtocol('nct04745299');

  it('shows all arms on one calendar, with one dosing row per arm', () => {
    const grid = gridOf(protocol, null);
    // inj-1 = day 0; l-v1 = inj-1 − 28 (cell culture); p-v0 = l-v1 − 91; boosters at 122 + 91·(k−1).
    expect(grid.columns.map((column) => column.day)).toEqual([
      -119,
      -28,
      0,
      26,
      61,
      122,
      183,
      213,
      274,
      304,
      365,
      null,
    ]);
    expect(grid.dosingByArm).toBe(true);
    const dosing = section(grid, 'dosing');
    expect(dosing.map((row) => [row.label, row.detail])).toEqual([
      ['Single cycle administration group', 'Experimental'],
      ['Multiple administration group', 'Experimental'],
      ['Control group', 'Sham comparator'],
    ]);
    const products = dosing.map((row) =>
      row.cells.flatMap((cell) => (cell?.kind === 'dose' ? [cell.intervention] : [])),
    );
    expect(products).toEqual([
      ['lenzumestrocel', 'lenzumestrocel', 'placebo', 'placebo', 'placebo'],
      ['lenzumestrocel', 'lenzumestrocel', 'lenzumestrocel', 'lenzumestrocel', 'lenzumestrocel'],
      ['placebo', 'placebo', 'placebo', 'placebo', 'placebo'],
    ]);
    expect(marked(grid, dosing[2])).toEqual(['inj-1#1', 'inj-2#1', 'booster#1', 'booster#2', 'booster#3']);
    expect(dosing[2]?.cells[2]).toEqual({ kind: 'dose', intervention: 'placebo', role: 'placebo' });
  });

  it('shows one arm with one dosing row per product', () => {
    const grid = gridOf(protocol, 'single-cycle');
    const dosing = section(grid, 'dosing');
    expect(grid.dosingByArm).toBe(false);
    expect(dosing.map((row) => row.label)).toEqual(['Lenzumestrocel', 'Placebo comparator']);
    expect(marked(grid, dosing[0])).toEqual(['inj-1#1', 'inj-2#1']);
    expect(marked(grid, dosing[1])).toEqual(['booster#1', 'booster#2', 'booster#3']);
  });

  it('needs an arm when a visit belongs to one arm only, and then leaves that visit out of the others', () => {
    expect(armsNeedSelection(protocol)).toBe(false);
    const partial: Protocol = {
      ...protocol,
      visits: protocol.visits.map((visit) =>
        visit.id === 'fu-m9' ? { ...visit, arms: ['multiple'] } : visit,
      ),
    };
    expect(armsNeedSelection(partial)).toBe(true);
    const all = buildActivityGrid(partial, { arm: null });
    expect(all.kind === 'invalid' && all.problems.map((problem) => problem.rule)).toEqual(['arm-required']);
    expect(gridOf(partial, 'control').columns.some((column) => column.visitId === 'fu-m9')).toBe(false);
    expect(gridOf(partial, 'multiple').columns.some((column) => column.visitId === 'fu-m9')).toBe(true);
  });
});

describe('buildActivityGrid on NCT03268603 (protocols/nct03268603.yaml)', () => {
  const protocol = loadSeedProtocol('nct03268603');

  it('shows each follow-up occurrence by default', () => {
    const grid = gridOf(protocol, null);
    const followUps = grid.columns.filter((column) => column.visitId === 'follow-up');
    // 3, 6, 9 and 12 months after the fourth injection (day 273): 273 + 91·k.
    expect(followUps.map((column) => column.day)).toEqual([364, 455, 546, 637]);
  });

  it('folds a repeating visit with more occurrences than allowed into one "×n" column', () => {
    const grid = gridOf(protocol, null, 3);
    const followUps = grid.columns.filter((column) => column.visitId === 'follow-up');
    expect(followUps).toEqual([
      expect.objectContaining({ key: 'follow-up#*', day: 364, lastDay: 637, foldedCount: 4, everyDays: 91 }),
    ]);
    expect(followUps[0]?.name).toBe('Follow-up (every 3 months after the last injection)');
    const forms = section(grid, 'forms').find((row) => row.key === 'form:alsfrs-r');
    expect(marked(grid, forms)).toContain('follow-up#*');
  });

  it('carries the planned dose level of the first injection only', () => {
    const grid = gridOf(protocol, null);
    const cells = section(grid, 'dosing')[0]?.cells.filter((cell) => cell !== null);
    expect(cells).toEqual([
      { kind: 'dose', intervention: 'aamsc', role: 'investigational', doseLevel: 'dl-5e7' },
      { kind: 'dose', intervention: 'aamsc', role: 'investigational' },
      { kind: 'dose', intervention: 'aamsc', role: 'investigational' },
      { kind: 'dose', intervention: 'aamsc', role: 'investigational' },
    ]);
  });
});

describe('grid invariants over every seed protocol and arm', () => {
  for (const id of SEED_PROTOCOL_IDS) {
    const protocol = loadSeedProtocol(id);
    for (const arm of protocol.design.arms) {
      it(`${id} / ${arm.id}: one dose mark per planned dose, days ascending, epochs span all columns`, () => {
        const grid = gridOf(protocol, arm.id);
        const plan = protocol.administrations.find((entry) => entry.arm === arm.id)?.doses ?? [];
        const planned = plan.reduce((sum, dose) => {
          const visit = protocol.visits.find((candidate) => candidate.id === dose.visit);
          return sum + (visit?.repeat?.count ?? 1);
        }, 0);
        const marks = section(grid, 'dosing').flatMap((row) => row.cells.filter((cell) => cell !== null));
        expect(marks).toHaveLength(planned);
        const days = grid.columns.flatMap((column) => (column.day === null ? [] : [column.day]));
        expect(days).toEqual([...days].sort((a, b) => a - b));
        expect(grid.epochGroups.reduce((sum, group) => sum + group.span, 0)).toBe(grid.columns.length);
        for (const row of grid.sections.flatMap((candidate) => candidate.rows)) {
          expect(row.cells).toHaveLength(grid.columns.length);
        }
      });
    }
  }
});

describe('formatting', () => {
  it('writes study days with a true minus sign and folded repeats as a range', () => {
    expect(formatStudyDay(-182)).toBe('Day \u2212182');
    expect(formatStudyDay(0)).toBe('Day 0');
    expect(formatStudyDay(364, 637)).toBe('Day 364\u2013637');
  });

  it('writes windows as −x/+y d, symmetric ones as ±x d', () => {
    expect(formatWindow({ before: 0, after: 14 })).toBe('\u22120/+14 d');
    expect(formatWindow({ before: 7, after: 7 })).toBe('\u00b17 d');
    expect(formatWindow(null)).toBe('\u2014');
  });

  it('reads dose activities', () => {
    expect(parseDoseActivity('dose:aamsc@dl-5e7')).toEqual({ intervention: 'aamsc', doseLevel: 'dl-5e7' });
    expect(parseDoseActivity('dose:msc')).toEqual({ intervention: 'msc' });
    expect(parseDoseActivity('dose:per-arm')).toBeNull();
    expect(parseDoseActivity('alsfrs-r')).toBeNull();
  });
});
