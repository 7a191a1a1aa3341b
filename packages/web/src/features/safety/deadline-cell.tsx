import type { ReportingDeadlineView, SaeClockView } from '@celltrial/contracts';
import { Badge, Stack, Text } from '@mantine/core';
import { formatInstant } from './local-date-time.js';
import { deadlineColor, deadlineName, deadlineStatusText } from './safety-labels.js';

/** One reporting deadline: due time and its status in words (red when overdue or sent late). */
export function DeadlineCell({ deadline }: { deadline: ReportingDeadlineView | null }) {
  if (deadline === null) {
    return <Text size="sm">—</Text>;
  }
  const color = deadlineColor(deadline);
  return (
    <Stack gap={2} title={deadline.explanation}>
      <Text size="xs" c="dimmed">
        due {formatInstant(deadline.due)}
      </Text>
      <Badge
        color={color}
        variant={deadline.status === 'overdue' ? 'filled' : 'light'}
        size="sm"
        tt="none"
        aria-label={`${deadlineName(deadline)}: ${deadlineStatusText(deadline)}`}
      >
        {deadlineStatusText(deadline)}
      </Badge>
    </Stack>
  );
}

/** The clock's problem (e.g. no awareness time) and warnings, in red. */
export function ClockWarnings({ clock }: { clock: SaeClockView }) {
  const lines = [...(clock.problem === null ? [] : [clock.problem]), ...clock.warnings];
  if (lines.length === 0) {
    return null;
  }
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text key={line} size="xs" c="red.8" fw={600}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}
