import type { Protocol, ProtocolInterventionRole } from '@celltrial/core';
import { Box, Table, Text } from '@mantine/core';
import { Fragment, type CSSProperties } from 'react';
import {
  formatStudyDay,
  formatWindow,
  type ActivityGrid,
  type GridColumn,
  type GridMark,
} from '../activity-grid.js';

const LABEL_WIDTH = 250;
const COLUMN_WIDTH = 100;
const EPOCH_BORDER = '2px solid var(--mantine-color-gray-4)';
const CELL_BORDER = '1px solid var(--mantine-color-gray-2)';

export const ROLE_SYMBOLS: Record<ProtocolInterventionRole, string> = {
  investigational: '✓',
  placebo: 'P',
  sham: 'S',
  background: 'B',
};

const STICKY: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 2,
  borderRight: EPOCH_BORDER,
};

const HEADER_TEXT: CSSProperties = { textTransform: 'none', whiteSpace: 'normal', letterSpacing: 0 };

/** Indices of the columns that start a new epoch (they get a heavier left border). */
function epochStarts(grid: ActivityGrid): Set<number> {
  const starts = new Set<number>();
  let index = 0;
  for (const group of grid.epochGroups) {
    starts.add(index);
    index += group.span;
  }
  return starts;
}

function ColumnHeader({ column }: { column: GridColumn }) {
  return (
    <>
      <Text size="xs" fw={600} lh={1.25} lineClamp={4} title={column.name} c="dark">
        {column.name}
      </Text>
      <Text size="xs" fw={600} mt={4} c="navy.8" style={{ whiteSpace: 'nowrap' }}>
        {column.day === null ? 'As needed' : formatStudyDay(column.day, column.lastDay)}
      </Text>
      {!column.unscheduled && (
        <Text size="xs" c="dimmed" fw={400} style={{ whiteSpace: 'nowrap' }}>
          {formatWindow(column.window)}
        </Text>
      )}
      {column.foldedCount !== undefined && (
        <Text size="xs" c="dimmed" fw={400}>
          ×{column.foldedCount}
          {column.everyDays === undefined ? '' : `, every ${column.everyDays} d`}
        </Text>
      )}
    </>
  );
}

function markText(grid: ActivityGrid, mark: GridMark): string {
  if (mark.kind === 'dose' && grid.dosingByArm) {
    return ROLE_SYMBOLS[mark.role];
  }
  return '✓';
}

function markTitle(protocol: Protocol, mark: GridMark): string {
  if (mark.kind === 'due') {
    return 'Due at this visit';
  }
  const intervention = protocol.interventions.find((candidate) => candidate.id === mark.intervention);
  const level = intervention?.doseLevels?.find((candidate) => candidate.id === mark.doseLevel);
  const name = intervention?.name ?? mark.intervention;
  return level === undefined ? name : `${name}, ${level.name}`;
}

function MarkCell({ protocol, grid, mark }: { protocol: Protocol; grid: ActivityGrid; mark: GridMark }) {
  const level =
    mark.kind === 'dose' && mark.doseLevel !== undefined
      ? protocol.interventions
          .find((candidate) => candidate.id === mark.intervention)
          ?.doseLevels?.find((candidate) => candidate.id === mark.doseLevel)?.name
      : undefined;
  const masked = mark.kind === 'dose' && mark.role !== 'investigational';
  return (
    <Box title={markTitle(protocol, mark)}>
      <Text span fw={700} fz="sm" c={masked ? 'gray.7' : 'navy.8'}>
        {markText(grid, mark)}
      </Text>
      {level !== undefined && (
        <Text size="xs" c="dimmed" lh={1.1}>
          {level}
        </Text>
      )}
    </Box>
  );
}

/** The schedule-of-activities grid: activities down, visits across (grouped by epoch), ✓ where due. */
export function ActivityGridTable({ protocol, grid }: { protocol: Protocol; grid: ActivityGrid }) {
  const starts = epochStarts(grid);
  const columnBorder = (index: number): CSSProperties => ({
    borderLeft: starts.has(index) ? EPOCH_BORDER : CELL_BORDER,
  });
  const sections = grid.sections.filter((section) => section.rows.length > 0);
  return (
    <Table.ScrollContainer minWidth={LABEL_WIDTH + grid.columns.length * COLUMN_WIDTH} type="native">
      <Table
        aria-label="Schedule of activities"
        layout="fixed"
        withTableBorder
        verticalSpacing={4}
        horizontalSpacing={6}
        style={{ borderCollapse: 'separate', borderSpacing: 0 }}
      >
        <colgroup>
          <col style={{ width: LABEL_WIDTH }} />
          {grid.columns.map((column) => (
            <col key={column.key} style={{ width: COLUMN_WIDTH }} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2} style={{ ...STICKY, verticalAlign: 'bottom' }}>
              Activity
            </Table.Th>
            {grid.epochGroups.map((group, index) => (
              <Table.Th
                key={`${group.epochId}-${index}`}
                colSpan={group.span}
                ta="center"
                bg="navy.0"
                c="navy.9"
                style={{ ...HEADER_TEXT, borderLeft: EPOCH_BORDER }}
              >
                {group.name}
              </Table.Th>
            ))}
          </Table.Tr>
          <Table.Tr>
            {grid.columns.map((column, index) => (
              <Table.Th
                key={column.key}
                scope="col"
                bg={column.unscheduled ? 'gray.1' : undefined}
                style={{ ...HEADER_TEXT, ...columnBorder(index), verticalAlign: 'top' }}
              >
                <ColumnHeader column={column} />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sections.map((section) => (
            <Fragment key={section.key}>
              <Table.Tr>
                <Table.Td colSpan={grid.columns.length + 1} bg="gray.1" py={3}>
                  <Text
                    span
                    size="xs"
                    fw={700}
                    c="gray.7"
                    tt="uppercase"
                    style={{ position: 'sticky', left: 8 }}
                  >
                    {section.label}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {section.rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" bg="white" style={{ ...STICKY, ...HEADER_TEXT, fontWeight: 400 }}>
                    <Text size="sm" c="dark" lh={1.3}>
                      {row.label}
                    </Text>
                    {row.detail !== undefined && (
                      <Text size="xs" c="dimmed" lh={1.2}>
                        {row.detail}
                      </Text>
                    )}
                  </Table.Th>
                  {row.cells.map((mark, index) => (
                    <Table.Td
                      key={grid.columns[index]?.key ?? index}
                      ta="center"
                      bg={mark?.kind === 'dose' ? 'navy.0' : undefined}
                      style={columnBorder(index)}
                    >
                      {mark !== null && <MarkCell protocol={protocol} grid={grid} mark={mark} />}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
