import type { FormDefinition } from '@celltrial/core';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';

export interface DerivedValues {
  readonly values: Readonly<Record<string, { readonly value: unknown; readonly algorithm: string }>>;
  /** Why some values are absent or what they assumed. */
  readonly notes: readonly { readonly derived: readonly string[]; readonly message: string }[];
}

/** A derived value for display (rounded for display only: two decimals at most). */
export function derivedText(value: unknown, unit?: string): string {
  if (value === undefined || value === null) {
    return '—';
  }
  let text: string;
  if (typeof value === 'number') {
    text = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  } else if (typeof value === 'string') {
    text = value;
  } else {
    text = JSON.stringify(value);
  }
  return unit === undefined ? text : `${text} ${unit}`;
}

/**
 * The scores the form's registered derivation computes (e.g. ALSFRS-R total, subscores, King's and MiToS stages),
 * with the versioned algorithm that produced each. `live` says they follow the inputs as the user types.
 */
export function FormDerivedPanel(props: {
  definition: FormDefinition;
  derived: DerivedValues;
  live: boolean;
}) {
  const { definition, derived, live } = props;
  const declared = definition.derivedItems ?? [];
  if (declared.length === 0) {
    return null;
  }
  // A note explains an absent value; once every value it speaks of is there, it no longer applies.
  const notes = derived.notes.filter((note) => note.derived.some((id) => derived.values[id] === undefined));
  return (
    <Paper p="sm" component="section" aria-labelledby="derived-scores" withBorder>
      <Title order={3} fz="h5" id="derived-scores" mb={4}>
        Derived scores
      </Title>
      <Text size="xs" c="dimmed" mb={4}>
        {live
          ? 'Computed as you type; the server computes them again when the form is saved.'
          : 'As computed by the server at the last save.'}
      </Text>
      <Table aria-label="Derived scores" fz="sm" verticalSpacing={2}>
        <Table.Tbody>
          {declared.map((item) => {
            const entry = derived.values[item.id];
            return (
              <Table.Tr key={item.id} data-derived={item.id}>
                <Table.Td>{item.label}</Table.Td>
                <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {derivedText(entry?.value, item.unit)}
                </Table.Td>
                <Table.Td>
                  <Text span size="xs" c="dimmed">
                    {entry?.algorithm ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {notes.length > 0 && (
        <Stack gap={2} mt={4}>
          {notes.map((note) => (
            <Text key={note.message} size="xs" c="dimmed">
              {note.message}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
