import type { AeProcedureView } from '@celltrial/contracts';
import {
  AE_ACTIONS_TAKEN,
  AE_OUTCOMES,
  RELATEDNESS_LEVELS,
  SERIOUSNESS_CRITERIA,
  type SeriousnessCriterion,
} from '@celltrial/core';
import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { AeDraft } from './ae-draft.js';
import { CtcaeTermPicker } from './ctcae-term-picker.js';
import {
  ACTION_LABELS,
  GRADE_LABELS,
  OUTCOME_LABELS,
  RELATEDNESS_LABELS,
  SERIOUSNESS_LABELS,
} from './safety-labels.js';

export interface AeFormFieldsProps {
  draft: AeDraft;
  onChange: (update: (current: AeDraft) => AeDraft) => void;
  /** The procedures the participant's causality is asked for (every one is required for a serious AE). */
  procedures: readonly AeProcedureView[];
  /** The message to show at a field (server problems, or a required field after a save attempt). */
  errorOf: (field: string) => string | undefined;
  readOnly: boolean;
}

const isCriterion = (value: string): value is SeriousnessCriterion =>
  (SERIOUSNESS_CRITERIA as readonly string[]).includes(value);

const RELATEDNESS_OPTIONS = [
  { value: '', label: 'Not assessed' },
  ...RELATEDNESS_LEVELS.map((r) => ({ value: r, label: RELATEDNESS_LABELS[r] })),
];

const choose = (labels: Readonly<Record<string, string>>, codes: readonly string[]) => [
  { value: '', label: 'Choose…' },
  ...codes.map((code) => ({ value: code, label: labels[code] ?? code })),
];

/** The fields of an adverse event (ICH E2A seriousness, CTCAE grade, causality, outcome, awareness). */
export function AeFormFields({ draft, onChange, procedures, errorOf, readOnly }: AeFormFieldsProps) {
  const set = <K extends keyof AeDraft>(field: K, value: AeDraft[K]) =>
    onChange((current) => ({ ...current, [field]: value }));
  return (
    <Stack gap="md">
      <Fieldset legend="Event" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Verbatim term"
            description="As reported or found (kept as written)"
            value={draft.term}
            onChange={(event) => set('term', event.currentTarget.value)}
            error={errorOf('term')}
            withAsterisk
          />
          <CtcaeTermPicker
            value={draft.ctcaeTerm}
            onChange={(value) => set('ctcaeTerm', value)}
            onPick={(term) =>
              onChange((current) => ({
                ...current,
                ctcaeTerm: term,
                term: current.term.trim() === '' ? term : current.term,
              }))
            }
            error={errorOf('ctcaeTerm')}
            disabled={readOnly}
          />
          <TextInput
            type="date"
            label="Onset date"
            value={draft.onsetDate}
            onChange={(event) => set('onsetDate', event.currentTarget.value)}
            error={errorOf('onsetDate')}
            withAsterisk
          />
          <Group align="flex-end" gap="md" wrap="nowrap">
            <Checkbox
              label="Ongoing"
              checked={draft.ongoing}
              onChange={(event) => set('ongoing', event.currentTarget.checked)}
              error={errorOf('ongoing')}
              mb={8}
            />
            <TextInput
              type="date"
              label="Resolution date"
              value={draft.ongoing ? '' : draft.resolutionDate}
              onChange={(event) => set('resolutionDate', event.currentTarget.value)}
              disabled={readOnly || draft.ongoing}
              error={errorOf('resolutionDate')}
              style={{ flex: 1 }}
            />
          </Group>
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Severity and seriousness" disabled={readOnly}>
        <Stack gap="sm">
          <NativeSelect
            label="Grade"
            description="CTCAE grade"
            data={choose(GRADE_LABELS, ['1', '2', '3', '4', '5'])}
            value={draft.grade}
            onChange={(event) => set('grade', event.currentTarget.value)}
            error={errorOf('grade')}
            withAsterisk
            maw={320}
          />
          <Checkbox
            label="Serious (SAE)"
            description="Meets an ICH E2A seriousness criterion (independent of the grade)"
            checked={draft.serious}
            onChange={(event) => set('serious', event.currentTarget.checked)}
            error={errorOf('serious')}
          />
          {draft.serious && (
            <Checkbox.Group
              label="Seriousness criteria"
              value={draft.seriousness}
              onChange={(value) => set('seriousness', value.filter(isCriterion))}
              error={errorOf('seriousness')}
              withAsterisk
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
                {SERIOUSNESS_CRITERIA.map((c) => (
                  <Checkbox key={c} value={c} label={SERIOUSNESS_LABELS[c]} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        </Stack>
      </Fieldset>
      <Fieldset legend="Causality" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label="Related to the product"
            data={RELATEDNESS_OPTIONS}
            value={draft.product}
            onChange={(event) => set('product', event.currentTarget.value)}
            error={errorOf('relatedness.product')}
            withAsterisk={draft.serious}
          />
          {procedures.map((p) => (
            <NativeSelect
              key={p.id}
              label={`Related to ${p.name.toLowerCase()}`}
              data={RELATEDNESS_OPTIONS}
              value={draft.procedures[p.id] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                onChange((current) => ({ ...current, procedures: { ...current.procedures, [p.id]: value } }));
              }}
              error={errorOf(`relatedness.procedures.${p.id}`)}
              withAsterisk={draft.serious}
            />
          ))}
          <NativeSelect
            label="Expected"
            description="Listed in the reference safety information (decides SUSAR status)"
            data={[
              { value: '', label: 'Not assessed' },
              { value: 'yes', label: 'Expected' },
              { value: 'no', label: 'Unexpected' },
            ]}
            value={draft.expected}
            onChange={(event) => set('expected', event.currentTarget.value as AeDraft['expected'])}
            error={errorOf('expected')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Action, outcome and awareness" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label="Action taken"
            description="With the investigational product"
            data={choose(ACTION_LABELS, AE_ACTIONS_TAKEN)}
            value={draft.actionTaken}
            onChange={(event) => set('actionTaken', event.currentTarget.value)}
            error={errorOf('actionTaken')}
            withAsterisk
          />
          <NativeSelect
            label="Outcome"
            data={choose(OUTCOME_LABELS, AE_OUTCOMES)}
            value={draft.outcome}
            onChange={(event) => set('outcome', event.currentTarget.value)}
            error={errorOf('outcome')}
            withAsterisk
          />
          <TextInput
            type="date"
            label="Awareness date"
            description="When the site became aware of the event"
            value={draft.awarenessDate}
            onChange={(event) => set('awarenessDate', event.currentTarget.value)}
            error={errorOf('awarenessDate')}
            withAsterisk={draft.serious}
          />
          <TextInput
            type="time"
            label="Awareness time"
            description="Local time; for a serious AE it starts the 24-hour reporting clock"
            value={draft.awarenessTime}
            onChange={(event) => set('awarenessTime', event.currentTarget.value)}
            error={errorOf('awarenessAt')}
            withAsterisk={draft.serious}
          />
        </SimpleGrid>
        <Textarea
          label="Narrative"
          description="Case narrative for the SAE report"
          value={draft.narrative}
          onChange={(event) => set('narrative', event.currentTarget.value)}
          error={errorOf('narrative')}
          rows={3}
          mt="sm"
        />
      </Fieldset>
    </Stack>
  );
}
