import type { ProtocolCriterion } from '@celltrial/core';
import { Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { participantsApi } from '../../lib/participants-api.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { ParticipantStatusBadge, VerdictBadge } from '../participants/participant-badges.js';
import { isoDay } from '../participants/participant-urls.js';
import { useScreeningLog } from '../participants/use-participants.js';
import { useCurrentProtocol } from '../protocol/use-protocol.js';
import { useStudyId } from '../studies/use-study-id.js';
import { ConsortFlow } from './consort-flow.js';

type ScreeningLog = Awaited<ReturnType<typeof participantsApi.screeningLog>>;

function Block({ title, children }: { title: string; children: ReactNode }) {
  const id = `log-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Paper p="md" component="section" aria-labelledby={id}>
      <Title order={3} fz="h5" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function FailureReasons(props: {
  reasons: ScreeningLog['failureReasons'];
  criteria: Map<string, ProtocolCriterion>;
}) {
  if (props.reasons.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No screen failures with a criterion yet.
      </Text>
    );
  }
  return (
    <Table aria-label="Screen-failure reasons">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Criterion</Table.Th>
          <Table.Th>Text</Table.Th>
          <Table.Th ta="right">Failures</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.reasons.map((reason) => {
          const criterion = props.criteria.get(reason.criterion);
          return (
            <Table.Tr key={reason.criterion}>
              <Table.Td ff="monospace" fw={600}>
                {reason.criterion}
              </Table.Td>
              <Table.Td>
                <Text size="xs" lineClamp={2} title={criterion?.text}>
                  {criterion?.text ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {reason.count}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function LogRows({ rows }: { rows: ScreeningLog['rows'] }) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No candidates registered yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label="Screening log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Screening no.</Table.Th>
            <Table.Th>Subject no.</Table.Th>
            <Table.Th>Site</Table.Th>
            <Table.Th>Registered</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Verdict</Table.Th>
            <Table.Th>Failed criteria</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.screeningNumber}>
              <Table.Td fw={600}>{row.screeningNumber}</Table.Td>
              <Table.Td>{row.subjectNumber ?? '—'}</Table.Td>
              <Table.Td>{row.siteCode}</Table.Td>
              <Table.Td>{isoDay(row.registeredAt)}</Table.Td>
              <Table.Td>
                <ParticipantStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>{row.verdict ? <VerdictBadge verdict={row.verdict} /> : '—'}</Table.Td>
              <Table.Td ff="monospace" fz="xs">
                {row.failedCriteria.length > 0 ? row.failedCriteria.join(', ') : '—'}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{row.note ?? '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The screening log: CONSORT-style counts, screen-failure reasons by criterion, and every candidate. */
export function ScreeningLogPage() {
  const studyId = useStudyId();
  const log = useScreeningLog(studyId);
  const protocol = useCurrentProtocol(studyId);
  const criteria = new Map((protocol.data?.protocol.eligibility.criteria ?? []).map((c) => [c.id, c]));
  const randomizes = protocol.data?.protocol.design.randomization !== undefined;
  return (
    <>
      <PageHeader
        title="Screening log"
        description="Every candidate registered at the sites you may see, with the outcome of screening."
      />
      {log.isPending && <LoadingBlock label="Loading the screening log…" />}
      {log.isError && (
        <QueryError
          title="Could not load the screening log"
          error={log.error}
          onRetry={() => void log.refetch()}
        />
      )}
      {log.data && (
        <Stack gap="md">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Block title="Enrolment flow">
                <ConsortFlow counts={log.data.counts} randomizes={randomizes} />
              </Block>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Block title="Screen-failure reasons">
                <FailureReasons reasons={log.data.failureReasons} criteria={criteria} />
              </Block>
            </Grid.Col>
          </Grid>
          <Block title="Candidates">
            <LogRows rows={log.data.rows} />
          </Block>
        </Stack>
      )}
    </>
  );
}
