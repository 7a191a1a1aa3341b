import type { Site } from '@celltrial/contracts';
import { Table, Text } from '@mantine/core';

/** The study's sites visible to the user. */
export function StudySitesTable({ sites }: { sites: Site[] }) {
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
          <Table.Th w={180}>Country</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sites.map((site) => (
          <Table.Tr key={site.id}>
            <Table.Td fw={600}>{site.code}</Table.Td>
            <Table.Td>{site.name}</Table.Td>
            <Table.Td>{site.country ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
