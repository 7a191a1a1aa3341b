import { Button, Group, Table, Text } from '@mantine/core';
import { downloadCsv } from './downloads.js';

export interface Column<T> {
  header: string;
  /** What the table shows (rounded for display). */
  cell: (row: T) => string;
  /** What the CSV holds (unrounded); defaults to the cell text. */
  raw?: (row: T) => string | number | boolean | null;
}

export interface DataTableProps<T> {
  label: string;
  fileName: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  empty?: string;
}

/** A compact table with a "CSV" button (unrounded values). */
export function DataTable<T>({ label, fileName, columns, rows, empty }: DataTableProps<T>) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty ?? 'No rows.'}
      </Text>
    );
  }
  const csv = () =>
    downloadCsv(
      fileName,
      columns.map((c) => c.header),
      rows.map((r) => columns.map((c) => (c.raw === undefined ? c.cell(r) : String(c.raw(r) ?? '')))),
    );
  return (
    <div>
      <Group justify="flex-end" mb={4}>
        <Button size="compact-xs" variant="default" onClick={csv}>
          CSV
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={480}>
        <Table aria-label={label} striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.header}>{c.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i}>
                {columns.map((c) => (
                  <Table.Td key={c.header}>{c.cell(r)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
