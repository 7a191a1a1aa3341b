import { Paper, Stack, Text, Title } from '@mantine/core';
import { isApiError } from '../../lib/api-error.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { fmt } from './analysis-labels.js';
import { DataTable } from './data-table.js';
import { useAeTable } from './use-analysis.js';

function unavailableText(status: number): string {
  if (status === 404) {
    return 'The adverse-event table is not available on this server yet.';
  }
  return status === 403
    ? 'Your role may not see the adverse-event table.'
    : 'The adverse-event table could not be loaded.';
}

/** The AE incidence table from the safety API; says so plainly when this server has none yet. */
export function AeTablePanel({ studyId }: { studyId: string }) {
  const query = useAeTable(studyId);
  let body;
  if (query.isPending) {
    body = <LoadingBlock label="Loading the adverse-event table…" />;
  } else if (query.isError) {
    const status = isApiError(query.error) ? query.error.status : 0;
    body = (
      <Text size="sm" c="dimmed">
        {unavailableText(status)}
      </Text>
    );
  } else {
    const t = query.data;
    body = (
      <Stack gap="xs">
        <Text size="sm">
          {t.events} events in {t.participants} participants; columns{' '}
          {t.grouping === 'all' ? 'pooled (blinded)' : `by ${t.grouping}`}.
        </Text>
        <DataTable
          label="Adverse events"
          fileName="adverse-events"
          empty="No adverse events recorded."
          columns={[
            {
              header: 'Row',
              cell: (r) =>
                `${r.level === 'term' ? '  ' : ''}${r.label}${r.category === null ? '' : ` — ${r.category}`}`,
            },
            ...t.columns.map((c, i) => ({
              header: `${c.label} (n = ${c.n})`,
              cell: (r: (typeof t.rows)[number]) => {
                const cell = r.cells[i];
                return cell === undefined ? '' : `${cell.count} (${fmt(cell.percent, 3)} %)`;
              },
              raw: (r: (typeof t.rows)[number]) => r.cells[i]?.count ?? null,
            })),
          ]}
          rows={t.rows}
        />
        {t.notes.map((n) => (
          <Text key={n} size="xs" c="dimmed">
            {n}
          </Text>
        ))}
      </Stack>
    );
  }
  return (
    <Paper p="md" component="section" aria-label="Adverse events">
      <Title order={2} fz="h4" mb="xs">
        Adverse events
      </Title>
      {body}
    </Paper>
  );
}
