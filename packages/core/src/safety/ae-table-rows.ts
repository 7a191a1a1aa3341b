import type { AeTable } from './ae-table.js';

/**
 * An AE table as rows of strings, ready for a CSV writer (no quoting here: the caller's CSV library does that).
 * Columns: system organ class, term, category, then per table column its count and its percentage. The
 * percentage is written unrounded unless `formatPercent` is given.
 */
export function adverseEventTableRows(
  table: AeTable,
  options: { readonly formatPercent?: (percent: number) => string } = {},
): string[][] {
  const formatPercent = options.formatPercent ?? ((percent: number) => String(percent));
  const header = ['System organ class', 'Term', 'Category'];
  for (const column of table.columns) {
    header.push(`${column.label} (N=${column.n}) n`, `${column.label} (N=${column.n}) %`);
  }
  const lines = [header];
  for (const row of table.rows) {
    const first = row.level === 'any' ? (table.rows[0]?.label ?? row.label) : (row.soc ?? '');
    const category = row.category === null ? '' : row.label;
    const line = [first, row.term ?? '', category];
    for (const cell of row.cells) {
      line.push(String(cell.count), formatPercent(cell.percent));
    }
    lines.push(line);
  }
  return lines;
}
