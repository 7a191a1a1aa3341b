import type { CasebookVisitView } from '@celltrial/contracts';
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { RecordVisitBody } from '../../lib/casebook-api.js';
import { isApiError } from '../../lib/api-error.js';
import type { ParticipantRef } from '../../lib/participants-api.js';
import { ActionError } from '../participants/action-error.js';
import { useRecordVisit } from './use-casebook.js';
import { outsideWindow, windowText } from './visit-status.js';

export interface RecordVisitDialogProps {
  participant: ParticipantRef;
  visit: CasebookVisitView;
  opened: boolean;
  onClose: () => void;
  /** The browser's date, the default visit date. */
  today: string;
}

const MIN_REASON = 3;
const enough = (text: string): boolean => text.trim().length >= MIN_REASON;

interface ServerWindow {
  windowStart: string | null;
  windowEnd: string | null;
}

/** The window the server named when it asked for an out-of-window reason (422 rule out-of-window-reason). */
function outOfWindowRequest(error: unknown): ServerWindow | null {
  if (!isApiError(error, 'BUSINESS_RULE_VIOLATED')) {
    return null;
  }
  const details = (error.details ?? {}) as { rule?: unknown; window?: unknown };
  if (details.rule !== 'out-of-window-reason') {
    return null;
  }
  const window = (details.window ?? {}) as Record<string, unknown>;
  const pick = (...keys: string[]): string | null => {
    const found = keys.map((key) => window[key]).find((value) => typeof value === 'string');
    return typeof found === 'string' ? found : null;
  };
  return { windowStart: pick('windowStart', 'start', 'from'), windowEnd: pick('windowEnd', 'end', 'to') };
}

function buildBody(params: {
  visit: CasebookVisitView;
  status: 'done' | 'missed';
  date: string;
  reason: string;
  outOfWindowReason: string | null;
  reasonForChange: string | null;
}): RecordVisitBody {
  const { visit, status } = params;
  return {
    ...(visit.occurrence === null ? {} : { occurrence: visit.occurrence }),
    status,
    ...(status === 'done' ? { actualDate: params.date } : { reason: params.reason.trim() }),
    ...(params.outOfWindowReason === null ? {} : { outOfWindowReason: params.outOfWindowReason.trim() }),
    expectedRowVersion: visit.rowVersion,
    ...(params.reasonForChange === null ? {} : { reasonForChange: params.reasonForChange.trim() }),
  };
}

/**
 * Records a planned visit as done on a date or as missed with a reason. A date outside the visit window asks for
 * the reason (as the server does); changing a recorded visit asks for a reason for change.
 */
export function RecordVisitDialog({ participant, visit, opened, onClose, today }: RecordVisitDialogProps) {
  const recorded = visit.visitId !== null;
  const [status, setStatus] = useState<'done' | 'missed'>(visit.status === 'missed' ? 'missed' : 'done');
  const [date, setDate] = useState(visit.actualDate ?? today);
  const [reason, setReason] = useState(visit.reason ?? '');
  const [outOfWindowReason, setOutOfWindowReason] = useState(visit.outOfWindowReason ?? '');
  const [reasonForChange, setReasonForChange] = useState('');
  const record = useRecordVisit(participant);
  const serverWindow = outOfWindowRequest(record.error);
  const window = serverWindow ?? visit;
  const needsWindowReason =
    status === 'done' && (serverWindow !== null || outsideWindow(date, { ...visit, ...window }));
  const valid =
    (status === 'done' ? /^\d{4}-\d{2}-\d{2}$/.test(date) : enough(reason)) &&
    (!needsWindowReason || enough(outOfWindowReason)) &&
    (!recorded || enough(reasonForChange));
  const close = () => {
    record.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) {
      return;
    }
    const body = buildBody({
      visit,
      status,
      date,
      reason,
      outOfWindowReason: needsWindowReason ? outOfWindowReason : null,
      reasonForChange: recorded ? reasonForChange : null,
    });
    record.mutate({ visitKey: visit.visitKey, body }, { onSuccess: close });
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`${recorded ? 'Change visit record' : 'Record visit'}: ${visit.name}`}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Planned {visit.plannedDate ?? '—'} · window {windowText(visit)}
          </Text>
          <Radio.Group
            label="Visit status"
            value={status}
            onChange={(value) => setStatus(value === 'missed' ? 'missed' : 'done')}
          >
            <Group gap="md" mt={4}>
              <Radio value="done" label="Done" />
              <Radio value="missed" label="Missed" />
            </Group>
          </Radio.Group>
          {status === 'done' ? (
            <TextInput
              type="date"
              label="Visit date"
              value={date}
              onChange={(event) => {
                setDate(event.currentTarget.value);
                record.reset();
              }}
              required
            />
          ) : (
            <Textarea
              label="Reason the visit was missed"
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              rows={2}
              required
            />
          )}
          {needsWindowReason && (
            <Textarea
              label="Reason for the out-of-window date"
              description={`${date} is outside the visit window (${windowText(window)}).`}
              value={outOfWindowReason}
              onChange={(event) => setOutOfWindowReason(event.currentTarget.value)}
              rows={2}
              required
            />
          )}
          {recorded && (
            <Textarea
              label="Reason for change"
              description="The visit is already recorded; the earlier record stays in the audit trail."
              value={reasonForChange}
              onChange={(event) => setReasonForChange(event.currentTarget.value)}
              rows={2}
              required
            />
          )}
          {record.error !== null && serverWindow === null && (
            <ActionError
              error={record.error}
              title={
                isApiError(record.error, 'STALE_VERSION')
                  ? 'Someone else changed this visit meanwhile; the casebook was reloaded'
                  : undefined
              }
            />
          )}
          {serverWindow !== null && (
            <Alert color="orange" p="xs" role="alert">
              The date is outside the visit window: give the reason above, then save again.
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={!valid} loading={record.isPending}>
              Save visit
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
