import { NUMERIC_LABS, SEROLOGY_LABS, SEROLOGY_RESULTS } from '@celltrial/core';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import {
  ChoiceField,
  FormSection,
  NumberField,
  errorAt,
  optionsOf,
  type SectionProps,
} from './screening-inputs.js';
import { NUMERIC_LAB_LABELS, SEROLOGY_LABELS } from './screening-labels.js';

const RESULT_LABELS = { positive: 'Positive', negative: 'Negative' };

/** Laboratory results at screening: serology (positive/negative) and quantitative values. */
export function LabsSection({ draft, change, problems }: SectionProps) {
  const setLab = (lab: string, value: string) =>
    change((current) => ({ ...current, labs: { ...current.labs, [lab]: value } }));
  return (
    <FormSection
      title="Laboratory"
      aside="Liver and coagulation values as multiples of the upper limit of normal."
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
          {NUMERIC_LABS.map((lab) => (
            <NumberField
              key={lab}
              label={NUMERIC_LAB_LABELS[lab].label}
              unit={NUMERIC_LAB_LABELS[lab].unit}
              value={draft.labs[lab] ?? ''}
              onChange={(value) => setLab(lab, value)}
              error={errorAt(problems, `labs.${lab}`)}
            />
          ))}
        </SimpleGrid>
        <Text size="sm" fw={500}>
          Serology
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
          {SEROLOGY_LABS.map((lab) => (
            <ChoiceField
              key={lab}
              label={SEROLOGY_LABELS[lab]}
              value={draft.labs[lab] ?? ''}
              onChange={(value) => setLab(lab, value)}
              options={optionsOf(SEROLOGY_RESULTS, RESULT_LABELS)}
              error={errorAt(problems, `labs.${lab}`)}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </FormSection>
  );
}
