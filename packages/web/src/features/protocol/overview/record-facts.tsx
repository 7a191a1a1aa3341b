import { formatPhases, type Protocol } from '@celltrial/core';
import { Group, Stack, Text } from '@mantine/core';
import { RegistryId } from '../../studies/registry-id.js';
import { StudyStatusBadge } from '../../studies/study-status-badge.js';
import { humanize } from '../protocol-labels.js';
import { FactList } from './fact-list.js';
import { OverviewSection } from './overview-section.js';

function idList(ids: readonly string[] | undefined) {
  if (ids === undefined || ids.length === 0) {
    return undefined;
  }
  return (
    <Stack gap={0}>
      {ids.map((id) => (
        <RegistryId key={id} id={id} />
      ))}
    </Stack>
  );
}

function lines(values: readonly string[] | undefined) {
  if (values === undefined || values.length === 0) {
    return undefined;
  }
  return (
    <Stack gap={2}>
      {values.map((value) => (
        <Text key={value} size="sm">
          {value}
        </Text>
      ))}
    </Stack>
  );
}

/** The record's key facts: status, phase, enrollment, sponsor, identifiers, safety reporting. */
export function RecordFacts({ protocol }: { protocol: Protocol }) {
  const { design } = protocol;
  const enrollment =
    design.enrollmentType === undefined
      ? String(design.plannedEnrollment)
      : `${design.plannedEnrollment} (${design.enrollmentType})`;
  return (
    <OverviewSection title="Study record">
      <FactList
        labelWidth={120}
        facts={[
          {
            label: 'Status',
            value: protocol.registryStatus && <StudyStatusBadge status={protocol.registryStatus} />,
          },
          { label: 'Study type', value: 'Interventional' },
          { label: 'Phase', value: formatPhases(protocol.phases) ?? 'Not applicable' },
          { label: 'Enrollment', value: enrollment },
          { label: 'Conditions', value: lines(protocol.conditions) },
          { label: 'Keywords', value: protocol.keywords?.join(', ') },
          {
            label: 'Sponsor',
            value: (
              <Group gap={6}>
                <Text size="sm">{protocol.sponsor.name}</Text>
                {protocol.sponsor.class && protocol.sponsor.class !== 'unknown' && (
                  <Text size="xs" c="dimmed">
                    {humanize(protocol.sponsor.class)}
                  </Text>
                )}
              </Group>
            ),
          },
          { label: 'Collaborators', value: lines(protocol.collaborators) },
          { label: 'Registry IDs', value: idList(protocol.registryIds) },
          { label: 'Org study IDs', value: idList(protocol.orgStudyIds) },
          { label: 'Secondary IDs', value: idList(protocol.secondaryIds) },
          {
            label: 'AE grading',
            value: `CTCAE ${protocol.safety.ctcaeVersion}; lab values of grade ≥ ${protocol.safety.aeGradeThreshold} are proposed as adverse events`,
          },
        ]}
      />
    </OverviewSection>
  );
}
