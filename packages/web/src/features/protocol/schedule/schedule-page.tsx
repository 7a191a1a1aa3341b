import type { CurrentProtocolResponse } from '@celltrial/contracts';
import { PROTOCOL_INTERVENTION_ROLES, type Protocol } from '@celltrial/core';
import { Alert, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../lib/api-error.js';
import { LoadingBlock } from '../../../ui/loading-block.js';
import { PageHeader } from '../../../ui/page-header.js';
import { QueryError } from '../../../ui/query-error.js';
import { useStudyId } from '../../studies/use-study-id.js';
import { armsNeedSelection, buildActivityGrid, type ActivityGrid } from '../activity-grid.js';
import { studyDayConvention } from '../protocol-labels.js';
import { useCurrentProtocol } from '../use-protocol.js';
import { ActivityGridTable, ROLE_SYMBOLS } from './activity-grid-table.js';
import { ALL_ARMS, ArmSelect } from './arm-select.js';
import { localIsoDate } from './local-date.js';
import { ParticipantCalendar } from './participant-calendar.js';

/** The key under the grid: marks, the study-day convention and what a window means. */
function gridLegend(protocol: Protocol, grid: ActivityGrid): string {
  const parts = ['✓ due at the visit'];
  if (grid.dosingByArm) {
    const roles = new Set(
      grid.sections
        .flatMap((section) => section.rows)
        .flatMap((row) => row.cells)
        .flatMap((cell) => (cell?.kind === 'dose' ? [cell.role] : [])),
    );
    const symbols = PROTOCOL_INTERVENTION_ROLES.filter((role) => roles.has(role)).map(
      (role) => `${ROLE_SYMBOLS[role]} ${role === 'investigational' ? 'study product' : role}`,
    );
    parts.push(
      `dosing per arm: ${symbols.join(', ')} (arms are dosed at the same visits, so they stay masked)`,
    );
  }
  parts.push(studyDayConvention(protocol), 'window = days allowed before/after the target day');
  if (grid.columns.some((column) => column.unscheduled)) {
    parts.push('unscheduled visits happen as needed');
  }
  return parts.join(' · ');
}

function GridPanel({ current, arm }: { current: CurrentProtocolResponse; arm: string | null }) {
  const { protocol } = current;
  const result = useMemo(() => buildActivityGrid(protocol, { arm }), [protocol, arm]);
  if (result.kind === 'invalid') {
    return (
      <Alert color="red" title="The schedule cannot be drawn" role="alert">
        <List size="sm">
          {result.problems.map((problem) => (
            <List.Item key={`${problem.rule}:${problem.path.join('.')}`}>{problem.message}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  const { grid } = result;
  return (
    <>
      <ActivityGridTable protocol={protocol} grid={grid} />
      <Text size="xs" c="dimmed" mt="xs">
        {gridLegend(protocol, grid)}
      </Text>
    </>
  );
}

function SchedulePanels({ studyId, current }: { studyId: string; current: CurrentProtocolResponse }) {
  const { protocol } = current;
  const [searchParams, setSearchParams] = useSearchParams();
  const [today] = useState(() => localIsoDate(new Date()));
  const needsArm = useMemo(() => armsNeedSelection(protocol), [protocol]);
  const arms = protocol.design.arms;
  const requested = searchParams.get('arm') ?? ALL_ARMS;
  const known = arms.some((arm) => arm.id === requested);
  let arm = known ? requested : ALL_ARMS;
  if (arm === ALL_ARMS && needsArm) {
    arm = arms[0]?.id ?? ALL_ARMS;
  }
  const start = searchParams.get('start') ?? today;
  // null removes the parameter; '' is kept (a cleared date field stays cleared instead of jumping to today).
  const setParam = (key: string, value: string | null) =>
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) {
          next.delete(key);
        } else {
          next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return (
    <Stack gap="md">
      <Paper p="md" component="section" aria-labelledby="soa-title">
        <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap" gap="sm">
          <div>
            <Title order={3} fz="h5" id="soa-title">
              Schedule of activities
            </Title>
            <Text size="xs" c="dimmed">
              Protocol version {current.current.version} · {protocol.visits.length} visits ·{' '}
              {protocol.epochs.length} epochs
            </Text>
          </div>
          {arms.length > 1 && (
            <ArmSelect
              arms={arms}
              value={arm}
              allowAll={!needsArm}
              onChange={(value) => setParam('arm', value === ALL_ARMS ? null : value)}
            />
          )}
        </Group>
        <GridPanel current={current} arm={arm === ALL_ARMS ? null : arm} />
      </Paper>
      <Paper p="md" component="section" aria-labelledby="calendar-title">
        <Title order={3} fz="h5" id="calendar-title" mb={2}>
          Participant calendar
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          Planned target dates and windows for a participant starting on the chosen date.
        </Text>
        <ParticipantCalendar
          studyId={studyId}
          protocol={protocol}
          arm={arm === ALL_ARMS ? undefined : arm}
          start={start}
          today={today}
          onStartChange={(value) => setParam('start', value === today ? null : value)}
        />
      </Paper>
    </Stack>
  );
}

/** The schedule of activities of the study's current protocol and a participant calendar for a start date. */
export function SchedulePage() {
  const studyId = useStudyId();
  const current = useCurrentProtocol(studyId);
  return (
    <>
      <PageHeader
        title="Schedule"
        description={current.data ? current.data.protocol.title : 'Visits, windows and what is due at each'}
      />
      {current.isPending && <LoadingBlock label="Loading protocol…" />}
      {current.isError && (
        <QueryError
          title={
            isApiError(current.error, 'NOT_FOUND')
              ? 'No protocol for this study'
              : 'Could not load the protocol'
          }
          error={current.error}
          onRetry={() => void current.refetch()}
        />
      )}
      {current.data && <SchedulePanels studyId={studyId} current={current.data} />}
    </>
  );
}
