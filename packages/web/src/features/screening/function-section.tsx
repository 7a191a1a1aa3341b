import { ELIGIBILITY_DAYS_PER_MONTH, daysBetweenIsoDates, isIsoCalendarDate } from '@celltrial/core';
import { Box, Button, CloseButton, Collapse, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import {
  ALSFRS_R_ITEM_KEYS,
  MEASURE_FIELDS,
  newRowKey,
  numberOrText,
  type AlsfrsRItemKey,
  type MeasureField,
  type ScreeningDraft,
} from './screening-draft.js';
import { DateField, FormSection, NumberField, errorAt, type SectionProps } from './screening-inputs.js';

/** ALSFRS-R items (Cedarbaum et al., J Neurol Sci 1999;169:13-21); 5a without, 5b with a gastrostomy. */
const ITEM_LABELS: Record<AlsfrsRItemKey, string> = {
  '1': '1 Speech',
  '2': '2 Salivation',
  '3': '3 Swallowing',
  '4': '4 Handwriting',
  '5a': '5a Cutting food',
  '5b': '5b Cutting food (gastrostomy)',
  '6': '6 Dressing, hygiene',
  '7': '7 Turning in bed',
  '8': '8 Walking',
  '9': '9 Climbing stairs',
  '10': '10 Dyspnoea',
  '11': '11 Orthopnoea',
  '12': '12 Respiratory insufficiency',
};

const MEASURES: Record<MeasureField, { label: string; unit?: string }> = {
  fvcPercentPredicted: { label: 'FVC', unit: '% pred.' },
  svcPercentPredicted: { label: 'SVC', unit: '% pred.' },
  edss: { label: 'EDSS' },
  kokmenStms: { label: 'STMS' },
  nyhaClass: { label: 'NYHA' },
};

/** "Decline 1.02 points/month to the screening total": what the progression-rate criteria look at. */
function declineHint(draft: ScreeningDraft, point: { date: string; total: string }): string | undefined {
  const start = numberOrText(point.total);
  const end = numberOrText(draft.alsfrsRTotal);
  if (typeof start !== 'number' || typeof end !== 'number') {
    return undefined;
  }
  if (!isIsoCalendarDate(point.date) || !isIsoCalendarDate(draft.assessmentDate)) {
    return undefined;
  }
  const days = daysBetweenIsoDates(point.date, draft.assessmentDate);
  if (days <= 0) {
    return undefined;
  }
  const weeks = (days / 7).toFixed(1);
  const rate = ((start - end) / (days / ELIGIBILITY_DAYS_PER_MONTH)).toFixed(2);
  return `${weeks} weeks before the assessment; decline ${rate} points/month to the screening total`;
}

function itemSum(draft: ScreeningDraft): number | undefined {
  const scores = ALSFRS_R_ITEM_KEYS.filter((key) => key !== '5b' || draft.alsfrsRItems['5a'] === '').map(
    (key) => numberOrText(draft.alsfrsRItems[key]),
  );
  const numbers = scores.filter((score): score is number => typeof score === 'number');
  return numbers.length === 12 ? numbers.reduce((sum, score) => sum + score, 0) : undefined;
}

function HistoryRows({ draft, change, problems }: SectionProps) {
  const setPoint = (index: number, patch: Partial<{ date: string; total: string }>) =>
    change((current) => ({
      ...current,
      alsfrsRHistory: current.alsfrsRHistory.map((point, i) =>
        i === index ? { ...point, ...patch } : point,
      ),
    }));
  const remove = (index: number) =>
    change((current) => ({
      ...current,
      alsfrsRHistory: current.alsfrsRHistory.filter((_, i) => i !== index),
    }));
  const add = () =>
    change((current) => ({
      ...current,
      alsfrsRHistory: [...current.alsfrsRHistory, { key: newRowKey(), date: '', total: '' }],
    }));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Earlier ALSFRS-R totals (lead-in)
      </Text>
      {draft.alsfrsRHistory.length === 0 && (
        <Text size="xs" c="dimmed">
          None entered. Progression-rate criteria need a total from the start of the lead-in.
        </Text>
      )}
      {draft.alsfrsRHistory.map((point, index) => (
        <Stack key={point.key} gap={2}>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Box w={170}>
              <DateField
                label={index === 0 ? 'Date' : undefined}
                ariaLabel={`Earlier ALSFRS-R date ${index + 1}`}
                value={point.date}
                onChange={(date) => setPoint(index, { date })}
                error={errorAt(problems, `alsfrsRHistory[${index}].date`)}
              />
            </Box>
            <Box w={120}>
              <NumberField
                label={index === 0 ? 'Total' : undefined}
                ariaLabel={`Earlier ALSFRS-R total ${index + 1}`}
                value={point.total}
                onChange={(total) => setPoint(index, { total })}
                error={errorAt(problems, `alsfrsRHistory[${index}].total`)}
                unit="/ 48"
              />
            </Box>
            <CloseButton
              mt={index === 0 ? 26 : 4}
              aria-label={`Remove earlier ALSFRS-R ${index + 1}`}
              onClick={() => remove(index)}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {declineHint(draft, point)}
          </Text>
        </Stack>
      ))}
      <Group>
        <Button variant="light" size="compact-sm" onClick={add}>
          Add earlier ALSFRS-R
        </Button>
      </Group>
    </Stack>
  );
}

/** ALSFRS-R (total or items, and the lead-in history), lung function, EDSS and the other scores. */
export function FunctionSection(props: SectionProps) {
  const { draft, change, problems } = props;
  const [showItems, setShowItems] = useState(() =>
    ALSFRS_R_ITEM_KEYS.some((key) => draft.alsfrsRItems[key] !== ''),
  );
  const setItem = (key: AlsfrsRItemKey, value: string) =>
    change((current) => ({ ...current, alsfrsRItems: { ...current.alsfrsRItems, [key]: value } }));
  const setMeasure = (field: MeasureField, value: string) =>
    change((current) => ({ ...current, measures: { ...current.measures, [field]: value } }));
  const sum = itemSum(draft);
  return (
    <FormSection title="Function and scores">
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          <NumberField
            label="ALSFRS-R total at screening"
            unit="/ 48"
            value={draft.alsfrsRTotal}
            onChange={(alsfrsRTotal) => change((current) => ({ ...current, alsfrsRTotal }))}
            error={errorAt(problems, 'alsfrsR.total')}
            description={sum === undefined ? undefined : `Items add up to ${sum}`}
          />
          <Button variant="subtle" size="compact-sm" mb={4} onClick={() => setShowItems((open) => !open)}>
            {showItems ? 'Hide item scores' : 'Enter item scores'}
          </Button>
        </Group>
        <Collapse expanded={showItems}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing={4}>
            {ALSFRS_R_ITEM_KEYS.map((key) => (
              <NumberField
                key={key}
                label={ITEM_LABELS[key]}
                value={draft.alsfrsRItems[key]}
                onChange={(value) => setItem(key, value)}
                error={errorAt(problems, `alsfrsR.items.${key}`)}
              />
            ))}
          </SimpleGrid>
        </Collapse>
        <HistoryRows {...props} />
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" verticalSpacing="xs">
          {MEASURE_FIELDS.map((field) => (
            <NumberField
              key={field}
              label={MEASURES[field].label}
              {...(MEASURES[field].unit === undefined ? {} : { unit: MEASURES[field].unit })}
              value={draft.measures[field]}
              onChange={(value) => setMeasure(field, value)}
              error={errorAt(problems, field)}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </FormSection>
  );
}
