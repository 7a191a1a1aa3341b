import type { ScheduleResponse } from '@celltrial/contracts';
import type { Protocol } from '@celltrial/core';
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { formatSigned, formatWindow } from '../activity-grid.js';
import {
  activityKind,
  activityLabel,
  anchorLabel,
  formatCalendarDate,
  humanize,
} from '../protocol-labels.js';

type Entry = ScheduleResponse['entries'][number];

const NOWRAP = { whiteSpace: 'nowrap' } as const;

function Activities({ protocol, entry }: { protocol: Protocol; entry: Entry }) {
  const badges = entry.activities.filter((activity) => activityKind(protocol, activity) !== 'form');
  const forms = entry.activities.filter((activity) => activityKind(protocol, activity) === 'form');
  return (
    <Stack gap={3}>
      {badges.length > 0 && (
        <Group gap={4}>
          {badges.map((activity) => (
            <Badge
              key={activity}
              size="sm"
              tt="none"
              fw={600}
              variant={activityKind(protocol, activity) === 'dose' ? 'filled' : 'light'}
              h="auto"
              styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
            >
              {activityLabel(protocol, activity)}
            </Badge>
          ))}
        </Group>
      )}
      {forms.length > 0 && (
        <Text size="xs" c="dimmed" lh={1.35}>
          {forms.map((form) => activityLabel(protocol, form)).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

function windowOf(protocol: Protocol, visitId: string) {
  return protocol.visits.find((visit) => visit.id === visitId)?.window ?? null;
}

/** Consecutive entries of the same epoch, in calendar order. */
function epochRuns(entries: readonly Entry[]): Entry[][] {
  const runs: Entry[][] = [];
  for (const entry of entries) {
    const run = runs[runs.length - 1];
    if (run !== undefined && run[0]?.epoch === entry.epoch) {
      run.push(entry);
    } else {
      runs.push([entry]);
    }
  }
  return runs;
}

function CalendarRow({ protocol, entry }: { protocol: Protocol; entry: Entry }) {
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {entry.name}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={NOWRAP}>
        {formatSigned(entry.day)}
      </Table.Td>
      <Table.Td style={NOWRAP}>
        <Text
          size="sm"
          title={`Timed from ${anchorLabel(protocol, entry.anchor).toLowerCase()} (${entry.anchorDate})`}
        >
          {formatCalendarDate(entry.date)}
        </Text>
        {entry.assumedAnchor && (
          <Badge
            size="xs"
            color="orange"
            tt="none"
            title={`${humanize(entry.anchor)} has no date yet; the start date was used`}
          >
            assumed anchor
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" style={NOWRAP}>
          {entry.windowStart} – {entry.windowEnd}
        </Text>
        <Text size="xs" c="dimmed">
          {formatWindow(windowOf(protocol, entry.visit))}
        </Text>
      </Table.Td>
      <Table.Td>
        <Activities protocol={protocol} entry={entry} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The planned calendar of one participant, grouped by epoch: visit, study day, target date, window, what is due. */
export function CalendarTable({ protocol, schedule }: { protocol: Protocol; schedule: ScheduleResponse }) {
  const epochName = (id: string) => protocol.epochs.find((epoch) => epoch.id === id)?.name ?? id;
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table aria-label="Participant calendar" layout="fixed" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={230}>Visit</Table.Th>
            <Table.Th w={60} ta="right" title="Study day">
              Day
            </Table.Th>
            <Table.Th w={128}>Target date</Table.Th>
            <Table.Th w={172}>Window</Table.Th>
            <Table.Th>Activities</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {epochRuns(schedule.entries).map((run) => (
            <Fragment key={`${run[0]?.epoch ?? ''}@${run[0]?.date ?? ''}`}>
              <Table.Tr bg="navy.0">
                <Table.Td colSpan={5} py={3}>
                  <Text size="xs" fw={700} c="navy.9">
                    {epochName(run[0]?.epoch ?? '')}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {run.map((entry) => (
                <CalendarRow
                  key={`${entry.visit}#${entry.occurrence ?? 1}`}
                  protocol={protocol}
                  entry={entry}
                />
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
