// Small labelled inputs of the screening form: all values are text (see screening-draft.ts).
import type { ScreeningProblem } from '@celltrial/contracts';
import { NativeSelect, Paper, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ScreeningDraft, TriState } from './screening-draft.js';

/** Props every form section receives. */
export interface SectionProps {
  draft: ScreeningDraft;
  /** Applies a change to the form values. */
  change: (update: (draft: ScreeningDraft) => ScreeningDraft) => void;
  problems: readonly ScreeningProblem[];
}

/** The error text for a field path (the problem's message names the field already). */
export function errorAt(problems: readonly ScreeningProblem[], path: string): string | undefined {
  return problems.find((problem) => problem.path === path)?.message;
}

// Hints go under the input, so that inputs in a row stay aligned.
const WRAPPER_ORDER: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];

interface FieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  /** Accessible name when the visible label is shortened (rows of a list). */
  ariaLabel?: string;
}

/** A calendar date (native date picker, value YYYY-MM-DD). */
export function DateField({ label, value, onChange, error, description, ariaLabel }: FieldProps) {
  return (
    <TextInput
      type="date"
      inputWrapperOrder={WRAPPER_ORDER}
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      description={description}
      aria-label={ariaLabel}
    />
  );
}

/** A number typed as text; `unit` shows inside the input on the right. */
export function NumberField(props: FieldProps & { unit?: string }) {
  const { label, value, onChange, error, description, unit, ariaLabel } = props;
  return (
    <TextInput
      inputMode="decimal"
      inputWrapperOrder={WRAPPER_ORDER}
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      description={description}
      aria-label={ariaLabel}
      rightSection={
        unit === undefined ? undefined : (
          <Text size="xs" c="dimmed" pr={4}>
            {unit}
          </Text>
        )
      }
      rightSectionWidth={unit === undefined ? undefined : Math.max(28, unit.length * 7 + 12)}
    />
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
}

/** One of a closed list, or nothing ("—" = not recorded). */
export function ChoiceField(props: FieldProps & { options: readonly ChoiceOption[] }) {
  const { label, value, onChange, error, description, options, ariaLabel } = props;
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      description={description}
      aria-label={ariaLabel}
      data={[{ value: '', label: '—' }, ...options]}
    />
  );
}

const YES_NO: readonly ChoiceOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** A yes/no question that may stay unanswered. */
export function YesNoField(
  props: Omit<FieldProps, 'value' | 'onChange'> & {
    value: TriState;
    onChange: (value: TriState) => void;
  },
) {
  const { onChange, ...rest } = props;
  return <ChoiceField {...rest} options={YES_NO} onChange={(value) => onChange(value as TriState)} />;
}

/** Options from a list of codes, labelled by a map (the code itself when unlabelled). */
export function optionsOf(codes: readonly string[], labels: Readonly<Record<string, string>> = {}) {
  return codes.map((code) => ({ value: code, label: labels[code] ?? code }));
}

/** A titled block of the screening form. */
export function FormSection({
  title,
  children,
  aside,
}: {
  title: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  const id = `screening-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Paper p="md" component="section" aria-labelledby={id}>
      <Title order={3} fz="h5" id={id} mb={aside === undefined ? 'sm' : 4}>
        {title}
      </Title>
      {aside !== undefined && (
        <Text size="xs" c="dimmed" mb="sm">
          {aside}
        </Text>
      )}
      {children}
    </Paper>
  );
}
