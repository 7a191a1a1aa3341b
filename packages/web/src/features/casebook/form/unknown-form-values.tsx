import type { FormRecordView } from '@celltrial/contracts';
import { Alert, Paper, Stack, Table } from '@mantine/core';
import { valueText } from '../../queries/query-labels.js';

/** A record whose form key this app has no definition for: its values as a read-only table. */
export function UnknownFormValues({ record }: { record: FormRecordView }) {
  const entries = Object.entries(record.values);
  return (
    <Stack gap="sm">
      <Alert color="yellow" p="xs" role="note">
        This app has no definition for the form “{record.formKey}” ({record.definitionVersion}); its saved
        values are shown read-only.
      </Alert>
      <Paper p="sm">
        <Table aria-label="Saved values" fz="sm">
          <Table.Tbody>
            {entries.map(([item, value]) => (
              <Table.Tr key={item}>
                <Table.Td ff="monospace">{item}</Table.Td>
                <Table.Td>{valueText(value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
