import { CONDITION_CODES } from '@celltrial/core';
import { Button, Checkbox, CloseButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { newRowKey, type ConditionDraft } from './screening-draft.js';
import {
  ChoiceField,
  DateField,
  FormSection,
  YesNoField,
  errorAt,
  optionsOf,
  type SectionProps,
} from './screening-inputs.js';
import { CONDITION_CODE_LABELS } from './screening-labels.js';

const CONDITION_OPTIONS = optionsOf(Object.keys(CONDITION_CODES), CONDITION_CODE_LABELS);

function ConditionRow(props: SectionProps & { index: number; condition: ConditionDraft }) {
  const { index, condition, change, problems } = props;
  const n = index + 1;
  const set = (patch: Partial<ConditionDraft>) =>
    change((current) => ({
      ...current,
      conditions: current.conditions.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    }));
  const remove = () =>
    change((current) => ({ ...current, conditions: current.conditions.filter((_, i) => i !== index) }));
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <div style={{ flex: 2, minWidth: 0 }}>
        <ChoiceField
          label={index === 0 ? 'Condition' : undefined}
          ariaLabel={`Condition ${n}`}
          value={condition.code}
          onChange={(code) => set({ code })}
          options={CONDITION_OPTIONS}
          error={errorAt(problems, `conditions[${index}].code`)}
        />
      </div>
      <DateField
        label={index === 0 ? 'Onset' : undefined}
        ariaLabel={`Condition ${n} onset`}
        value={condition.onsetDate}
        onChange={(onsetDate) => set({ onsetDate })}
        error={errorAt(problems, `conditions[${index}].onsetDate`)}
      />
      <DateField
        label={index === 0 ? 'Resolved (blank = ongoing)' : undefined}
        ariaLabel={`Condition ${n} resolved`}
        value={condition.resolvedDate}
        onChange={(resolvedDate) => set({ resolvedDate })}
        error={errorAt(problems, `conditions[${index}].resolvedDate`)}
      />
      <CloseButton mt={index === 0 ? 26 : 4} aria-label={`Remove condition ${n}`} onClick={remove} />
    </Group>
  );
}

/** Conditions, procedures and states (malignancy, infection, gastrostomy, pregnancy …) and related flags. */
export function ConditionsSection(props: SectionProps) {
  const { draft, change, problems } = props;
  const add = () =>
    change((current) => ({
      ...current,
      noConditions: false,
      conditions: [...current.conditions, { key: newRowKey(), code: '', onsetDate: '', resolvedDate: '' }],
    }));
  return (
    <FormSection
      title="Medical history"
      aside="List every catalogued condition the candidate has or had; a listed condition makes the list complete."
    >
      <Stack gap="xs">
        {draft.conditions.map((condition, index) => (
          <ConditionRow key={condition.key} {...props} index={index} condition={condition} />
        ))}
        {draft.conditions.length === 0 && (
          <Checkbox
            label="Asked: none of the catalogued conditions"
            checked={draft.noConditions}
            onChange={(event) => {
              const noConditions = event.currentTarget.checked;
              change((current) => ({ ...current, noConditions }));
            }}
          />
        )}
        {draft.conditions.length === 0 && !draft.noConditions && (
          <Text size="xs" c="dimmed">
            Not asked yet: criteria about conditions stay unknown.
          </Text>
        )}
        <Group>
          <Button variant="light" size="compact-sm" onClick={add}>
            Add condition
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs" mt="xs">
          <YesNoField
            label="Prior cell therapy"
            value={draft.flags.priorCellTherapy}
            onChange={(value) =>
              change((current) => ({ ...current, flags: { ...current.flags, priorCellTherapy: value } }))
            }
            error={errorAt(problems, 'priorCellTherapy')}
          />
          <YesNoField
            label="Ventilator dependent"
            value={draft.flags.ventilatorDependent}
            onChange={(value) =>
              change((current) => ({ ...current, flags: { ...current.flags, ventilatorDependent: value } }))
            }
            error={errorAt(problems, 'ventilatorDependent')}
          />
        </SimpleGrid>
      </Stack>
    </FormSection>
  );
}
