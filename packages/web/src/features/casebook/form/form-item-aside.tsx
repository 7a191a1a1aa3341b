import type { FormRecordView } from '@celltrial/contracts';
import type { FormItem } from '@celltrial/core';
import { Badge, Button, Checkbox, Tooltip } from '@mantine/core';

export interface FormItemAsideProps {
  item: FormItem;
  record: FormRecordView;
  /** The user may mark items source-data verified (monitor) and the form is not locked. */
  canVerify: boolean;
  /** Chosen for the next "Verify". */
  selected: boolean;
  onToggle: (itemId: string, selected: boolean) => void;
  onQueries: (item: FormItem) => void;
  onHistory: (item: FormItem) => void;
}

/**
 * The controls beside a saved item: its queries, its source data verification (a mark once verified; a checkbox
 * for monitors before), and its history. Their accessible names do not repeat the item label, so the label names
 * the input alone; tests scope them by the item's `data-item` container.
 */
export function FormItemAside(props: FormItemAsideProps) {
  const { item, record, canVerify, selected, onToggle, onQueries, onHistory } = props;
  const queries = record.queries.filter((query) => query.itemId === item.id);
  const open = queries.filter((query) => query.status === 'open').length;
  const answered = queries.filter((query) => query.status === 'answered').length;
  const verification = record.verifications
    .filter((entry) => entry.itemId === item.id)
    .sort((a, b) => b.formVersion - a.formVersion)[0];
  const hasValue = Object.hasOwn(record.values, item.id);
  let queryText = 'Queries';
  if (open > 0 || answered > 0) {
    queryText = `Queries (${[open > 0 ? `${open} open` : '', answered > 0 ? `${answered} answered` : ''].filter(Boolean).join(', ')})`;
  }
  return (
    <>
      {verification !== undefined && (
        <Tooltip
          label={`Source verified by ${verification.verifiedBy} on ${verification.verifiedAt.slice(0, 10)} (form version ${verification.formVersion})`}
        >
          <Badge color="teal" variant="light" size="sm" tt="none">
            ✔ Verified
          </Badge>
        </Tooltip>
      )}
      {verification === undefined && canVerify && hasValue && (
        <Checkbox
          label="SDV"
          size="xs"
          checked={selected}
          onChange={(event) => onToggle(item.id, event.currentTarget.checked)}
        />
      )}
      <Button
        size="compact-xs"
        variant={open > 0 ? 'light' : 'subtle'}
        color={open > 0 ? 'red' : 'gray'}
        onClick={() => onQueries(item)}
      >
        {queryText}
      </Button>
      <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onHistory(item)}>
        History
      </Button>
    </>
  );
}
