// The schedule-of-activities grid of a protocol synopsis, as data: columns are visit occurrences in
// calendar order grouped by epoch, rows are dosing, procedures and forms, cells say what is due where.
// Pure: the study days come from core's computeSchedule (the same computation the server runs).
import {
  computeSchedule,
  type Protocol,
  type ProtocolInterventionRole,
  type ProtocolProblem,
  type ProtocolScheduleEntry,
  type ProtocolVisit,
  type ProtocolVisitWindow,
} from '@celltrial/core';
import { humanize } from './protocol-labels.js';

/** Repeating visits with more occurrences than this fold into one column with a "×n" note. */
export const DEFAULT_MAX_OCCURRENCE_COLUMNS = 6;

// Any date works: study days and windows do not depend on it.
const REFERENCE_DATE = '2000-01-03';

export interface ActivityGridOptions {
  /** The arm to show; null shows every arm at once (possible only when their calendars are identical). */
  arm: string | null;
  maxOccurrenceColumns?: number;
}

export interface GridColumn {
  /** `visit#occurrence`, or `visit#*` for a folded repeating visit. */
  key: string;
  visitId: string;
  /** The visit's name; occurrences of a repeating visit carry their number ("Booster injection 2"). */
  name: string;
  epochId: string;
  /** Study day of the (first) occurrence; null for an unscheduled visit. */
  day: number | null;
  /** Study day of the last occurrence of a folded repeating visit. */
  lastDay?: number;
  /** 1-based occurrence of a repeating visit shown one column per occurrence. */
  occurrence?: number;
  /** Number of occurrences folded into this column. */
  foldedCount?: number;
  everyDays?: number;
  window: ProtocolVisitWindow | null;
  unscheduled: boolean;
}

export interface GridEpochGroup {
  epochId: string;
  name: string;
  /** Number of consecutive columns under this heading. */
  span: number;
}

export type GridMark =
  | { kind: 'due' }
  | { kind: 'dose'; intervention: string; role: ProtocolInterventionRole; doseLevel?: string };

export type GridSectionKey = 'dosing' | 'procedures' | 'forms';

export interface GridRow {
  key: string;
  label: string;
  /** A short qualifier shown under the label (route, arm type, record form). */
  detail?: string;
  /** One entry per column, in column order: the mark, or null when nothing is due. */
  cells: (GridMark | null)[];
}

export interface GridSection {
  key: GridSectionKey;
  label: string;
  rows: GridRow[];
}

export interface ActivityGrid {
  arm: string | null;
  /** True when the dosing rows are one per arm (arms get different products at the same visits). */
  dosingByArm: boolean;
  columns: GridColumn[];
  epochGroups: GridEpochGroup[];
  sections: GridSection[];
}

export type ActivityGridResult =
  { kind: 'ok'; grid: ActivityGrid } | { kind: 'invalid'; problems: ProtocolProblem[] };

interface ParsedDose {
  intervention: string;
  doseLevel?: string;
}

/** Reads a schedule activity `dose:<intervention>[@<level>]`; null for `dose:per-arm` and non-dose activities. */
export function parseDoseActivity(activity: string): ParsedDose | null {
  if (!activity.startsWith('dose:') || activity === 'dose:per-arm') {
    return null;
  }
  const [intervention = '', doseLevel] = activity.slice('dose:'.length).split('@');
  return doseLevel === undefined ? { intervention } : { intervention, doseLevel };
}

function entryKey(entry: Pick<ProtocolScheduleEntry, 'visit' | 'occurrence'>): string {
  return `${entry.visit}#${entry.occurrence ?? 1}`;
}

function appliesToArm(visit: ProtocolVisit, arm: string | null): boolean {
  return arm === null || visit.arms === undefined || visit.arms.includes(arm);
}

/** One column per scheduled occurrence (folding long repeats), then the unscheduled visits. */
function buildColumns(
  protocol: Protocol,
  entries: ProtocolScheduleEntry[],
  options: { arm: string | null; maxOccurrenceColumns: number },
): { columns: GridColumn[]; columnOf: Map<string, number> } {
  const visits = new Map(protocol.visits.map((visit) => [visit.id, visit]));
  const counts = new Map<string, number>();
  for (const entry of entries) {
    counts.set(entry.visit, (counts.get(entry.visit) ?? 0) + 1);
  }
  const columns: GridColumn[] = [];
  const columnOf = new Map<string, number>();
  const foldedIndex = new Map<string, number>();
  for (const entry of entries) {
    const visit = visits.get(entry.visit);
    const count = counts.get(entry.visit) ?? 1;
    const base = {
      visitId: entry.visit,
      epochId: entry.epoch,
      window: visit?.window ?? null,
      unscheduled: false,
    };
    if (entry.occurrence !== undefined && count > options.maxOccurrenceColumns) {
      const existing = foldedIndex.get(entry.visit);
      const column = existing === undefined ? undefined : columns[existing];
      if (existing !== undefined && column !== undefined) {
        column.lastDay = entry.day;
        columnOf.set(entryKey(entry), existing);
        continue;
      }
      foldedIndex.set(entry.visit, columns.length);
      columnOf.set(entryKey(entry), columns.length);
      columns.push({
        ...base,
        key: `${entry.visit}#*`,
        name: visit?.name ?? entry.name,
        day: entry.day,
        lastDay: entry.day,
        foldedCount: count,
        ...(visit?.repeat ? { everyDays: visit.repeat.everyDays } : {}),
      });
      continue;
    }
    columnOf.set(entryKey(entry), columns.length);
    columns.push({
      ...base,
      key: entryKey(entry),
      name: entry.name,
      day: entry.day,
      ...(entry.occurrence === undefined ? {} : { occurrence: entry.occurrence }),
    });
  }
  for (const visit of protocol.visits) {
    if (visit.unscheduled === true && appliesToArm(visit, options.arm)) {
      columns.push({
        key: `${visit.id}#1`,
        visitId: visit.id,
        name: visit.name,
        epochId: visit.epoch,
        day: null,
        window: null,
        unscheduled: true,
      });
    }
  }
  return { columns, columnOf };
}

/** Consecutive columns of the same epoch share one heading. */
export function groupByEpoch(protocol: Protocol, columns: readonly GridColumn[]): GridEpochGroup[] {
  const groups: GridEpochGroup[] = [];
  for (const column of columns) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.epochId === column.epochId) {
      last.span += 1;
    } else {
      const epoch = protocol.epochs.find((candidate) => candidate.id === column.epochId);
      groups.push({ epochId: column.epochId, name: epoch?.name ?? column.epochId, span: 1 });
    }
  }
  return groups;
}

function visitRows(protocol: Protocol, columns: readonly GridColumn[]): GridSection[] {
  const visits = new Map(protocol.visits.map((visit) => [visit.id, visit]));
  const due = (ids: (visit: ProtocolVisit) => readonly string[] | undefined, id: string) =>
    columns.map((column): GridMark | null => {
      const visit = visits.get(column.visitId);
      return visit !== undefined && (ids(visit) ?? []).includes(id) ? { kind: 'due' } : null;
    });
  const formName = (id: string | undefined) => protocol.forms.find((form) => form.id === id)?.name;
  const procedures: GridRow[] = protocol.procedures.map((procedure) => {
    const record = formName(procedure.form);
    return {
      key: `procedure:${procedure.id}`,
      label: procedure.name,
      ...(record === undefined ? {} : { detail: `record: ${record}` }),
      cells: due((visit) => visit.procedures, procedure.id),
    };
  });
  const forms: GridRow[] = protocol.forms.map((form) => ({
    key: `form:${form.id}`,
    label: form.name,
    cells: due((visit) => visit.forms, form.id),
  }));
  const used = (row: GridRow) => row.cells.some((cell) => cell !== null);
  return [
    { key: 'procedures', label: 'Procedures', rows: procedures.filter(used) },
    { key: 'forms', label: 'Forms and assessments', rows: forms.filter(used) },
  ];
}

function roleOf(protocol: Protocol, intervention: string): ProtocolInterventionRole {
  return protocol.interventions.find((candidate) => candidate.id === intervention)?.role ?? 'investigational';
}

function doseMark(protocol: Protocol, dose: ParsedDose): GridMark {
  return {
    kind: 'dose',
    intervention: dose.intervention,
    role: roleOf(protocol, dose.intervention),
    ...(dose.doseLevel === undefined ? {} : { doseLevel: dose.doseLevel }),
  };
}

/** Dosing rows, one per intervention, from calendar entries whose doses are the same for all shown arms. */
function dosingByIntervention(
  protocol: Protocol,
  entries: ProtocolScheduleEntry[],
  placement: { columns: GridColumn[]; columnOf: Map<string, number> },
): GridRow[] {
  const rows = new Map<string, GridRow>();
  for (const entry of entries) {
    const column = placement.columnOf.get(entryKey(entry));
    for (const dose of entry.activities.map(parseDoseActivity)) {
      if (dose === null || column === undefined) {
        continue;
      }
      let row = rows.get(dose.intervention);
      if (row === undefined) {
        const intervention = protocol.interventions.find((candidate) => candidate.id === dose.intervention);
        row = {
          key: `dose:${dose.intervention}`,
          label: intervention?.name ?? dose.intervention,
          ...(intervention ? { detail: humanize(intervention.route) } : {}),
          cells: placement.columns.map(() => null),
        };
        rows.set(dose.intervention, row);
      }
      row.cells[column] = doseMark(protocol, dose);
    }
  }
  const order = protocol.interventions.map((intervention) => intervention.id);
  return [...rows.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([, row]) => row);
}

/** Dosing rows, one per arm, when arms receive different products at the same visits (masked designs). */
function dosingByArm(
  protocol: Protocol,
  placement: { columns: GridColumn[]; columnOf: Map<string, number> },
): { rows: GridRow[] } | { problems: ProtocolProblem[] } {
  const rows: GridRow[] = [];
  for (const arm of protocol.design.arms) {
    const result = computeSchedule(protocol, { anchorDate: REFERENCE_DATE, arm: arm.id });
    if (result.kind === 'invalid') {
      return { problems: result.problems };
    }
    const cells: (GridMark | null)[] = placement.columns.map(() => null);
    for (const entry of result.entries) {
      const column = placement.columnOf.get(entryKey(entry));
      const dose = entry.activities.map(parseDoseActivity).find((parsed) => parsed !== null);
      if (column !== undefined && dose !== undefined && dose !== null) {
        cells[column] = doseMark(protocol, dose);
      }
    }
    rows.push({ key: `arm:${arm.id}`, label: arm.name, detail: humanize(arm.type), cells });
  }
  return { rows };
}

/** The schedule-of-activities grid of one arm (or of all arms when their calendars are identical). */
export function buildActivityGrid(protocol: Protocol, options: ActivityGridOptions): ActivityGridResult {
  const { arm } = options;
  const result = computeSchedule(protocol, {
    anchorDate: REFERENCE_DATE,
    ...(arm === null ? {} : { arm }),
  });
  if (result.kind === 'invalid') {
    return { kind: 'invalid', problems: result.problems };
  }
  const placement = buildColumns(protocol, result.entries, {
    arm,
    maxOccurrenceColumns: Math.max(1, options.maxOccurrenceColumns ?? DEFAULT_MAX_OCCURRENCE_COLUMNS),
  });
  const perArm = result.entries.some((entry) => entry.activities.includes('dose:per-arm'));
  const dosing = perArm
    ? dosingByArm(protocol, placement)
    : { rows: dosingByIntervention(protocol, result.entries, placement) };
  if ('problems' in dosing) {
    return { kind: 'invalid', problems: dosing.problems };
  }
  return {
    kind: 'ok',
    grid: {
      arm,
      dosingByArm: perArm,
      columns: placement.columns,
      epochGroups: groupByEpoch(protocol, placement.columns),
      sections: [
        { key: 'dosing', label: 'Dosing', rows: dosing.rows },
        ...visitRows(protocol, placement.columns),
      ],
    },
  };
}

/** True when the arms' visit calendars differ, so the grid and the calendar need an arm. */
export function armsNeedSelection(protocol: Protocol): boolean {
  if (protocol.design.arms.length < 2) {
    return false;
  }
  const merged = computeSchedule(protocol, { anchorDate: REFERENCE_DATE });
  return merged.kind === 'invalid' && merged.problems.some((problem) => problem.rule === 'arm-required');
}

const MINUS = '\u2212';

/** A signed whole number with a true minus sign ("−182", "0", "45"). */
export function formatSigned(value: number): string {
  return value < 0 ? `${MINUS}${Math.abs(value)}` : String(value);
}

/** "Day −182" for a study day; "Day 45–227" for a folded repeat. */
export function formatStudyDay(day: number, lastDay?: number): string {
  if (lastDay === undefined || lastDay === day) {
    return `Day ${formatSigned(day)}`;
  }
  return `Day ${formatSigned(day)}\u2013${formatSigned(lastDay)}`;
}

/** A visit window: "±7 d" when symmetric, otherwise "−0/+14 d"; an em dash when the protocol gives none. */
export function formatWindow(window: ProtocolVisitWindow | null): string {
  if (window === null) {
    return '\u2014';
  }
  if (window.before === window.after) {
    return `\u00b1${window.before} d`;
  }
  return `${MINUS}${window.before}/+${window.after} d`;
}
