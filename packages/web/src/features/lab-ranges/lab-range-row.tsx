import { Button, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import type { DraftField, DraftRow, RowProblems } from './lab-range-draft.js';
import { testOptions, unitOptions } from './lab-range-labels.js';

export interface LabRangeRowProps {
  row: DraftRow;
  /** 1-based position, used in the inputs' accessible names ("LLN, row 2"). */
  position: number;
  problems: RowProblems | undefined;
  onChange: (row: DraftRow) => void;
  onRemove: () => void;
}

const TEST_OPTIONS = [{ value: '', label: 'Choose a test…' }, ...testOptions()];
const SEX_OPTIONS = [
  { value: '', label: 'Any' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
];

/** One editable range of the draft; problems (the server's or the draft's) are shown at their field. */
export function LabRangeRow({ row, position, problems, onChange, onRemove }: LabRangeRowProps) {
  const name = (label: string) => `${label}, row ${position}`;
  const set = (field: DraftField, value: string) => onChange({ ...row, [field]: value });
  const changeTest = (test: string) => {
    const keepUnit = unitOptions(test).some((option) => option.value === row.unit);
    onChange({ ...row, test, unit: keepUnit ? row.unit : '' });
  };
  const text = (field: 'lln' | 'uln' | 'ageMin' | 'ageMax' | 'source', label: string) => (
    <TextInput
      aria-label={name(label)}
      value={row[field]}
      error={problems?.[field]}
      inputMode={field === 'source' ? 'text' : 'decimal'}
      onChange={(event) => set(field, event.currentTarget.value)}
    />
  );
  return (
    <Table.Tr>
      <Table.Td>
        <NativeSelect
          aria-label={name('Test')}
          data={TEST_OPTIONS}
          value={row.test}
          error={problems?.test}
          onChange={(event) => changeTest(event.currentTarget.value)}
        />
        {problems?.row && (
          <Text size="xs" c="red" mt={4} role="alert">
            {problems.row}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={name('Unit')}
          data={[{ value: '', label: row.test === '' ? 'Test first' : 'Choose…' }, ...unitOptions(row.test)]}
          value={row.unit}
          error={problems?.unit}
          disabled={row.test === ''}
          onChange={(event) => set('unit', event.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>{text('lln', 'LLN')}</Table.Td>
      <Table.Td>{text('uln', 'ULN')}</Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={name('Sex')}
          data={SEX_OPTIONS}
          value={row.sex}
          error={problems?.sex}
          onChange={(event) => set('sex', event.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>{text('ageMin', 'Age from')}</Table.Td>
      <Table.Td>{text('ageMax', 'Age below')}</Table.Td>
      <Table.Td>{text('source', 'Source')}</Table.Td>
      <Table.Td>
        <Button variant="subtle" color="red" size="compact-sm" aria-label={name('Remove')} onClick={onRemove}>
          Remove
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
