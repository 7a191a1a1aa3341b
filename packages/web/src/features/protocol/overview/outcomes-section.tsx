import { PROTOCOL_ENDPOINT_TYPES, type ProtocolEndpoint } from '@celltrial/core';
import { Badge, Stack, Table, Text } from '@mantine/core';
import { humanize, measureLabel } from '../protocol-labels.js';
import { OverviewSection } from './overview-section.js';

function EndpointTable({ title, endpoints }: { title: string; endpoints: ProtocolEndpoint[] }) {
  return (
    <Table aria-label={title} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          <Table.Th w="24%">Time frame</Table.Th>
          <Table.Th w="30%">Analysis</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {endpoints.map((endpoint) => (
          <Table.Tr key={endpoint.id} style={{ verticalAlign: 'top' }}>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <Text size="sm" fw={500}>
                  {endpoint.title}
                </Text>
                <Badge size="xs" tt="none" variant="outline" color="gray">
                  {measureLabel(endpoint.measure)}
                </Badge>
                {endpoint.description && (
                  <Text size="xs" c="dimmed">
                    {endpoint.description}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{endpoint.timeFrame.text}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={500}>
                {humanize(endpoint.analysis.method)}
              </Text>
              {endpoint.analysis.text && (
                <Text size="xs" c="dimmed">
                  {endpoint.analysis.text}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Primary, secondary and exploratory endpoints: measure, time frame and analysis. */
export function OutcomesSection({ endpoints }: { endpoints: ProtocolEndpoint[] }) {
  return (
    <OverviewSection title="Outcome measures" aside={endpoints.length}>
      <Stack gap="md">
        {PROTOCOL_ENDPOINT_TYPES.map((type) => {
          const ofType = endpoints.filter((endpoint) => endpoint.type === type);
          return ofType.length === 0 ? null : (
            <EndpointTable key={type} title={`${humanize(type)} outcomes`} endpoints={ofType} />
          );
        })}
      </Stack>
    </OverviewSection>
  );
}
