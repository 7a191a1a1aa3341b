import type { DoseRecordView } from '@celltrial/contracts';
import { Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ParticipantRef } from '../../lib/participants-api.js';
import { ActionError } from '../participants/action-error.js';
import { formatInstant, localInputOf, localInputToIso } from '../safety/local-date-time.js';
import { doseText, percentText } from './dosing-labels.js';
import { useAdministerDose } from './use-dosing.js';

function AdministrationDialog(props: {
  participant: ParticipantRef;
  dose: DoseRecordView;
  onClose: () => void;
}) {
  const { participant, dose, onClose } = props;
  const administer = useAdministerDose(participant);
  const [at, setAt] = useState(() => localInputOf(new Date()));
  const [volume, setVolume] = useState(String(dose.volumeMl));
  const [complete, setComplete] = useState(true);
  const [note, setNote] = useState('');
  const iso = localInputToIso(at);
  const volumeMl = volume.trim() === '' ? NaN : Number(volume);
  const valid = iso !== null && Number.isFinite(volumeMl) && (complete || note.trim().length >= 3);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) {
      return;
    }
    const trimmed = note.trim();
    administer.mutate(
      {
        preparationId: dose.id,
        administeredAt: iso,
        volumeMl,
        complete,
        ...(trimmed === '' ? {} : { note: trimmed }),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={`Record administration: ${dose.visitKey}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            type="datetime-local"
            label="Administered at"
            description="Local time of this browser"
            value={at}
            onChange={(event) => setAt(event.currentTarget.value)}
            required
          />
          <TextInput
            label="Volume given (mL)"
            value={volume}
            onChange={(event) => setVolume(event.currentTarget.value)}
            error={volume !== '' && !Number.isFinite(volumeMl) ? 'not a number' : undefined}
            required
          />
          <Checkbox
            label="Given in full"
            checked={complete}
            onChange={(event) => setComplete(event.currentTarget.checked)}
          />
          <Textarea
            label="Note"
            description={complete ? undefined : 'Required: why the dose was stopped or not given in full'}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            rows={2}
            required={!complete}
          />
          <ActionError error={administer.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!valid} loading={administer.isPending}>
              Record administration
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AdministrationCell(props: {
  dose: DoseRecordView;
  canAdminister: boolean;
  onAdminister: () => void;
}) {
  const given = props.dose.administration;
  if (given !== null) {
    return (
      <Stack gap={0}>
        <Text size="sm">
          {formatInstant(given.administeredAt)}, {given.volumeMl} mL
          {given.complete ? '' : ' (incomplete)'}
        </Text>
        <Text size="xs" c="dimmed">
          {given.recordedBy ?? ''} {given.note ?? ''}
        </Text>
      </Stack>
    );
  }
  return props.canAdminister ? (
    <Button size="compact-xs" onClick={props.onAdminister}>
      Record administration
    </Button>
  ) : (
    <Text size="sm">not given yet</Text>
  );
}

function amountText(dose: DoseRecordView, amount: number | null): string {
  return amount === null || dose.unit === null ? '—' : doseText(amount, dose.unit);
}

/** A participant's prepared doses and their administration; site staff record the administration. */
export function DoseRecordsTable(props: {
  participant: ParticipantRef;
  doses: readonly DoseRecordView[];
  canAdminister: boolean;
}) {
  const { participant, doses, canAdminister } = props;
  const [administering, setAdministering] = useState<DoseRecordView | null>(null);
  if (doses.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No dose prepared yet.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label="Doses" verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Visit</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Level</Table.Th>
              <Table.Th>Calculated</Table.Th>
              <Table.Th>Prepared</Table.Th>
              <Table.Th>Deviation</Table.Th>
              <Table.Th>Lot</Table.Th>
              <Table.Th>Volume</Table.Th>
              <Table.Th>Prepared by</Table.Th>
              <Table.Th>Administration</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {doses.map((dose) => (
              <Table.Tr key={dose.id}>
                <Table.Td>
                  {dose.visitKey}
                  {dose.occurrence > 1 ? ` #${dose.occurrence}` : ''}
                  {dose.kitCode !== null && (
                    <Text size="xs" ff="monospace">
                      kit {dose.kitCode}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{dose.doseDate}</Table.Td>
                <Table.Td>{dose.masked ? 'masked' : (dose.doseLevel ?? '—')}</Table.Td>
                <Table.Td>{amountText(dose, dose.calculatedAmount)}</Table.Td>
                <Table.Td>{amountText(dose, dose.preparedAmount)}</Table.Td>
                <Table.Td>
                  {dose.deviationPercent === null ? '—' : percentText(dose.deviationPercent)}
                  {dose.withinTolerance === false && (
                    <Text size="xs" c="red.8">
                      beyond tolerance: {dose.deviationReason ?? 'no reason'}
                    </Text>
                  )}
                  {dose.withinTolerance !== false && dose.deviationReason !== null && (
                    <Text size="xs">{dose.deviationReason}</Text>
                  )}
                </Table.Td>
                <Table.Td>{dose.lot ?? '—'}</Table.Td>
                <Table.Td>{dose.volumeMl} mL</Table.Td>
                <Table.Td>
                  {dose.preparedBy ?? '—'}
                  <Text size="xs" c="dimmed">
                    {formatInstant(dose.preparedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AdministrationCell
                    dose={dose}
                    canAdminister={canAdminister}
                    onAdminister={() => setAdministering(dose)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {administering !== null && (
        <AdministrationDialog
          participant={participant}
          dose={administering}
          onClose={() => setAdministering(null)}
        />
      )}
    </>
  );
}
