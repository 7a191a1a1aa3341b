import type { EscalationBoardView } from '@celltrial/contracts';
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../../lib/api-error.js';
import { ReauthenticateModal } from '../../ui/reauthenticate-modal.js';
import { ActionError } from '../participants/action-error.js';
import { formatInstant } from '../safety/local-date-time.js';
import { DltAssessmentDialog, type BoardParticipant } from './dlt-assessment-dialog.js';
import {
  DLT_SIGNATURE_STATEMENT,
  DLT_STATUS_COLORS,
  DLT_STATUS_LABELS,
  decisionText,
} from './escalation-labels.js';
import { useConfirmDecision, useSignDltAssessment } from './use-escalation.js';

type Cohort = EscalationBoardView['cohorts'][number];
type Design = NonNullable<EscalationBoardView['design']>;

export interface CohortPermissions {
  /** May record DLT assessments at the participant's site (site code). */
  canWrite: (siteCode: string) => boolean;
  /** May sign DLT assessments at the participant's site. */
  canSign: (siteCode: string) => boolean;
  /** Investigator or study admin: may confirm decisions. */
  canDecide: boolean;
}

function SignAssessment({ studyId, participant }: { studyId: string; participant: BoardParticipant }) {
  const [open, setOpen] = useState(false);
  const sign = useSignDltAssessment({ studyId, participantId: participant.participantId });
  const version = participant.assessment?.version ?? 0;
  return (
    <>
      <Button size="compact-xs" color="green" onClick={() => setOpen(true)} loading={sign.isPending}>
        Sign assessment
      </Button>
      <ReauthenticateModal
        opened={open}
        onClose={() => setOpen(false)}
        onConfirmed={() => {
          setOpen(false);
          sign.mutate(version, {
            onError: (error) => isApiError(error, 'REAUTHENTICATION_REQUIRED') && setOpen(true),
          });
        }}
        title={`Sign DLT assessment: ${participant.participantNumber}`}
        statement={DLT_SIGNATURE_STATEMENT}
      />
      <ActionError error={sign.error} />
    </>
  );
}

function AssessmentText({ participant }: { participant: BoardParticipant }) {
  const a = participant.assessment;
  if (a === null) {
    return <Text size="xs">not recorded</Text>;
  }
  return (
    <Stack gap={0}>
      <Text size="xs">
        {a.dlt ? `DLT, onset ${a.dltDate ?? '—'}` : 'No DLT'} · version {a.version}
        {a.evaluable === true && ' · evaluable'}
        {a.evaluable === false && ' · not evaluable'}
      </Text>
      <Text size="xs" c={a.signedAt === null ? 'orange.8' : 'dimmed'}>
        {a.signedAt === null
          ? `saved by ${a.decidedBy ?? '—'}, not signed`
          : `signed by ${a.signedBy ?? '—'} ${formatInstant(a.signedAt)}`}
      </Text>
    </Stack>
  );
}

function ConfirmDecision({ studyId, cohort, design }: { studyId: string; cohort: Cohort; design: Design }) {
  const [step, setStep] = useState<'closed' | 'review' | 'password'>('closed');
  const [note, setNote] = useState('');
  const confirm = useConfirmDecision(studyId);
  const decision = decisionText(cohort, design);
  const send = () => {
    setStep('closed');
    confirm.mutate(
      {
        cohort: cohort.cohort,
        decision: cohort.decision ?? '',
        dlts: cohort.dlts,
        evaluable: cohort.evaluable,
        ...(note.trim() === '' ? {} : { note: note.trim() }),
      },
      { onError: (error) => isApiError(error, 'REAUTHENTICATION_REQUIRED') && setStep('password') },
    );
  };
  return (
    <Stack gap={4} align="flex-start">
      <Button size="xs" onClick={() => setStep('review')} loading={confirm.isPending}>
        Confirm decision
      </Button>
      <ActionError error={confirm.error} title="Decision not confirmed" />
      <Modal
        opened={step === 'review'}
        onClose={() => setStep('closed')}
        title={`Confirm decision: cohort ${cohort.cohort}`}
        centered
      >
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {decision}
          </Text>
          <Text size="sm">
            {cohort.dlts} DLT(s) in {cohort.evaluable} evaluable participant(s) at {cohort.levelName}
            {cohort.levelPatients === null
              ? ''
              : `; ${cohort.levelDlts ?? 0} of ${cohort.levelPatients} at this level in all`}
            .
          </Text>
          {cohort.summary !== null && (
            <Text size="xs" c="dimmed">
              {cohort.summary}
            </Text>
          )}
          <Textarea
            label="Note (optional)"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            rows={2}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setStep('closed')}>
              Cancel
            </Button>
            <Button onClick={() => setStep('password')}>Continue</Button>
          </Group>
        </Stack>
      </Modal>
      <ReauthenticateModal
        opened={step === 'password'}
        onClose={() => setStep('closed')}
        onConfirmed={send}
        title={`Sign decision: cohort ${cohort.cohort}`}
        statement={`I confirm the dose-escalation decision for cohort ${cohort.cohort}: ${decision}.`}
      />
    </Stack>
  );
}

/** One cohort: its dose level, each participant's DLT status and assessment, counts and the decision. */
export function CohortCard(props: {
  studyId: string;
  cohort: Cohort;
  design: Design;
  permissions: CohortPermissions;
}) {
  const { studyId, cohort, design, permissions } = props;
  const [assessing, setAssessing] = useState<BoardParticipant | null>(null);
  const titleId = `cohort-${cohort.cohort}`;
  const decision = decisionText(cohort, design);
  return (
    <Paper p="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="h4" id={titleId}>
          Cohort {cohort.cohort} — {cohort.levelName}
        </Title>
        <Text size="sm">
          {cohort.dlts} DLT · {cohort.evaluable} evaluable · {cohort.pending} pending · {cohort.notEvaluable}{' '}
          not evaluable
        </Text>
      </Group>
      <Table aria-label={`Cohort ${cohort.cohort} participants`} verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Participant</Table.Th>
            <Table.Th>DLT status</Table.Th>
            <Table.Th>First dose</Table.Th>
            <Table.Th>Window end</Table.Th>
            <Table.Th>Assessment</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cohort.participants.map((p) => (
            <Table.Tr key={p.participantId} data-participant={p.participantNumber}>
              <Table.Td>
                {p.participantNumber}
                <Text size="xs" c="dimmed">
                  {p.siteCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={DLT_STATUS_COLORS[p.status]} variant="light" tt="none" title={p.explanation}>
                  {DLT_STATUS_LABELS[p.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{p.firstDoseDate ?? '—'}</Table.Td>
              <Table.Td>{p.windowEnd ?? '—'}</Table.Td>
              <Table.Td>
                <AssessmentText participant={p} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {permissions.canWrite(p.siteCode) && p.firstDoseDate !== null && (
                    <Button size="compact-xs" variant="light" onClick={() => setAssessing(p)}>
                      {p.assessment === null ? 'Record DLT assessment' : 'Change assessment'}
                    </Button>
                  )}
                  {permissions.canSign(p.siteCode) &&
                    p.assessment !== null &&
                    p.assessment.signedAt === null && <SignAssessment studyId={studyId} participant={p} />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" align="flex-start" mt="sm">
        <Stack gap={2}>
          <Text size="sm" fw={700} role="status" aria-label={`Cohort ${cohort.cohort} decision`}>
            {decision}
          </Text>
          {cohort.summary !== null && (
            <Text size="xs" c="dimmed">
              {cohort.summary}
            </Text>
          )}
          {cohort.confirmation !== null && (
            <Text size="xs" c="green.8">
              Confirmed by {cohort.confirmation.confirmedBy ?? '—'} on{' '}
              {formatInstant(cohort.confirmation.confirmedAt)}
              {cohort.confirmation.note === null ? '' : ` — ${cohort.confirmation.note}`}
            </Text>
          )}
        </Stack>
        {cohort.complete && cohort.confirmation === null && permissions.canDecide && (
          <ConfirmDecision studyId={studyId} cohort={cohort} design={design} />
        )}
      </Group>
      {assessing !== null && (
        <DltAssessmentDialog
          studyId={studyId}
          participant={assessing}
          canSign={permissions.canSign(assessing.siteCode)}
          onClose={() => setAssessing(null)}
        />
      )}
    </Paper>
  );
}
