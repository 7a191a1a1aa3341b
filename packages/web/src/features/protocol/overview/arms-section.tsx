import type { Protocol, ProtocolArm } from '@celltrial/core';
import { Badge, Stack, Table, Text, type MantineColor } from '@mantine/core';
import { humanize } from '../protocol-labels.js';
import { OverviewSection } from './overview-section.js';

const ARM_COLORS: Record<string, MantineColor> = {
  experimental: 'navy',
  'active-comparator': 'teal',
  'placebo-comparator': 'gray',
  'sham-comparator': 'gray',
  'no-intervention': 'gray',
};

/** "Lenzumestrocel × 2", "Placebo comparator × 3": the planned doses of an arm per product. */
function plannedDoses(protocol: Protocol, arm: ProtocolArm): string[] {
  const plan = protocol.administrations.find((entry) => entry.arm === arm.id);
  const counts = new Map<string, number>();
  for (const dose of plan?.doses ?? []) {
    const visit = protocol.visits.find((candidate) => candidate.id === dose.visit);
    counts.set(dose.intervention, (counts.get(dose.intervention) ?? 0) + (visit?.repeat?.count ?? 1));
  }
  const named = [...counts.entries()].map(([id, count]) => {
    const name = protocol.interventions.find((candidate) => candidate.id === id)?.name ?? id;
    return `${name} × ${count}`;
  });
  const background = protocol.interventions
    .filter((intervention) => intervention.role === 'background')
    .map((intervention) => `${intervention.name} (background)`);
  return [...named, ...background];
}

/** The arms with their type, planned size, planned doses and description. */
export function ArmsSection({ protocol }: { protocol: Protocol }) {
  const { arms } = protocol.design;
  return (
    <OverviewSection title="Arms" aside={arms.length}>
      <Table aria-label="Arms" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="34%">Arm</Table.Th>
            <Table.Th w="26%">Planned doses</Table.Th>
            <Table.Th>Description</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {arms.map((arm) => (
            <Table.Tr key={arm.id} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Text size="sm" fw={600}>
                    {arm.name}
                  </Text>
                  <Badge size="xs" tt="none" color={ARM_COLORS[arm.type] ?? 'gray'}>
                    {humanize(arm.type)}
                  </Badge>
                  {arm.plannedSize !== undefined && (
                    <Text size="xs" c="dimmed">
                      n = {arm.plannedSize}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {plannedDoses(protocol, arm).map((line) => (
                    <Text key={line} size="sm">
                      {line}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{arm.description ?? '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </OverviewSection>
  );
}
