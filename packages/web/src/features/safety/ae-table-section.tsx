import type { AeTableView } from '@celltrial/contracts';
import { Anchor, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  safetyDownloads,
  type AeTableBy,
  type AeTableFilter,
  type AeTableQuery,
} from '../../lib/safety-api.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { QueryError } from '../../ui/query-error.js';
import { useSafetyAeTable } from './use-safety.js';

const BY_OPTIONS: { value: AeTableBy; label: string }[] = [
  { value: 'soc-term', label: 'System organ class and term' },
  { value: 'max-grade', label: 'Maximum CTCAE grade' },
  { value: 'relatedness', label: 'Relatedness' },
];

const FILTER_OPTIONS: { value: AeTableFilter; label: string }[] = [
  { value: 'all', label: 'All adverse events' },
  { value: 'serious', label: 'Serious' },
  { value: 'related', label: 'Related' },
  { value: 'serious-related', label: 'Serious and related' },
];

const GROUPING_TEXT: Record<AeTableView['grouping'], string> = {
  arm: 'Columns by treatment arm.',
  'dose-level': 'Columns by dose level (escalation cohorts).',
  mixed: 'Columns by arm and by dose level.',
  all: 'Participants pooled: your role is blinded to treatment arms.',
};

type Row = AeTableView['rows'][number];

const CATEGORY_LABELS: Record<string, string> = { related: 'Related', 'not-related': 'Not related' };

/** The row's label: SOC and term rows as given, category rows as "Grade 3" / "Related" / "Not related". */
export function rowLabel(row: Row): string {
  if (row.category === null) {
    return row.label;
  }
  if (/^[1-5]$/.test(row.category)) {
    return `Grade ${row.category}`;
  }
  return CATEGORY_LABELS[row.category] ?? row.category;
}

/** "3 (25.0 %)": count and percentage of N, one decimal for display (the API's percentage is unrounded). */
export function cellText(cell: { count: number; percent: number } | undefined): string {
  return cell === undefined ? '' : `${cell.count} (${cell.percent.toFixed(1)} %)`;
}

const LEVEL_INDENT: Record<Row['level'], number> = { any: 0, soc: 1, term: 2 };

function indentOf(row: Row): number {
  return (LEVEL_INDENT[row.level] + (row.category === null ? 0 : 1)) * 14;
}

function AeTable({ table }: { table: AeTableView }) {
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table aria-label="AE table" verticalSpacing={2} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>System organ class / term</Table.Th>
            {table.columns.map((c) => (
              <Table.Th key={c.key} ta="right">
                {c.label} (N = {c.n})
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, i) => (
            <Table.Tr key={`${row.level}|${row.soc ?? ''}|${row.term ?? ''}|${row.category ?? ''}|${i}`}>
              <Table.Td
                pl={indentOf(row)}
                fw={row.level !== 'term' && row.category === null ? 600 : undefined}
              >
                {rowLabel(row)}
              </Table.Td>
              {table.columns.map((c, j) => (
                <Table.Td key={c.key} ta="right" ff="monospace">
                  {cellText(row.cells[j])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** AE incidence tables (participants with at least one event, counted once per row) with a CSV download. */
export function AeTableSection({ studyId }: { studyId: string }) {
  const [query, setQuery] = useState<AeTableQuery>({ by: 'soc-term', filter: 'all' });
  const table = useSafetyAeTable(studyId, query);
  let body;
  if (table.isPending) {
    body = <LoadingBlock label="Loading the AE table…" />;
  } else if (table.isError) {
    body = (
      <QueryError
        title="Could not load the AE table"
        error={table.error}
        onRetry={() => void table.refetch()}
      />
    );
  } else {
    const t = table.data;
    body = (
      <Stack gap="xs">
        <Text size="sm">
          {t.events} {t.events === 1 ? 'event' : 'events'} in {t.participants} participants.{' '}
          {GROUPING_TEXT[t.grouping]}
        </Text>
        <AeTable table={t} />
        {t.notes.map((note) => (
          <Text key={note} size="xs" c="dimmed">
            {note}
          </Text>
        ))}
      </Stack>
    );
  }
  return (
    <Paper p="md" component="section" aria-labelledby="safety-ae-table">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={3} fz="h4" id="safety-ae-table">
          Adverse events by participant
        </Title>
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label="Table"
            data={BY_OPTIONS}
            value={query.by}
            onChange={(event) => {
              const by = BY_OPTIONS.find((o) => o.value === event.currentTarget.value)?.value;
              setQuery((q) => ({ ...q, by: by ?? q.by }));
            }}
            w={240}
          />
          <NativeSelect
            label="Events"
            data={FILTER_OPTIONS}
            value={query.filter}
            onChange={(event) => {
              const filter = FILTER_OPTIONS.find((o) => o.value === event.currentTarget.value)?.value;
              setQuery((q) => ({ ...q, filter: filter ?? q.filter }));
            }}
            w={200}
          />
          <Anchor href={safetyDownloads.aeTableCsv(studyId, query)} size="sm" download>
            Download CSV
          </Anchor>
        </Group>
      </Group>
      {body}
    </Paper>
  );
}
