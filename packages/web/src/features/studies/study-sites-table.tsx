import type { Site } from '@celltrial/contracts';
import { ActionIcon, Table, Text } from '@mantine/core';
import { Link } from 'react-router';

export interface StudySitesTableProps {
  sites: Site[];
  /** City of each site by site code (from the protocol); adds a City column when given. */
  cities?: Readonly<Record<string, string>>;
}

/** A flask: the link to a site's laboratory reference ranges (icon only, so the row's text stays the site's). */
function FlaskIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden
    >
      <path d="M9 3h6M10 3v6L4.5 18.5A1.7 1.7 0 0 0 6 21h12a1.7 1.7 0 0 0 1.5-2.5L14 9V3M7 15h10" />
    </svg>
  );
}

const labRangesPath = (site: Site): string =>
  `/studies/${encodeURIComponent(site.studyId)}/sites/${encodeURIComponent(site.id)}/lab-ranges`;

/** The study's sites visible to the user, each with a link to its laboratory reference ranges. */
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
          <Table.Th w={90}>Lab ranges</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sites.map((site) => (
          <Table.Tr key={site.id}>
            <Table.Td fw={600}>{site.code}</Table.Td>
            <Table.Td>{site.name}</Table.Td>
            {cities && <Table.Td>{cities[site.code] ?? '—'}</Table.Td>}
            <Table.Td>{site.country ?? '—'}</Table.Td>
            <Table.Td>
              <ActionIcon
                component={Link}
                to={labRangesPath(site)}
                variant="subtle"
                aria-label="Lab ranges"
                title={`Laboratory reference ranges of ${site.code}`}
              >
                <FlaskIcon />
              </ActionIcon>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
