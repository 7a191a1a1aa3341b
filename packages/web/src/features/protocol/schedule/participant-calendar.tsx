import { isIsoCalendarDate, type Protocol } from '@celltrial/core';
import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { LoadingBlock } from '../../../ui/loading-block.js';
import { QueryError } from '../../../ui/query-error.js';
import { anchorLabel, humanize } from '../protocol-labels.js';
import { useSchedule } from '../use-protocol.js';
import { CalendarTable } from './calendar-table.js';

export interface ParticipantCalendarProps {
  studyId: string;
  protocol: Protocol;
  /** The arm to compute, or undefined when all arms share one calendar. */
  arm: string | undefined;
  /** The start date as typed (YYYY-MM-DD when complete). */
  start: string;
  onStartChange: (start: string) => void;
  /** Today in the browser's time zone, for the "Today" button. */
  today: string;
}

/** Pick a start date and see the planned visits of a participant starting that day (from the server). */
export function ParticipantCalendar(props: ParticipantCalendarProps) {
  const { studyId, protocol, arm, start, onStartChange, today } = props;
  const valid = isIsoCalendarDate(start);
  const schedule = useSchedule(
    studyId,
    valid ? { anchor: start, ...(arm === undefined ? {} : { arm }) } : null,
  );
  const startEvent = schedule.data?.startEvent;
  const entries = schedule.data?.entries ?? [];
  const assumed = entries.filter((entry) => entry.assumedAnchor).length;
  const shownArm = schedule.data?.arm ?? undefined;
  const armName =
    protocol.design.arms.length > 1 && shownArm !== undefined
      ? (protocol.design.arms.find((candidate) => candidate.id === shownArm)?.name ?? shownArm)
      : undefined;
  const first = entries[0];
  const last = entries[entries.length - 1];
  return (
    <>
      <Group align="flex-end" gap="sm" mb="sm">
        <TextInput
          type="date"
          label="Start date"
          description={
            startEvent
              ? `Date of ${anchorLabel(protocol, startEvent).toLowerCase()}`
              : 'Date of the first visit’s anchor'
          }
          size="xs"
          w={190}
          value={start}
          onChange={(event) => onStartChange(event.currentTarget.value)}
          error={start !== '' && !valid ? 'Enter a date as YYYY-MM-DD' : undefined}
        />
        <Button size="xs" variant="default" onClick={() => onStartChange(today)} disabled={start === today}>
          Today
        </Button>
        {first && last && (
          <Text size="xs" c="dimmed" pb={6}>
            {entries.length} planned visits, {first.date} to {last.date}
            {armName === undefined ? '' : ` · ${armName}`}
          </Text>
        )}
      </Group>
      {!valid && (
        <Text size="sm" c="dimmed">
          Choose a start date to see the calendar.
        </Text>
      )}
      {valid && schedule.isPending && <LoadingBlock label="Computing the calendar…" />}
      {valid && schedule.isError && (
        <QueryError
          title="Could not compute the calendar"
          error={schedule.error}
          onRetry={() => void schedule.refetch()}
        />
      )}
      {assumed > 0 && (
        <Alert color="orange" p="xs" mb="sm">
          <Text size="xs">
            {assumed} visit{assumed === 1 ? ' is' : 's are'} timed from an event whose date is not known yet (
            {humanize(entries.find((entry) => entry.assumedAnchor)?.anchor ?? '')}); the start date was used
            for it. Dates move when the event happens.
          </Text>
        </Alert>
      )}
      {valid && schedule.data && <CalendarTable protocol={protocol} schedule={schedule.data} />}
    </>
  );
}
