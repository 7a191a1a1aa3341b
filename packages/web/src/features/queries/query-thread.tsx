import type { DataQueryView } from '@celltrial/contracts';
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { QueryAction } from '../../lib/casebook-api.js';
import { ActionError } from '../participants/action-error.js';
import type { AccessCheck } from '../participants/use-study-access.js';
import { QUERY_ACTION_BUTTONS, allowedQueryActions, messageActionLabel, valueText } from './query-labels.js';
import { QueryStatusBadge } from './query-status-badge.js';
import { useQueryAction } from './use-queries.js';

const MIN_TEXT = 3;

export interface QueryThreadProps {
  query: DataQueryView;
  can: AccessCheck;
  /** Locked data: nobody can answer until a data manager unlocks it. */
  locked?: boolean;
}

/** One query: its origin, the messages in order, and the actions the user's role allows in its status. */
export function QueryThread({ query, can, locked = false }: QueryThreadProps) {
  const [text, setText] = useState('');
  const action = useQueryAction(query.studyId);
  const actions = allowedQueryActions(query.status, {
    answer: !locked && can('query:answer', query.siteId),
    review: can('query:raise', query.siteId),
  });
  const send = (kind: QueryAction) => {
    action.mutate({ queryId: query.id, action: kind, text: text.trim() }, { onSuccess: () => setText('') });
  };
  const origin =
    query.origin === 'edit-check'
      ? `edit check${query.checkId === null ? '' : ` ${query.checkId}`}`
      : 'manual';
  return (
    <Paper withBorder p="xs" component="article" aria-label={`Query ${query.status}`} data-query={query.id}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <QueryStatusBadge status={query.status} />
            <Text size="xs" c="dimmed">
              {origin} · value when raised: {valueText(query.itemValue)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {query.openedAt.slice(0, 10)}
            {query.openedBy === null ? '' : ` · ${query.openedBy}`}
          </Text>
        </Group>
        <Stack gap={4} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {query.messages.map((message, index) => (
            <li key={`${message.at}-${index}`}>
              <Text size="xs" c="dimmed">
                {messageActionLabel(message.action)} by {message.author ?? 'the system'} ·{' '}
                {message.at.slice(0, 16).replace('T', ' ')}
              </Text>
              <Text size="sm">{message.body}</Text>
            </li>
          ))}
        </Stack>
        {actions.length > 0 && (
          <Stack gap={6}>
            <Textarea
              label="Message"
              placeholder={
                actions.includes('answer') ? 'Your answer (e.g. corrected from the source)' : 'Your note'
              }
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              rows={2}
            />
            <Group gap="xs">
              {actions.map((kind) => (
                <Button
                  key={kind}
                  size="xs"
                  variant={kind === 'answer' || kind === 'close' ? 'filled' : 'default'}
                  disabled={text.trim().length < MIN_TEXT}
                  loading={action.isPending && action.variables.action === kind}
                  onClick={() => send(kind)}
                >
                  {QUERY_ACTION_BUTTONS[kind]}
                </Button>
              ))}
            </Group>
            <ActionError error={action.error} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
