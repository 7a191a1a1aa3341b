import type { DataQueryView } from '@celltrial/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formUrl } from '../casebook/casebook-urls.js';
import { formNameOf, itemLabelOf } from '../casebook/form-definitions.js';
import { valueText } from './query-labels.js';
import { QueryStatusBadge } from './query-status-badge.js';

function lastMessage(query: DataQueryView): string {
  return query.messages.at(-1)?.body ?? '';
}

/** Queries as rows: participant, form › item (linking to the item's thread), status, origin, opened, last word. */
export function QueryListTable({ studyId, queries }: { studyId: string; queries: readonly DataQueryView[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label="Queries" verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Participant</Table.Th>
            <Table.Th>Item</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Origin</Table.Th>
            <Table.Th>Opened</Table.Th>
            <Table.Th>Latest message</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queries.map((query) => (
            <Table.Tr key={query.id}>
              <Table.Td fw={600}>{query.participantNumber}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={formUrl({
                    studyId,
                    participantId: query.participantId,
                    formRecordId: query.formRecordId,
                    item: query.itemId,
                  })}
                  size="sm"
                >
                  {formNameOf(query.formKey)} › {itemLabelOf(query.formKey, query.itemId)}
                </Anchor>
                {query.visitKey !== null && (
                  <Text size="xs" c="dimmed">
                    visit {query.visitKey}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{valueText(query.itemValue)}</Table.Td>
              <Table.Td>
                <QueryStatusBadge status={query.status} />
              </Table.Td>
              <Table.Td>{query.origin === 'edit-check' ? 'edit check' : 'manual'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{query.openedAt.slice(0, 10)}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {lastMessage(query)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
