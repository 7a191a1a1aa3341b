import { Badge } from '@mantine/core';
import type { DataQueryStatus } from '../../lib/casebook-api.js';
import { QUERY_STATUS_COLORS, QUERY_STATUS_LABELS } from './query-labels.js';

/** A query's status as a badge. */
export function QueryStatusBadge({ status }: { status: DataQueryStatus }) {
  return (
    <Badge color={QUERY_STATUS_COLORS[status]} size="sm" tt="none" variant="light">
      {QUERY_STATUS_LABELS[status]}
    </Badge>
  );
}
