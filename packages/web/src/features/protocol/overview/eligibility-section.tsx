import type { ProtocolCriterion, ProtocolEligibility } from '@celltrial/core';
import { Badge, Box, Code, Group, Stack, Text, Title } from '@mantine/core';
import { ageRange, humanize } from '../protocol-labels.js';
import { FactList } from './fact-list.js';
import { OverviewSection } from './overview-section.js';

function Criterion({ criterion }: { criterion: ProtocolCriterion }) {
  return (
    <Box component="li" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed" ff="monospace" w={52} pt={2} style={{ flexShrink: 0 }}>
          {criterion.id}
        </Text>
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {criterion.text}
          </Text>
          {(criterion.manual === true || criterion.rule !== undefined || criterion.note !== undefined) && (
            <Group gap={6}>
              {criterion.manual === true && (
                <Badge
                  size="xs"
                  color="orange"
                  tt="none"
                  title="Checked by the investigator, not evaluated from data"
                >
                  investigator judgement
                </Badge>
              )}
              {criterion.rule !== undefined && <Code fz="xs">{criterion.rule}</Code>}
              {criterion.note !== undefined && (
                <Text size="xs" c="dimmed">
                  {criterion.note}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </Group>
    </Box>
  );
}

function CriteriaList({ title, criteria }: { title: string; criteria: ProtocolCriterion[] }) {
  return (
    <Box>
      <Title order={4} fz="sm" mb={4}>
        {title}{' '}
        <Text span size="xs" c="dimmed" fw={400}>
          ({criteria.length})
        </Text>
      </Title>
      {criteria.length === 0 ? (
        <Text size="sm" c="dimmed">
          None stated.
        </Text>
      ) : (
        <Box component="ol" aria-label={title} m={0} p={0} style={{ listStyle: 'none' }}>
          {criteria.map((criterion) => (
            <Criterion key={criterion.id} criterion={criterion} />
          ))}
        </Box>
      )}
    </Box>
  );
}

/** Ages, sex, healthy volunteers, and the inclusion and exclusion criteria with their texts. */
export function EligibilitySection({ eligibility }: { eligibility: ProtocolEligibility }) {
  const inclusion = eligibility.criteria.filter((criterion) => criterion.kind === 'inclusion');
  const exclusion = eligibility.criteria.filter((criterion) => criterion.kind === 'exclusion');
  const manual = eligibility.criteria.filter((criterion) => criterion.manual === true).length;
  return (
    <OverviewSection title="Eligibility">
      <Stack gap="md">
        <FactList
          facts={[
            { label: 'Ages', value: ageRange(eligibility) },
            { label: 'Sex', value: humanize(eligibility.sex) },
            { label: 'Healthy volunteers', value: eligibility.healthyVolunteers ? 'Accepted' : 'No' },
            {
              label: 'Investigator judgement',
              value: manual > 0 && `${manual} of ${eligibility.criteria.length} criteria`,
            },
          ]}
        />
        <CriteriaList title="Inclusion criteria" criteria={inclusion} />
        <CriteriaList title="Exclusion criteria" criteria={exclusion} />
      </Stack>
    </OverviewSection>
  );
}
