import type { DataQueryView } from '@celltrial/contracts';
import { Drawer, Stack, Text } from '@mantine/core';
import type { FormRecordRef } from '../../lib/casebook-api.js';
import type { AccessCheck } from '../participants/use-study-access.js';
import { QueryThread } from './query-thread.js';
import { RaiseQueryForm } from './raise-query-form.js';

export interface ItemQueriesDrawerProps {
  record: FormRecordRef;
  siteId: string;
  item: { id: string; label: string } | null;
  /** Every query of the form record (the drawer shows the item's). */
  queries: readonly DataQueryView[];
  can: AccessCheck;
  /** The form is locked: threads are read-only. */
  locked: boolean;
  onClose: () => void;
}

const STATUS_ORDER = { open: 0, answered: 1, closed: 2, cancelled: 3 } as const;

/** The query threads of one item (open first) and, for monitors and data managers, "Raise query". */
export function ItemQueriesDrawer(props: ItemQueriesDrawerProps) {
  const { record, siteId, item, queries, can, locked, onClose } = props;
  const threads = item === null ? [] : queries.filter((query) => query.itemId === item.id);
  const sorted = [...threads].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.openedAt.localeCompare(b.openedAt),
  );
  return (
    <Drawer
      opened={item !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={item === null ? '' : `Queries: ${item.label}`}
    >
      {item !== null && (
        <Stack gap="sm">
          {sorted.length === 0 && (
            <Text size="sm" c="dimmed">
              No queries on this item.
            </Text>
          )}
          {sorted.map((query) => (
            <QueryThread key={query.id} query={query} can={can} locked={locked} />
          ))}
          {can('query:raise', siteId) && !locked && <RaiseQueryForm record={record} itemId={item.id} />}
        </Stack>
      )}
    </Drawer>
  );
}
