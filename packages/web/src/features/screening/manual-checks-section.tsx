import type { ProtocolCriterion } from '@celltrial/core';
import { Anchor, Badge, Group, Radio, Stack, Text } from '@mantine/core';
import { FormSection, type SectionProps } from './screening-inputs.js';

/** Criteria without a rule: the investigator's judgement, answered here (`manualChecks`). */
export function manualCriteria(criteria: readonly ProtocolCriterion[]): ProtocolCriterion[] {
  return criteria.filter((criterion) => criterion.rule === undefined);
}

function answerLabels(kind: ProtocolCriterion['kind']): { yes: string; no: string } {
  return kind === 'inclusion'
    ? { yes: 'Met', no: 'Not met' }
    : { yes: 'Applies (excluded)', no: 'Does not apply' };
}

function ManualCheck(props: SectionProps & { criterion: ProtocolCriterion }) {
  const { criterion, draft, change } = props;
  const answer = draft.manualChecks[criterion.id];
  const labels = answerLabels(criterion.kind);
  const set = (value: boolean | undefined) =>
    change((current) => {
      const manualChecks = { ...current.manualChecks };
      if (value === undefined) {
        delete manualChecks[criterion.id];
      } else {
        manualChecks[criterion.id] = value;
      }
      return { ...current, manualChecks };
    });
  let value = '';
  if (answer !== undefined) {
    value = answer ? 'yes' : 'no';
  }
  return (
    <Radio.Group
      value={value}
      onChange={(next) => set(next === 'yes')}
      label={
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Badge
            size="xs"
            variant="outline"
            color={criterion.kind === 'inclusion' ? 'navy' : 'grape'}
            mt={3}
            tt="none"
            style={{ flexShrink: 0 }}
          >
            {criterion.id}
          </Badge>
          <Text size="sm" fw={500}>
            {criterion.text}
          </Text>
        </Group>
      }
      aria-label={`${criterion.id}: ${criterion.text}`}
    >
      <Group gap="md" mt={6}>
        <Radio value="yes" label={labels.yes} aria-label={`${criterion.id} ${labels.yes}`} />
        <Radio value="no" label={labels.no} aria-label={`${criterion.id} ${labels.no}`} />
        {answer !== undefined && (
          <Anchor component="button" type="button" size="xs" c="dimmed" onClick={() => set(undefined)}>
            Clear answer
          </Anchor>
        )}
      </Group>
    </Radio.Group>
  );
}

/** The protocol's manual criteria as yes/no questions for the investigator. */
export function ManualChecksSection(props: SectionProps & { criteria: readonly ProtocolCriterion[] }) {
  const manual = manualCriteria(props.criteria);
  if (manual.length === 0) {
    return null;
  }
  return (
    <FormSection
      title="Investigator checks"
      aside="Criteria the protocol leaves to the investigator's judgement. Unanswered checks keep the verdict incomplete."
    >
      <Stack gap="md">
        {manual.map((criterion) => (
          <ManualCheck key={criterion.id} {...props} criterion={criterion} />
        ))}
      </Stack>
    </FormSection>
  );
}
