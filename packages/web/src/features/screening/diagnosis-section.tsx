import { EL_ESCORIAL_CATEGORIES, MS_COURSES, SCREENING_CONDITIONS } from '@celltrial/core';
import { SimpleGrid } from '@mantine/core';
import type { ScreeningDraft } from './screening-draft.js';
import {
  ChoiceField,
  DateField,
  FormSection,
  YesNoField,
  errorAt,
  optionsOf,
  type SectionProps,
} from './screening-inputs.js';
import { CONDITION_LABELS, EL_ESCORIAL_LABELS, MS_COURSE_LABELS } from './screening-labels.js';

/** The disease: ALS (El Escorial category, familial) or MS (course), onset and diagnosis dates. */
export function DiagnosisSection({ draft, change, problems }: SectionProps) {
  const set = (patch: Partial<ScreeningDraft>) => change((current) => ({ ...current, ...patch }));
  return (
    <FormSection title="Diagnosis">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
        <ChoiceField
          label="Disease"
          value={draft.condition}
          onChange={(condition) => set({ condition })}
          options={optionsOf(SCREENING_CONDITIONS, CONDITION_LABELS)}
          error={errorAt(problems, 'diagnosis.condition')}
        />
        {draft.condition !== 'MS' && (
          <ChoiceField
            label="El Escorial category"
            value={draft.elEscorial}
            onChange={(elEscorial) => set({ elEscorial })}
            options={optionsOf(EL_ESCORIAL_CATEGORIES, EL_ESCORIAL_LABELS)}
            error={errorAt(problems, 'diagnosis.elEscorial')}
          />
        )}
        {draft.condition !== 'ALS' && (
          <ChoiceField
            label="MS course"
            value={draft.msCourse}
            onChange={(msCourse) => set({ msCourse })}
            options={optionsOf(MS_COURSES, MS_COURSE_LABELS)}
            error={errorAt(problems, 'diagnosis.msCourse')}
          />
        )}
        <YesNoField
          label="Familial disease"
          value={draft.familial}
          onChange={(familial) => set({ familial })}
          error={errorAt(problems, 'diagnosis.familial')}
        />
        <DateField
          label="Symptom onset"
          value={draft.symptomOnsetDate}
          onChange={(symptomOnsetDate) => set({ symptomOnsetDate })}
          error={errorAt(problems, 'diagnosis.symptomOnsetDate')}
        />
        <DateField
          label="Diagnosis date"
          value={draft.diagnosisDate}
          onChange={(diagnosisDate) => set({ diagnosisDate })}
          error={errorAt(problems, 'diagnosis.diagnosisDate')}
        />
      </SimpleGrid>
    </FormSection>
  );
}
