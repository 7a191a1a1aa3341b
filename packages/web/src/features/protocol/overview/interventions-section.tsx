import type { ProtocolDoseModification, ProtocolIntervention } from '@celltrial/core';
import { Badge, Divider, Group, List, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { formatAmount, formatDose, formatVolume, humanize } from '../protocol-labels.js';
import { FactList } from './fact-list.js';
import { OverviewSection } from './overview-section.js';

function DoseLevels({ intervention }: { intervention: ProtocolIntervention }) {
  const levels = intervention.doseLevels ?? [];
  return (
    <Table aria-label={`Dose levels of ${intervention.name}`} withTableBorder fz="xs" verticalSpacing={3}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Level</Table.Th>
          <Table.Th>Amount</Table.Th>
          <Table.Th>Note</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {levels.map((level) => (
          <Table.Tr key={level.id}>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                {level.name}
                {intervention.startingLevel === level.id && (
                  <Badge size="xs" tt="none" variant="outline">
                    start
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {level.amount === undefined
                ? '—'
                : `${formatAmount(level.amount)} ${level.unit ?? ''}${level.perKg === true ? '/kg' : ''}`}
            </Table.Td>
            <Table.Td>{level.note ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DoseModification({ modification }: { modification: ProtocolDoseModification }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        Evaluated before each dose after the first; the first matching rule applies.
        {modification.note ? ` ${modification.note}` : ''}
      </Text>
      <List size="sm" spacing={2} type="ordered">
        {modification.rules.map((rule) => (
          <List.Item key={rule.id}>
            {rule.text}{' '}
            {rule.assumption === true && (
              <Badge size="xs" color="orange" tt="none" title="Not stated by the record; replace before use">
                assumed
              </Badge>
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function InterventionFacts({ intervention }: { intervention: ProtocolIntervention }) {
  return (
    <Stack gap={6}>
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {intervention.name}
        </Text>
        <Badge size="xs" tt="none" color="gray">
          {humanize(intervention.type)}
        </Badge>
        <Badge size="xs" tt="none" color={intervention.role === 'investigational' ? 'navy' : 'gray'}>
          {humanize(intervention.role)}
        </Badge>
      </Group>
      <FactList
        labelWidth={130}
        facts={[
          { label: 'Product', value: intervention.product },
          {
            label: 'Source',
            value:
              intervention.source &&
              intervention.source !== 'not-applicable' &&
              humanize(intervention.source),
          },
          { label: 'Route', value: humanize(intervention.route) },
          { label: 'Dose', value: intervention.dose && formatDose(intervention.dose) },
          { label: 'Volume', value: intervention.volume && formatVolume(intervention.volume) },
          { label: 'Frequency', value: intervention.frequency },
          {
            label: 'Dose levels',
            value: intervention.doseLevels && intervention.doseLevels.length > 0 && (
              <DoseLevels intervention={intervention} />
            ),
          },
          {
            label: 'Dose modification',
            value: intervention.doseModification && (
              <DoseModification modification={intervention.doseModification} />
            ),
          },
          { label: 'Other names', value: intervention.otherNames?.join(', ') },
          { label: 'Description', value: intervention.description },
        ]}
      />
    </Stack>
  );
}

/** Each intervention: product, route, dose, volume, dose levels and modification rules. */
export function InterventionsSection({ interventions }: { interventions: ProtocolIntervention[] }) {
  return (
    <OverviewSection title="Interventions" aside={interventions.length}>
      <Stack gap="md">
        {interventions.map((intervention, index) => (
          <Fragment key={intervention.id}>
            {index > 0 && <Divider />}
            <InterventionFacts intervention={intervention} />
          </Fragment>
        ))}
      </Stack>
    </OverviewSection>
  );
}
