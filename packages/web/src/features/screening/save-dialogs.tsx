import { Alert, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { recordDifferences } from './record-diff.js';

export interface ReasonForChangeModalProps {
  opened: boolean;
  /** The revision being changed. */
  revision: number;
  onClose: () => void;
  onSubmit: (reason: string) => void;
  saving: boolean;
}

const MIN_REASON = 3;

/** Asks why saved screening data is changed (GCP: every change to recorded data has a reason). */
export function ReasonForChangeModal({
  opened,
  revision,
  onClose,
  onSubmit,
  saving,
}: ReasonForChangeModalProps) {
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= MIN_REASON;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) {
      onSubmit(reason.trim());
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Reason for change" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Revision {revision} is already saved. The change is kept in the audit trail with your reason; the
            earlier revision stays on record.
          </Text>
          <Textarea
            label="Reason for change"
            placeholder="e.g. transcription error corrected from the source document"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            rows={3}
            required
            data-autofocus
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!valid} loading={saving}>
              Save change
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export interface StaleRecordAlertProps {
  currentRevision: number;
  /** The newer saved record (null when the server did not send it). */
  theirs: unknown;
  mine: Record<string, unknown>;
  onReload: () => void;
  onKeepMine: () => void;
}

/** Someone saved the record while this user was editing: show what differs and let the user choose. */
export function StaleRecordAlert(props: StaleRecordAlertProps) {
  const { currentRevision, theirs, mine, onReload, onKeepMine } = props;
  const differences = recordDifferences(theirs, mine);
  return (
    <Alert color="orange" title={`Revision ${currentRevision} was saved while you were editing`} role="alert">
      <Stack gap="xs">
        <Text size="sm">Nothing of yours was saved. The newer revision differs from your form in:</Text>
        {differences.length === 0 ? (
          <Text size="sm">no field — it holds the same values.</Text>
        ) : (
          <Table aria-label="Differences from the newer revision" withTableBorder fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>Saved (revision {currentRevision})</Table.Th>
                <Table.Th>Your form</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {differences.map((difference) => (
                <Table.Tr key={difference.path}>
                  <Table.Td ff="monospace">{difference.path}</Table.Td>
                  <Table.Td>{difference.theirs}</Table.Td>
                  <Table.Td>{difference.mine}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group gap="xs">
          <Button size="compact-sm" onClick={onReload}>
            Load revision {currentRevision}
          </Button>
          <Button size="compact-sm" variant="default" onClick={onKeepMine}>
            Save my values over it…
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
