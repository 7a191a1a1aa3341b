import type { FormItem } from '@celltrial/core';
import { Drawer, Table, Text } from '@mantine/core';
import type { FormRecordRef } from '../../../lib/casebook-api.js';
import { LoadingBlock } from '../../../ui/loading-block.js';
import { QueryError } from '../../../ui/query-error.js';
import { useFormHistory } from '../use-form-record.js';
import { displayValue } from './form-draft.js';

/** Every saved value of one item, newest first, with who changed it, when and why (the item's audit trail). */
export function ItemHistoryDrawer(props: {
  record: FormRecordRef;
  item: FormItem | null;
  onClose: () => void;
}) {
  const { record, item, onClose } = props;
  const history = useFormHistory(record, item !== null);
  const revisions = (history.data?.revisions ?? [])
    .filter((revision) => revision.itemId === item?.id)
    .sort((a, b) => b.formVersion - a.formVersion);
  return (
    <Drawer
      opened={item !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={item === null ? '' : `History: ${item.label}`}
    >
      {history.isPending && <LoadingBlock label="Loading history…" />}
      {history.isError && <QueryError title="Could not load the history" error={history.error} />}
      {history.isSuccess &&
        (revisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            No saved value yet.
          </Text>
        ) : (
          <Table aria-label="Item history" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Th>Value</Table.Th>
                <Table.Th>Changed</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {revisions.map((revision) => (
                <Table.Tr key={`${revision.formVersion}-${revision.changedAt}`}>
                  <Table.Td>{revision.formVersion}</Table.Td>
                  <Table.Td>{displayValue(item ?? undefined, revision.value)}</Table.Td>
                  <Table.Td>
                    {revision.changedAt.slice(0, 16).replace('T', ' ')}
                    {revision.changedBy === null ? '' : ` · ${revision.changedBy}`}
                  </Table.Td>
                  <Table.Td>{revision.reason ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
    </Drawer>
  );
}
