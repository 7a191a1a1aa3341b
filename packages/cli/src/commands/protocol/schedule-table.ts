// Plain-text table of a computed schedule for `celltrial protocol schedule`.
import type { ProtocolScheduleEntry } from '@celltrial/core';

const HEADERS = ['Day', 'Date', 'Window', 'Visit', 'Epoch', 'Anchor', 'Activities'] as const;

function row(entry: ProtocolScheduleEntry): string[] {
  const visit = entry.occurrence === undefined ? entry.visit : `${entry.visit} #${entry.occurrence}`;
  return [
    String(entry.day),
    entry.date,
    `${entry.windowStart}..${entry.windowEnd}`,
    visit,
    entry.epoch,
    `${entry.anchor}${entry.assumedAnchor ? '*' : ''}`,
    entry.activities.join(', '),
  ];
}

/** Aligned columns, one line per visit; a footnote explains `*` (anchor date assumed from --anchor). */
export function formatScheduleTable(entries: readonly ProtocolScheduleEntry[]): string[] {
  const rows = entries.map(row);
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((cells) => (cells[column] ?? '').length)),
  );
  const format = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const lines = [format(HEADERS), format(widths.map((width) => '-'.repeat(width))), ...rows.map(format)];
  if (entries.some((entry) => entry.assumedAnchor)) {
    lines.push('', '* anchor date not known: taken from --anchor (give it with --event NAME=YYYY-MM-DD)');
  }
  return lines;
}
