import type { FormRecordView } from '@celltrial/contracts';
import type { FormDefinition } from '@celltrial/core';
import { Alert, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { definitionItems } from '../form-definitions.js';
import { changedItemIds, displayValue } from './form-draft.js';

const MIN_REASON = 3;

export interface FormReasonModalProps {
  opened: boolean;
  /** The saved version being changed. */
  version: number;
  /** Labels of the items that change. */
  changed: readonly string[];
  onClose: () => void;
  onSubmit: (reason: string) => void;
  saving: boolean;
}

/** Asks why saved form data are changed (GCP: every change to recorded data has a reason). */
export function FormReasonModal(props: FormReasonModalProps) {
  const { opened, version, changed, onClose, onSubmit, saving } = props;
  const [reason, setReason] = useState('');
  // Each change gets its own reason: start empty whenever the dialog opens.
  useEffect(() => {
    if (opened) {
      setReason('');
    }
  }, [opened]);
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
            Version {version} is already saved. Each changed item keeps its earlier value in the item history,
            with your reason.
          </Text>
          {changed.length > 0 && (
            <Text size="xs" c="dimmed">
              Changing: {changed.join('; ')}
            </Text>
          )}
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

export interface StaleFormAlertProps {
  definition: FormDefinition;
  currentVersion: number;
  /** The newer saved record (null when the server did not send it). */
  theirs: FormRecordView | null;
  mine: Readonly<Record<string, unknown>>;
  onLoadTheirs: () => void;
  onKeepMine: () => void;
}

/** Someone else saved the form while this user was editing: their values next to the user's, nothing lost. */
export function StaleFormAlert(props: StaleFormAlertProps) {
  const { definition, currentVersion, theirs, mine, onLoadTheirs, onKeepMine } = props;
  const items = new Map(definitionItems(definition).map((item) => [item.id, item]));
  const differing = theirs === null ? [] : changedItemIds(definition, theirs.values, mine);
  const by = theirs?.updatedBy === null || theirs === null ? '' : ` by ${theirs.updatedBy}`;
  return (
    <Alert color="orange" role="alert" title="Someone else saved this form while you were editing">
      <Stack gap="xs">
        <Text size="sm">
          Version {currentVersion} was saved{by}
          {theirs === null ? '' : ` at ${theirs.updatedAt.slice(0, 16).replace('T', ' ')}`}. Nothing of yours
          was saved, and nothing you typed is lost.
        </Text>
        {theirs !== null &&
          (differing.length === 0 ? (
            <Text size="sm">Their values are the same as yours.</Text>
          ) : (
            <Table aria-label="Their values and yours" withTableBorder fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Item</Table.Th>
                  <Table.Th>Saved (version {currentVersion})</Table.Th>
                  <Table.Th>Your form</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {differing.map((id) => (
                  <Table.Tr key={id}>
                    <Table.Td>{items.get(id)?.label ?? id}</Table.Td>
                    <Table.Td>{displayValue(items.get(id), theirs.values[id])}</Table.Td>
                    <Table.Td>{displayValue(items.get(id), mine[id])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ))}
        <Group gap="xs">
          <Button size="compact-sm" onClick={onLoadTheirs}>
            Load version {currentVersion}
          </Button>
          <Button size="compact-sm" variant="default" onClick={onKeepMine}>
            Save my values over it…
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
