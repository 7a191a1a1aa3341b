import { SCREENING_SEXES, completedYears, isIsoCalendarDate } from '@celltrial/core';
import { SimpleGrid } from '@mantine/core';
import { numberOrText, type ScreeningDraft } from './screening-draft.js';
import {
  ChoiceField,
  DateField,
  FormSection,
  NumberField,
  YesNoField,
  errorAt,
  optionsOf,
  type SectionProps,
} from './screening-inputs.js';
import { SEX_LABELS } from './screening-labels.js';

function ageHint(draft: ScreeningDraft): string | undefined {
  const { birthDate, assessmentDate } = draft;
  if (!isIsoCalendarDate(birthDate) || !isIsoCalendarDate(assessmentDate) || birthDate > assessmentDate) {
    return undefined;
  }
  return `Age ${completedYears(birthDate, assessmentDate)} at the assessment`;
}

function bmiHint(draft: ScreeningDraft): string | undefined {
  const weight = numberOrText(draft.weightKg);
  const height = numberOrText(draft.heightCm);
  if (typeof weight !== 'number' || typeof height !== 'number' || height <= 0) {
    return undefined;
  }
  return `BMI ${(weight / (height / 100) ** 2).toFixed(1)} kg/m²`;
}

/** Visit date and demographics; every duration and age is measured at the assessment date. */
export function DemographicsSection({ draft, change, problems }: SectionProps) {
  const set = (patch: Partial<ScreeningDraft>) => change((current) => ({ ...current, ...patch }));
  return (
    <FormSection title="Visit and demographics">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
        <DateField
          label="Assessment date"
          value={draft.assessmentDate}
          onChange={(assessmentDate) => set({ assessmentDate })}
          error={errorAt(problems, 'assessmentDate')}
        />
        <DateField
          label="Birth date"
          value={draft.birthDate}
          onChange={(birthDate) => set({ birthDate })}
          error={errorAt(problems, 'birthDate')}
          description={ageHint(draft)}
        />
        <ChoiceField
          label="Sex"
          value={draft.sex}
          onChange={(sex) => set({ sex })}
          options={optionsOf(SCREENING_SEXES, SEX_LABELS)}
          error={errorAt(problems, 'sex')}
        />
        <NumberField
          label="Weight"
          unit="kg"
          value={draft.weightKg}
          onChange={(weightKg) => set({ weightKg })}
          error={errorAt(problems, 'weightKg')}
        />
        <NumberField
          label="Height"
          unit="cm"
          value={draft.heightCm}
          onChange={(heightCm) => set({ heightCm })}
          error={errorAt(problems, 'heightCm')}
          description={bmiHint(draft)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
        <YesNoField
          label="Reproductive potential"
          value={draft.flags.reproductivePotential}
          onChange={(value) =>
            change((current) => ({ ...current, flags: { ...current.flags, reproductivePotential: value } }))
          }
          error={errorAt(problems, 'reproductivePotential')}
        />
        <YesNoField
          label="Contraception agreed"
          value={draft.flags.contraceptionAgreed}
          onChange={(value) =>
            change((current) => ({ ...current, flags: { ...current.flags, contraceptionAgreed: value } }))
          }
          error={errorAt(problems, 'contraceptionAgreed')}
        />
      </SimpleGrid>
    </FormSection>
  );
}
