import type { StudySummary } from '@celltrial/contracts';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { RegistryId } from './registry-id.js';
import { StudyStatusBadge } from './study-status-badge.js';

const DASH = '—';

/** The dense table of studies on the study list page; a row opens the study. */
export function StudyTable({ studies }: { studies: StudySummary[] }) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover stickyHeader striped="even" aria-label="Studies">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>Code</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th w={90}>Phase</Table.Th>
            <Table.Th w={150}>Status</Table.Th>
            <Table.Th w={200}>Conditions</Table.Th>
            <Table.Th w={150}>Registry IDs</Table.Th>
            <Table.Th w={60} ta="right">
              Sites
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {studies.map((study) => (
            <Table.Tr
              key={study.id}
              style={{ cursor: 'pointer' }}
              onClick={() => void navigate(`/studies/${study.id}`)}
            >
              <Table.Td>
                <Anchor component={Link} to={`/studies/${study.id}`} fw={600} size="sm">
                  {study.code}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {study.title}
                </Text>
              </Table.Td>
              <Table.Td>{study.phase ?? DASH}</Table.Td>
              <Table.Td>
                <StudyStatusBadge status={study.status} />
              </Table.Td>
              <Table.Td>{study.conditions.length > 0 ? study.conditions.join(', ') : DASH}</Table.Td>
              <Table.Td>
                {study.registryIds.length > 0 ? (
                  <Stack gap={0}>
                    {study.registryIds.map((id) => (
                      <RegistryId key={id} id={id} />
                    ))}
                  </Stack>
                ) : (
                  DASH
                )}
              </Table.Td>
              <Table.Td ta="right">{study.siteCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
