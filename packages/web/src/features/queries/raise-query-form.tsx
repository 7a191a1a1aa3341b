import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormRecordRef } from '../../lib/casebook-api.js';
import { ActionError } from '../participants/action-error.js';
import { useRaiseQuery } from './use-queries.js';

const MIN_TEXT = 3;

/** A monitor's or data manager's manual query on one item of a saved form. */
export function RaiseQueryForm({ record, itemId }: { record: FormRecordRef; itemId: string }) {
  const [text, setText] = useState('');
  const raise = useRaiseQuery(record);
  return (
    <Stack gap={6}>
      <Textarea
        label="Query text"
        placeholder="e.g. The value differs from the source document; please check."
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        rows={2}
      />
      <Group>
        <Button
          size="xs"
          disabled={text.trim().length < MIN_TEXT}
          loading={raise.isPending}
          onClick={() => raise.mutate({ itemId, text: text.trim() }, { onSuccess: () => setText('') })}
        >
          Raise query
        </Button>
      </Group>
      <ActionError error={raise.error} />
    </Stack>
  );
}
