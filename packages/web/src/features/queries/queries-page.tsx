import { DATA_QUERY_STATUSES, type Site } from '@celltrial/contracts';
import { Anchor, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { DataQueryStatus, QueryListFilter } from '../../lib/casebook-api.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { useStudySites } from '../studies/use-studies.js';
import { useStudyId } from '../studies/use-study-id.js';
import { QUERY_STATUS_LABELS } from './query-labels.js';
import { QueryListTable } from './query-list-table.js';
import { useDataQueries } from './use-queries.js';

function isStatus(value: string | null): value is DataQueryStatus {
  return value !== null && (DATA_QUERY_STATUSES as readonly string[]).includes(value);
}

type SiteCount = { siteId: string; siteCode: string } & Record<DataQueryStatus, number>;

function SiteCounts(props: { studyId: string; counts: readonly SiteCount[] }) {
  const { studyId, counts } = props;
  const link = (code: string, status: DataQueryStatus, count: number) =>
    count === 0 ? (
      <Text span size="sm" c="dimmed">
        0
      </Text>
    ) : (
      <Anchor
        component={Link}
        to={`/studies/${studyId}/queries?status=${status}&site=${code}`}
        size="sm"
        fw={600}
      >
        {count}
      </Anchor>
    );
  return (
    <Paper component="section" aria-labelledby="query-counts">
      <Title order={3} fz="h5" id="query-counts" px="md" pt="sm">
        Queries per site
      </Title>
      <Table aria-label="Queries per site" maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Site</Table.Th>
            {DATA_QUERY_STATUSES.map((status) => (
              <Table.Th key={status}>{QUERY_STATUS_LABELS[status]}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counts.map((row) => (
            <Table.Tr key={row.siteId}>
              <Table.Td fw={600}>{row.siteCode}</Table.Td>
              {DATA_QUERY_STATUSES.map((status) => (
                <Table.Td key={status}>{link(row.siteCode, status, row[status])}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Filters(props: {
  sites: readonly Site[];
  search: URLSearchParams;
  onChange: (key: string, value: string) => void;
}) {
  const { sites, search, onChange } = props;
  return (
    <Group gap="sm" align="flex-end">
      <NativeSelect
        label="Status"
        value={search.get('status') ?? ''}
        onChange={(event) => onChange('status', event.currentTarget.value)}
        data={[
          { value: '', label: 'All statuses' },
          ...DATA_QUERY_STATUSES.map((status) => ({ value: status, label: QUERY_STATUS_LABELS[status] })),
        ]}
      />
      <NativeSelect
        label="Site"
        value={search.get('site') ?? ''}
        onChange={(event) => onChange('site', event.currentTarget.value)}
        data={[
          { value: '', label: 'All sites' },
          ...sites.map((site) => ({ value: site.code, label: site.code })),
        ]}
      />
      {search.get('participant') !== null && (
        <Anchor component="button" size="sm" onClick={() => onChange('participant', '')} mb={6}>
          Show every participant
        </Anchor>
      )}
    </Group>
  );
}

/** The study's data queries: counts per site, filters by status and site, and every query linking to its item. */
export function QueriesPage() {
  const studyId = useStudyId();
  const [search, setSearch] = useSearchParams();
  const sites = useStudySites(studyId);
  const statusParam = search.get('status');
  const site = sites.data?.sites.find((candidate) => candidate.code === search.get('site'));
  const participant = search.get('participant');
  const filter: QueryListFilter = {
    ...(isStatus(statusParam) ? { status: statusParam } : {}),
    ...(site ? { siteId: site.id } : {}),
    ...(participant === null ? {} : { participantId: participant }),
  };
  // Wait for the sites before asking with a site filter, so the first request is the filtered one.
  const waitingForSites = search.get('site') !== null && sites.isPending;
  const queries = useDataQueries(studyId, filter, !waitingForSites);
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value === '') {
      next.delete(key);
    } else {
      next.set(key, value);
    }
    setSearch(next, { replace: true });
  };
  return (
    <>
      <PageHeader
        title="Queries"
        description="Questions about entered data: raised by edit checks or by monitors and data managers, answered by the sites."
      />
      <Stack gap="md">
        <Filters sites={sites.data?.sites ?? []} search={search} onChange={setParam} />
        {queries.isPending && <LoadingBlock label="Loading queries…" />}
        {queries.isError && (
          <QueryError
            title="Could not load the queries"
            error={queries.error}
            onRetry={() => void queries.refetch()}
          />
        )}
        {queries.data && (
          <>
            <SiteCounts studyId={studyId} counts={queries.data.bySite} />
            <Paper component="section" aria-labelledby="query-list">
              <Title order={3} fz="h5" id="query-list" px="md" pt="sm">
                {queries.data.queries.length} {queries.data.queries.length === 1 ? 'query' : 'queries'}
                {filter.status === undefined ? '' : ` ${QUERY_STATUS_LABELS[filter.status].toLowerCase()}`}
              </Title>
              {queries.data.queries.length === 0 ? (
                <Text size="sm" c="dimmed" px="md" pb="md">
                  No queries match the filters.
                </Text>
              ) : (
                <QueryListTable studyId={studyId} queries={queries.data.queries} />
              )}
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}
