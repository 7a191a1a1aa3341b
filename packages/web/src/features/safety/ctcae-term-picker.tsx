import { Autocomplete, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCtcaeTerms } from './use-safety.js';

export interface CtcaeTermPickerProps {
  value: string;
  onChange: (term: string) => void;
  /** A term chosen from the list (with its SOC). */
  onPick?: (term: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/**
 * The CTCAE v5.0 term, searched on the server (`GET /api/ctcae-terms?q=`) as the user types: exact match, then
 * prefix, word prefix, substring. The server checks the term again on save (a near miss gets "did you mean").
 */
export function CtcaeTermPicker({ value, onChange, onPick, error, disabled }: CtcaeTermPickerProps) {
  const [query] = useDebouncedValue(value, 200);
  const terms = useCtcaeTerms(query);
  const hits = terms.data?.terms ?? [];
  const socOf = new Map(hits.map((h) => [h.term.toLowerCase(), h.soc]));
  const soc = socOf.get(value.trim().toLowerCase());
  return (
    <Autocomplete
      label="CTCAE term"
      placeholder="Type to search CTCAE v5.0 terms"
      value={value}
      onChange={onChange}
      onOptionSubmit={(term) => onPick?.(term)}
      data={hits.map((h) => h.term)}
      filter={({ options }) => options}
      renderOption={({ option }) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{option.value}</Text>
          <Text size="xs" c="dimmed">
            {socOf.get(option.value.toLowerCase())}
          </Text>
        </Group>
      )}
      description={soc === undefined ? 'Optional; the verbatim term is always kept.' : `SOC: ${soc}`}
      error={error}
      disabled={disabled}
      clearable
    />
  );
}
