import type { CurrentProtocolResponse } from '@celltrial/contracts';
import { Alert, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../lib/api-error.js';
import { LoadingBlock } from '../../../ui/loading-block.js';
import { PageHeader } from '../../../ui/page-header.js';
import { QueryError } from '../../../ui/query-error.js';
import { useStudyId } from '../../studies/use-study-id.js';
import { armsNeedSelection, buildActivityGrid } from '../activity-grid.js';
import { studyDayConvention } from '../protocol-labels.js';
import { useCurrentProtocol } from '../use-protocol.js';
import { ActivityGridTable, ROLE_SYMBOLS } from './activity-grid-table.js';
import { ALL_ARMS, ArmSelect } from './arm-select.js';
import { localIsoDate } from './local-date.js';
import { ParticipantCalendar } from './participant-calendar.js';

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
        ✓ due at the visit
        {grid.dosingByArm
          ? ` · dosing: ${ROLE_SYMBOLS.investigational} study product, ${ROLE_SYMBOLS.placebo} placebo, ${ROLE_SYMBOLS.sham} sham (masked: every arm is dosed at the same visits)`
          : ''}{' '}
        · {studyDayConvention(protocol)} · window = days allowed before/after the target day · unscheduled
        visits happen as needed
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
