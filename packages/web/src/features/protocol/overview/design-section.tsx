import type { Protocol, ProtocolEscalation } from '@celltrial/core';
import { List, Stack, Text } from '@mantine/core';
import {
  allocationLabel,
  humanize,
  maskingLabel,
  modelLabel,
  randomizationMethodLabel,
  ratioLabel,
} from '../protocol-labels.js';
import { FactList } from './fact-list.js';
import { OverviewSection } from './overview-section.js';

function levelName(protocol: Protocol, escalation: ProtocolEscalation, level: string): string {
  const intervention = protocol.interventions.find((candidate) => candidate.id === escalation.intervention);
  return intervention?.doseLevels?.find((candidate) => candidate.id === level)?.name ?? level;
}

function EscalationFacts({ protocol, escalation }: { protocol: Protocol; escalation: ProtocolEscalation }) {
  const levels = escalation.levels.map((level) => levelName(protocol, escalation, level)).join(' → ');
  return (
    <Stack gap={2}>
      <Text size="sm">
        3+3 ({humanize(escalation.variant).toLowerCase()}): {levels}, starting at{' '}
        {levelName(protocol, escalation, escalation.startLevel)}.
      </Text>
      <Text size="sm">
        Cohorts of {escalation.cohortSize} (+{escalation.expansionSize}); escalate when DLTs ≤{' '}
        {escalation.escalateIfDltsAtMost}, stop at ≥ {escalation.stopIfDltsAtLeast}; DLT window{' '}
        {escalation.dltWindowDays} days
        {escalation.maxParticipants === undefined
          ? ''
          : `; at most ${escalation.maxParticipants} participants`}
        .
      </Text>
      <Text size="xs" c="dimmed">
        DLT: {escalation.dltDefinition}
      </Text>
    </Stack>
  );
}

/** Allocation, model, purpose, masking, parts, randomization and dose escalation. */
export function DesignSection({ protocol }: { protocol: Protocol }) {
  const { design } = protocol;
  const { randomization, escalation } = design;
  return (
    <OverviewSection title="Study design">
      <FactList
        facts={[
          { label: 'Allocation', value: allocationLabel(design.allocation) },
          { label: 'Intervention model', value: modelLabel(design.model) },
          { label: 'Primary purpose', value: humanize(design.purpose) },
          {
            label: 'Masking',
            value: (
              <Stack gap={0}>
                <Text size="sm">{maskingLabel(design.masking)}</Text>
                {design.masking.description && (
                  <Text size="xs" c="dimmed">
                    {design.masking.description}
                  </Text>
                )}
              </Stack>
            ),
          },
          { label: 'Description', value: design.description },
          {
            label: 'Parts',
            value: design.parts && design.parts.length > 0 && (
              <List size="sm" spacing={2}>
                {design.parts.map((part) => (
                  <List.Item key={part.id}>
                    <Text span size="sm" fw={500}>
                      {part.name}
                    </Text>
                    {part.plannedEnrollment !== undefined && ` (n = ${part.plannedEnrollment})`}
                    {part.description && (
                      <Text size="xs" c="dimmed">
                        {part.description}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            ),
          },
          {
            label: 'Randomization',
            value: randomization && (
              <Stack gap={0}>
                <Text size="sm">Ratio {ratioLabel(protocol, randomization)}</Text>
                <Text size="sm">
                  {randomizationMethodLabel(randomization)}
                  {randomization.strata && randomization.strata.length > 0
                    ? `, stratified by ${randomization.strata.map((s) => s.description ?? s.id).join(', ')}`
                    : ''}
                  {randomization.plannedSize === undefined ? '' : `; n = ${randomization.plannedSize}`}
                </Text>
                {randomization.note && (
                  <Text size="xs" c="dimmed">
                    {randomization.note}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            label: 'Dose escalation',
            value: escalation && <EscalationFacts protocol={protocol} escalation={escalation} />,
          },
        ]}
      />
    </OverviewSection>
  );
}
