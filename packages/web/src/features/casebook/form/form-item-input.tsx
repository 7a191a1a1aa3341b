// The input of one eCRF item, chosen by its type. The accessible name of every input is the item's label.
import type { FormItem } from '@celltrial/core';
import { Group, NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FormItemInputProps {
  item: FormItem;
  /** The input's text (see form-draft.ts). */
  text: string;
  /** The chosen unit of a quantity item. */
  unit: string;
  onText: (text: string) => void;
  onUnit: (unit: string) => void;
  error: ReactNode;
  description: ReactNode;
  /** Required and shown: marked with an asterisk (an empty required item only makes the form incomplete). */
  required: boolean;
  readOnly: boolean;
}

interface CommonProps {
  label: string;
  'aria-label': string;
  error: ReactNode;
  description: ReactNode;
  withAsterisk: boolean;
  inputWrapperOrder: ('label' | 'input' | 'description' | 'error')[];
  disabled: boolean;
}

// Hints go under the input so inputs stay aligned.
const WRAPPER_ORDER: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];
const LONG_TEXT = 200;

function unitSection(unit: string | undefined) {
  if (unit === undefined) {
    return {};
  }
  return {
    rightSection: (
      <Text size="xs" c="dimmed" pr={4}>
        {unit}
      </Text>
    ),
    rightSectionWidth: Math.max(28, unit.length * 7 + 12),
  };
}

/** One item's input: numbers and dates as text inputs, coded answers and yes/no as selects, a quantity with its unit. */
export function FormItemInput(props: FormItemInputProps) {
  const { item, text, unit, onText, onUnit, error, description, required, readOnly } = props;
  // The visible label may carry the required asterisk; the accessible name stays exactly the item's label.
  const common: CommonProps = {
    label: item.label,
    'aria-label': item.label,
    error,
    description,
    withAsterisk: required,
    inputWrapperOrder: WRAPPER_ORDER,
    disabled: readOnly,
  };
  if (item.choices !== undefined || item.type === 'choice') {
    return (
      <NativeSelect
        {...common}
        value={text}
        onChange={(event) => onText(event.currentTarget.value)}
        data={[
          { value: '', label: '—' },
          ...(item.choices ?? []).map((choice) => ({ value: String(choice.value), label: choice.label })),
        ]}
      />
    );
  }
  switch (item.type) {
    case 'boolean':
      return (
        <NativeSelect
          {...common}
          maw={240}
          value={text}
          onChange={(event) => onText(event.currentTarget.value)}
          data={[
            { value: '', label: '—' },
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]}
        />
      );
    case 'date':
    case 'datetime':
      return (
        <TextInput
          {...common}
          maw={240}
          type={item.type === 'date' ? 'date' : 'datetime-local'}
          value={text}
          onChange={(event) => onText(event.currentTarget.value)}
        />
      );
    case 'text':
      return (item.maxLength ?? Infinity) > LONG_TEXT ? (
        <Textarea {...common} rows={2} value={text} onChange={(event) => onText(event.currentTarget.value)} />
      ) : (
        <TextInput {...common} value={text} onChange={(event) => onText(event.currentTarget.value)} />
      );
    case 'quantity':
      return <QuantityInput {...props} common={common} unit={unit} onUnit={onUnit} />;
    case 'integer':
    case 'decimal':
      return (
        <TextInput
          {...common}
          {...unitSection(item.unit)}
          maw={240}
          inputMode={item.type === 'integer' ? 'numeric' : 'decimal'}
          value={text}
          onChange={(event) => onText(event.currentTarget.value)}
        />
      );
  }
}

function QuantityInput(props: FormItemInputProps & { common: CommonProps }) {
  const { item, text, unit, onText, onUnit, common, readOnly } = props;
  const units = item.units ?? [];
  const select =
    units.length > 1 ? (
      <NativeSelect
        aria-label="Unit"
        value={unit}
        onChange={(event) => onUnit(event.currentTarget.value)}
        data={units.map((code) => ({ value: code, label: code }))}
        disabled={readOnly}
        w={130}
        mt={26}
      />
    ) : null;
  return (
    <Group gap={6} align="flex-start" wrap="nowrap">
      <TextInput
        {...common}
        {...(units.length === 1 ? unitSection(units[0]) : {})}
        maw={240}
        inputMode="decimal"
        value={text}
        onChange={(event) => onText(event.currentTarget.value)}
      />
      {select}
    </Group>
  );
}
