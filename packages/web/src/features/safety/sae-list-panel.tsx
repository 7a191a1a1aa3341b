import type { SaeListEntryView } from '@celltrial/contracts';
import { Alert, Anchor, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadingBlock } from '../../ui/loading-block.js';
import { QueryError } from '../../ui/query-error.js';
import { ClockWarnings, DeadlineCell } from './deadline-cell.js';
import { formatInstant } from './local-date-time.js';
import { SERIOUSNESS_LABELS, SUSAR_LABELS, labelOf } from './safety-labels.js';
import { aeUrl } from './safety-urls.js';
import { useSaeList } from './use-safety.js';

function SaeRow({ studyId, entry }: { studyId: string; entry: SaeListEntryView }) {
  const overdue = entry.clock.overdue;
  return (
    <Table.Tr bg={overdue ? 'red.0' : undefined} data-overdue={overdue ? 'true' : undefined}>
      <Table.Td>
        <Anchor
          component={Link}
          to={aeUrl({ studyId, participantId: entry.participantId, aeId: entry.adverseEventId })}
          size="sm"
          aria-label={`${entry.participantNumber} AE ${entry.aeNumber}`}
        >
          {entry.participantNumber} · AE {entry.aeNumber}
        </Anchor>
        <Text size="xs" c="dimmed">
          {entry.siteCode}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{entry.ctcaeTerm ?? entry.term}</Text>
        {entry.ctcaeTerm !== null && entry.ctcaeTerm !== entry.term && (
          <Text size="xs" c="dimmed">
            “{entry.term}”
          </Text>
        )}
        <ClockWarnings clock={entry.clock} />
      </Table.Td>
      <Table.Td>{entry.grade}</Table.Td>
      <Table.Td>{entry.onsetDate}</Table.Td>
      <Table.Td>
        <Text size="xs">{entry.seriousness.map((s) => labelOf(SERIOUSNESS_LABELS, s)).join('; ')}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={entry.susar === 'susar' ? 700 : undefined}>
          {labelOf(SUSAR_LABELS, entry.susar)}
        </Text>
      </Table.Td>
      <Table.Td>
        <DeadlineCell deadline={entry.clock.initial} />
      </Table.Td>
      <Table.Td>
        <DeadlineCell deadline={entry.clock.susar} />
      </Table.Td>
      <Table.Td>{entry.reportCount}</Table.Td>
    </Table.Tr>
  );
}

/** The study's serious AEs with their reporting deadlines (overdue first), missed deadlines in red. */
export function SaeListPanel({ studyId }: { studyId: string }) {
  const [overdueOnly, setOverdueOnly] = useState(false);
  const list = useSaeList(studyId, overdueOnly);
  let body;
  if (list.isPending) {
    body = <LoadingBlock label="Loading serious adverse events…" />;
  } else if (list.isError) {
    body = (
      <QueryError
        title="Could not load the serious adverse events"
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    );
  } else {
    const { events, overdue, asOf } = list.data;
    body = (
      <Stack gap="xs">
        {overdue > 0 && (
          <Alert color="red" role="alert" title="Reporting overdue" p="xs">
            {overdue} serious adverse {overdue === 1 ? 'event has' : 'events have'} a report past its
            deadline. Send the report and record it on the event.
          </Alert>
        )}
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {overdueOnly ? 'No report is overdue.' : 'No serious adverse events recorded.'}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label="Serious adverse events" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Participant</Table.Th>
                  <Table.Th>Term</Table.Th>
                  <Table.Th>Grade</Table.Th>
                  <Table.Th>Onset</Table.Th>
                  <Table.Th>Seriousness</Table.Th>
                  <Table.Th>SUSAR</Table.Th>
                  <Table.Th>Initial report (24 h)</Table.Th>
                  <Table.Th>SUSAR report</Table.Th>
                  <Table.Th>Reports</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.map((entry) => (
                  <SaeRow key={entry.adverseEventId} studyId={studyId} entry={entry} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed">
          Deadlines as of {formatInstant(asOf)} (server clock): initial report within 24 h of awareness; a
          SUSAR within 7 days if fatal or life-threatening, else 15 days.
        </Text>
      </Stack>
    );
  }
  return (
    <Paper p="md" component="section" aria-labelledby="safety-saes">
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="h4" id="safety-saes">
          Serious adverse events
        </Title>
        <Checkbox
          label="Overdue only"
          checked={overdueOnly}
          onChange={(event) => setOverdueOnly(event.currentTarget.checked)}
        />
      </Group>
      {body}
    </Paper>
  );
}
