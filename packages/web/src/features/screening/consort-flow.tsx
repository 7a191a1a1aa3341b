import { Box, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ScreeningCounts {
  screened: number;
  inScreening: number;
  screenFailed: number;
  enrolled: number;
  randomized: number;
}

const MAIN_WIDTH = 180;
const SIDE_GAP = 24;
const LINE = 'var(--mantine-color-gray-5)';

function FlowBox({ label, count, side = false }: { label: string; count: number; side?: boolean }) {
  return (
    <Paper
      p="xs"
      px="sm"
      w={side ? 170 : MAIN_WIDTH}
      bg={side ? 'gray.0' : 'navy.0'}
      role="group"
      aria-label={`${label}: ${count}`}
      style={{ position: 'relative' }}
    >
      {side && (
        // The branch from the main line to this box.
        <Box
          style={{
            position: 'absolute',
            right: '100%',
            top: '50%',
            width: MAIN_WIDTH / 2 + SIDE_GAP,
            borderTop: `2px solid ${LINE}`,
          }}
        />
      )}
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.2}>
        {count}
      </Text>
    </Paper>
  );
}

/** The vertical line of the main flow, with optional side boxes branching off it. */
function Trunk({ children }: { children?: ReactNode }) {
  return (
    <Box style={{ position: 'relative', minHeight: 24 }}>
      <Box
        style={{
          position: 'absolute',
          left: MAIN_WIDTH / 2 - 1,
          top: 0,
          bottom: 0,
          borderLeft: `2px solid ${LINE}`,
        }}
      />
      {children && (
        <Stack gap="xs" py="xs" pl={MAIN_WIDTH + SIDE_GAP}>
          {children}
        </Stack>
      )}
    </Box>
  );
}

/**
 * CONSORT-style enrolment flow from the screening log: registered → (screen failed, still in screening) →
 * enrolled → randomized.
 */
export function ConsortFlow({ counts, randomizes }: { counts: ScreeningCounts; randomizes: boolean }) {
  return (
    <Stack gap={0} aria-label="Enrolment flow" role="figure">
      <FlowBox label="Registered for screening" count={counts.screened} />
      <Trunk>
        <FlowBox label="Screen failed" count={counts.screenFailed} side />
        <FlowBox label="Still in screening" count={counts.inScreening} side />
      </Trunk>
      <FlowBox label="Enrolled" count={counts.enrolled} />
      {randomizes && (
        <>
          <Trunk />
          <FlowBox label="Randomized" count={counts.randomized} />
        </>
      )}
    </Stack>
  );
}
