import type { Site } from '@celltrial/contracts';
import { Table, Text } from '@mantine/core';

export interface StudySitesTableProps {
  sites: Site[];
  /** City of each site by site code (from the protocol); adds a City column when given. */
  cities?: Readonly<Record<string, string>>;
}

/** The study's sites visible to the user. */
export function StudySitesTable({ sites, cities }: StudySitesTableProps) {
  if (sites.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="sm">
        No sites visible to you in this study.
      </Text>
    );
  }
  return (
    <Table aria-label="Sites">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>Code</Table.Th>
          <Table.Th>Name</Table.Th>
          {cities && <Table.Th w={160}>City</Table.Th>}
          <Table.Th w={160}>Country</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sites.map((site) => (
          <Table.Tr key={site.id}>
            <Table.Td fw={600}>{site.code}</Table.Td>
            <Table.Td>{site.name}</Table.Td>
            {cities && <Table.Td>{cities[site.code] ?? '—'}</Table.Td>}
            <Table.Td>{site.country ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
