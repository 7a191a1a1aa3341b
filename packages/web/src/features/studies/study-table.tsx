import type { StudySummary } from '@celltrial/contracts';
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { RegistryId } from './registry-id.js';
import { StudyStatusBadge } from './study-status-badge.js';

const DASH = '—';
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The dense table of studies on the study list page; a row opens the study. */
export function StudyTable({ studies }: { studies: StudySummary[] }) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover aria-label="Studies">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th miw={220}>Title</Table.Th>
            <Table.Th>Phase</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th miw={150}>Conditions</Table.Th>
            <Table.Th>Registry IDs</Table.Th>
            <Table.Th ta="right">Sites</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {studies.map((study) => (
            <Table.Tr
              key={study.id}
              style={{ cursor: 'pointer' }}
              onClick={() => void navigate(`/studies/${study.id}`)}
            >
              <Table.Td style={NOWRAP}>
                <Anchor component={Link} to={`/studies/${study.id}`} fw={600} size="sm">
                  {study.code}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={3} title={study.title}>
                  {study.title}
                </Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>{study.phase ?? DASH}</Table.Td>
              <Table.Td style={NOWRAP}>
                <StudyStatusBadge status={study.status} />
              </Table.Td>
              <Table.Td>{study.conditions.length > 0 ? study.conditions.join(', ') : DASH}</Table.Td>
              <Table.Td style={NOWRAP}>
                {study.registryIds.length > 0 ? (
                  <Stack gap={0}>
                    {study.registryIds.map((id) => (
                      <RegistryId key={id} id={id} size="xs" />
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
