import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ScreeningCounts {
  screened: number;
  inScreening: number;
  screenFailed: number;
  enrolled: number;
  randomized: number;
}

function FlowBox({ label, count, tone = 'main' }: { label: string; count: number; tone?: 'main' | 'side' }) {
  return (
    <Paper
      p="sm"
      w={tone === 'main' ? 260 : 220}
      bg={tone === 'main' ? 'navy.0' : 'gray.0'}
      role="group"
      aria-label={`${label}: ${count}`}
    >
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={700} lh={1.2}>
        {count}
      </Text>
    </Paper>
  );
}

function Arrow({ children }: { children?: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="center" pl={128} h={children ? undefined : 28}>
      <Box w={2} bg="gray.5" h={children ? undefined : 28} style={{ alignSelf: 'stretch', minHeight: 28 }} />
      {children}
    </Group>
  );
}

/** CONSORT-style enrolment flow from the screening log: screened → (failed / still screening) → enrolled → randomized. */
export function ConsortFlow({ counts, randomizes }: { counts: ScreeningCounts; randomizes: boolean }) {
  return (
    <Stack gap={0} aria-label="Enrolment flow" role="figure">
      <FlowBox label="Registered for screening" count={counts.screened} />
      <Arrow>
        <Stack gap="xs" py="xs">
          <Group gap="xs" wrap="nowrap">
            <Text c="gray.6">→</Text>
            <FlowBox label="Screen failed" count={counts.screenFailed} tone="side" />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text c="gray.6">→</Text>
            <FlowBox label="Still in screening" count={counts.inScreening} tone="side" />
          </Group>
        </Stack>
      </Arrow>
      <FlowBox label="Enrolled" count={counts.enrolled} />
      {randomizes && (
        <>
          <Arrow />
          <FlowBox label="Randomized" count={counts.randomized} />
        </>
      )}
    </Stack>
  );
}
