import type { CasebookView, CasebookVisitView, FormSummaryView } from '@celltrial/contracts';
import { Anchor, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AccessCheck } from '../participants/use-study-access.js';
import { FormMarks, LockedBadge, VisitStatusBadge } from './casebook-badges.js';
import { formUrl, newVisitFormUrl } from './casebook-urls.js';
import { LockAction, UnlockAction, activeLock, lockDetail } from './lock-actions.js';
import { RecordVisitDialog } from './record-visit-dialog.js';
import { windowText } from './visit-status.js';

export interface VisitTableProps {
  casebook: CasebookView;
  can: AccessCheck;
  today: string;
}

/** A stable key for a visit row (a repeating visit has one row per occurrence; unscheduled ones have an id). */
export function visitRowKey(visit: CasebookVisitView): string {
  return visit.unscheduled
    ? `unscheduled#${visit.visitId ?? ''}`
    : `${visit.visitKey}#${visit.occurrence ?? ''}`;
}

function FormLink(props: {
  casebook: CasebookView;
  visit: CasebookVisitView;
  form: FormSummaryView;
  canWrite: boolean;
}) {
  const { casebook, visit, form, canWrite } = props;
  const ref = { studyId: casebook.participant.studyId, participantId: casebook.participant.id };
  let to: string | null = null;
  if (form.formRecordId !== null) {
    to = formUrl({ ...ref, formRecordId: form.formRecordId });
  } else if (visit.visitId !== null && canWrite && !visit.locked) {
    to = newVisitFormUrl({ ...ref, visitId: visit.visitId, formKey: form.formKey });
  }
  return (
    <Group gap={6} wrap="nowrap">
      {to === null ? (
        <Text
          span
          size="sm"
          c="dimmed"
          title={visit.visitId === null ? 'Record the visit first' : 'Not started'}
        >
          {form.name}
        </Text>
      ) : (
        <Anchor component={Link} to={to} size="sm">
          {form.name}
        </Anchor>
      )}
      <FormMarks form={form} />
      {form.summary !== null && (
        <Text span size="xs" c="dimmed">
          {form.summary}
        </Text>
      )}
    </Group>
  );
}

function VisitName({ visit }: { visit: CasebookVisitView }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {visit.name}
        {visit.occurrence !== null && visit.occurrence > 1 ? ` (${visit.occurrence})` : ''}
      </Text>
      <Group gap={4}>
        {visit.epoch !== null && (
          <Text size="xs" c="dimmed">
            {visit.epoch}
          </Text>
        )}
        {visit.unscheduled && (
          <Badge size="xs" variant="outline" color="gray" tt="none">
            unscheduled
          </Badge>
        )}
        {visit.anchorSource === 'assumed' && (
          <Text
            size="xs"
            c="orange.8"
            title="The date this visit is planned from is assumed, not recorded yet"
          >
            assumed anchor
          </Text>
        )}
      </Group>
    </Stack>
  );
}

function ActualCell({ visit }: { visit: CasebookVisitView }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{visit.actualDate ?? '—'}</Text>
      {visit.status === 'missed' && visit.reason !== null && (
        <Text size="xs" c="dimmed">
          {visit.reason}
        </Text>
      )}
      {visit.outOfWindowReason !== null && (
        <Text size="xs" c="dimmed">
          Out of window: {visit.outOfWindowReason}
        </Text>
      )}
    </Stack>
  );
}

/** The visit calendar: window, planned and actual dates, status with days, the visit's forms, actions. */
export function VisitTable({ casebook, can, today }: VisitTableProps) {
  const [recording, setRecording] = useState<CasebookVisitView | null>(null);
  const { participant } = casebook;
  const ref = { studyId: participant.studyId, participantId: participant.id };
  const canWrite = can('form:write', participant.siteId);
  const canLock = can('form:lock', participant.siteId);
  return (
    <>
      <Table.ScrollContainer minWidth={960}>
        <Table aria-label="Visits" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Visit</Table.Th>
              <Table.Th>Window</Table.Th>
              <Table.Th>Planned</Table.Th>
              <Table.Th>Actual</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Forms</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {casebook.visits.map((visit) => {
              const lock =
                visit.visitId === null
                  ? undefined
                  : activeLock(casebook.locks, (l) => l.scope === 'visit' && l.visitId === visit.visitId);
              return (
                <Table.Tr key={visitRowKey(visit)} data-visit={visit.visitKey}>
                  <Table.Td>
                    <VisitName visit={visit} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{windowText(visit)}</Table.Td>
                  <Table.Td>{visit.plannedDate ?? '—'}</Table.Td>
                  <Table.Td>
                    <ActualCell visit={visit} />
                  </Table.Td>
                  <Table.Td>
                    <VisitStatusBadge status={visit.status} days={visit.days} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {visit.forms.map((form) => (
                        <FormLink
                          key={`${form.formKey}#${form.entryNumber}`}
                          casebook={casebook}
                          visit={visit}
                          form={form}
                          canWrite={canWrite}
                        />
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      {visit.locked && <LockedBadge {...(lock ? { detail: lockDetail(lock) } : {})} />}
                      {canWrite && !visit.locked && !visit.unscheduled && visit.status !== 'not-expected' && (
                        <Button size="xs" variant="light" onClick={() => setRecording(visit)}>
                          {visit.visitId === null ? 'Record visit' : 'Change visit'}
                        </Button>
                      )}
                      {canLock && lock !== undefined && (
                        <UnlockAction studyId={ref.studyId} lock={lock} what={`visit ${visit.name}`} />
                      )}
                      {canLock && !visit.locked && visit.visitId !== null && (
                        <LockAction
                          studyId={ref.studyId}
                          target={{
                            scope: 'visit',
                            participantId: ref.participantId,
                            visitId: visit.visitId,
                          }}
                          what={`visit ${visit.name}`}
                          label="Lock visit"
                        />
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {recording !== null && (
        <RecordVisitDialog
          key={visitRowKey(recording)}
          participant={ref}
          visit={casebook.visits.find((v) => visitRowKey(v) === visitRowKey(recording)) ?? recording}
          opened
          onClose={() => setRecording(null)}
          today={today}
        />
      )}
    </>
  );
}
