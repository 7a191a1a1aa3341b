import type { AdverseEventView } from '@celltrial/contracts';
import { SAE_REPORT_KINDS } from '@celltrial/contracts';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { safetyDownloads, type AdverseEventRef, type SaeReportKind } from '../../lib/safety-api.js';
import { ActionError } from '../participants/action-error.js';
import { ClockWarnings, DeadlineCell } from './deadline-cell.js';
import { formatInstant, localInputOf, localInputToIso } from './local-date-time.js';
import { SUSAR_LABELS, deadlineName, labelOf } from './safety-labels.js';
import { useRecordSaeReport } from './use-safety.js';

const KIND_LABELS: Record<SaeReportKind, string> = {
  initial: 'Initial report',
  'follow-up': 'Follow-up report',
  susar: 'SUSAR report (to the authorities)',
};

function RecordReportDialog(props: { aeRef: AdverseEventRef; opened: boolean; onClose: () => void }) {
  const { aeRef, opened, onClose } = props;
  const record = useRecordSaeReport(aeRef);
  const [kind, setKind] = useState<SaeReportKind>('initial');
  const [sentAt, setSentAt] = useState(() => localInputOf(new Date()));
  const [recipient, setRecipient] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const iso = localInputToIso(sentAt);
  const close = () => {
    record.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (iso === null) {
      return;
    }
    const optional = (key: string, text: string) => (text.trim() === '' ? {} : { [key]: text.trim() });
    record.mutate(
      {
        kind,
        sentAt: iso,
        ...optional('recipient', recipient),
        ...optional('reference', reference),
        ...optional('note', note),
      },
      { onSuccess: close },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title="Record an SAE report sent" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label="Report"
            data={SAE_REPORT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as SaeReportKind)}
          />
          <TextInput
            type="datetime-local"
            label="Sent at"
            description="Local time of this browser; not in the future, not before awareness"
            value={sentAt}
            onChange={(event) => setSentAt(event.currentTarget.value)}
            error={iso === null ? 'Give the date and time the report was sent' : undefined}
            required
          />
          <TextInput
            label="Recipient"
            value={recipient}
            onChange={(e) => setRecipient(e.currentTarget.value)}
          />
          <TextInput
            label="Reference"
            description="E.g. the sponsor's case number"
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
          />
          <Textarea label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} rows={2} />
          <ActionError error={record.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={iso === null} loading={record.isPending}>
              Record report
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A serious AE's reporting deadlines, the reports sent, and the SAE report as HTML and PDF. */
export function SaePanel({ ae, canWrite }: { ae: AdverseEventView; canWrite: boolean }) {
  const [recording, setRecording] = useState(false);
  const aeRef = { studyId: ae.studyId, participantId: ae.participantId, aeId: ae.id };
  const clock = ae.clock;
  const deadlines = clock === null ? [] : [clock.initial, clock.susar].filter((d) => d !== null);
  return (
    <Paper p="md" component="section" aria-labelledby="sae-panel">
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="h4" id="sae-panel">
          Serious adverse event: reporting
        </Title>
        <Group gap="sm">
          <Anchor href={safetyDownloads.saeReportHtml(aeRef)} target="_blank" size="sm">
            SAE report (HTML)
          </Anchor>
          <Anchor href={safetyDownloads.saeReportPdf(aeRef)} size="sm" download>
            SAE report (PDF)
          </Anchor>
          {canWrite && (
            <Button size="xs" onClick={() => setRecording(true)}>
              Record report
            </Button>
          )}
        </Group>
      </Group>
      <Stack gap="xs">
        {clock?.overdue === true && (
          <Alert color="red" role="alert" p="xs" title="Report overdue">
            A reporting deadline has passed without a report. Send it and record it here.
          </Alert>
        )}
        <Text size="sm">
          {labelOf(SUSAR_LABELS, ae.susar)} · aware {formatInstant(ae.awarenessAt)}
        </Text>
        {clock !== null && <ClockWarnings clock={clock} />}
        {deadlines.length > 0 && (
          <Table aria-label="Reporting deadlines" verticalSpacing={4} maw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Report</Table.Th>
                <Table.Th>Deadline</Table.Th>
                <Table.Th>Sent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deadlines.map((d) => (
                <Table.Tr key={d.report}>
                  <Table.Td>{deadlineName(d)}</Table.Td>
                  <Table.Td>
                    <DeadlineCell deadline={d} />
                  </Table.Td>
                  <Table.Td>{formatInstant(d.reportedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {ae.reports.length === 0 ? (
          <Text size="sm" c="dimmed">
            No report recorded yet.
          </Text>
        ) : (
          <Table aria-label="SAE reports sent" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Report</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th>Recipient</Table.Th>
                <Table.Th>Reference</Table.Th>
                <Table.Th>Recorded by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ae.reports.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{KIND_LABELS[r.kind]}</Table.Td>
                  <Table.Td>{formatInstant(r.sentAt)}</Table.Td>
                  <Table.Td>{r.recipient ?? '—'}</Table.Td>
                  <Table.Td>{r.reference ?? '—'}</Table.Td>
                  <Table.Td>
                    {r.recordedBy ?? '—'} ({formatInstant(r.recordedAt)})
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {recording && (
        <RecordReportDialog aeRef={aeRef} opened={recording} onClose={() => setRecording(false)} />
      )}
    </Paper>
  );
}
