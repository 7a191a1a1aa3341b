import type { CurrentProtocolResponse } from '@celltrial/contracts';
import { Code, Table, Text, Title } from '@mantine/core';
import { QueryError } from '../../../ui/query-error.js';
import { formatTimestamp } from '../protocol-labels.js';
import { useProtocolVersions } from '../use-protocol.js';
import { FactList } from './fact-list.js';
import { OverviewSection } from './overview-section.js';

type VersionSummary = CurrentProtocolResponse['current'];

function VersionList({ studyId, current }: { studyId: string; current: number }) {
  const versions = useProtocolVersions(studyId);
  if (versions.isPending) {
    return (
      <Text size="xs" c="dimmed">
        Loading versions…
      </Text>
    );
  }
  if (versions.isError) {
    return (
      <QueryError
        title="Could not load versions"
        error={versions.error}
        onRetry={() => void versions.refetch()}
      />
    );
  }
  return (
    <Table aria-label="Protocol versions" fz="xs" verticalSpacing={4} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36}>v</Table.Th>
          <Table.Th w={96}>Loaded</Table.Th>
          <Table.Th>Reason</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.data.versions.map((version) => (
          <Table.Tr key={version.version} fw={version.version === current ? 600 : undefined}>
            <Table.Td>{version.version}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatTimestamp(version.loadedAt).slice(0, 10)}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              {version.amendmentReason ?? 'Initial version'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The protocol version in force (number, load time, amendment reason, source) and the version history. */
export function ProtocolVersionPanel({ studyId, current }: { studyId: string; current: VersionSummary }) {
  return (
    <OverviewSection title="Protocol version" aside={`v${current.version}`}>
      <FactList
        labelWidth={110}
        facts={[
          { label: 'Version', value: String(current.version) },
          { label: 'Loaded', value: formatTimestamp(current.loadedAt) },
          { label: 'Reason', value: current.amendmentReason ?? 'Initial version' },
          { label: 'Source', value: <Code fz="xs">{current.sourceName}</Code> },
          {
            label: 'SHA-256',
            value: (
              <Code fz="xs" title={current.sha256}>
                {current.sha256.slice(0, 12)}…
              </Code>
            ),
          },
        ]}
      />
      <Title order={4} fz="sm" mt="md" mb={4}>
        Versions
      </Title>
      <VersionList studyId={studyId} current={current.version} />
    </OverviewSection>
  );
}
