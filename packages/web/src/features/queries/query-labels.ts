// Words and colours for data queries (pure).
import type { DataQueryView } from '@celltrial/contracts';
import type { DataQueryStatus, QueryAction } from '../../lib/casebook-api.js';

export const QUERY_STATUS_LABELS: Record<DataQueryStatus, string> = {
  open: 'Open',
  answered: 'Answered',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const QUERY_STATUS_COLORS: Record<DataQueryStatus, string> = {
  open: 'red',
  answered: 'blue',
  closed: 'green',
  cancelled: 'gray',
};

type MessageAction = DataQueryView['messages'][number]['action'];

const MESSAGE_ACTION_LABELS: Record<MessageAction, string> = {
  open: 'Opened',
  answer: 'Answered',
  close: 'Closed',
  cancel: 'Cancelled',
  reopen: 'Reopened',
  'auto-close': 'Closed automatically',
};

/** What a message in a query thread did ("Answered", "Closed automatically"). */
export function messageActionLabel(action: MessageAction): string {
  return MESSAGE_ACTION_LABELS[action];
}

/** Who may do what to a query in its status: the site answers an open query; monitors and data managers close,
 * cancel or reopen. The server applies the same rules. */
export function allowedQueryActions(
  status: DataQueryStatus,
  may: { answer: boolean; review: boolean },
): QueryAction[] {
  const actions: QueryAction[] = [];
  if (may.answer && status === 'open') {
    actions.push('answer');
  }
  if (may.review && (status === 'open' || status === 'answered')) {
    actions.push('close', 'cancel');
  }
  if (may.review && (status === 'answered' || status === 'closed')) {
    actions.push('reopen');
  }
  return actions;
}

/** The button text of each action (stable accessible names for tests). */
export const QUERY_ACTION_BUTTONS: Record<QueryAction, string> = {
  answer: 'Answer',
  close: 'Close query',
  cancel: 'Cancel query',
  reopen: 'Reopen',
};

/** An item value as a query shows it (quantities as "7.2 mmol/L", absent as "—"). */
export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '—';
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  if (typeof value === 'object' && 'value' in value && 'unit' in value) {
    const quantity = value;
    return `${String(quantity.value)} ${String(quantity.unit)}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
