import type { AdverseEventView, ReportingDeadlineView } from '@celltrial/contracts';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../lib/api-error.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { casebookUrl } from '../casebook/casebook-urls.js';
import { participantUrl } from '../participants/participant-urls.js';
import { useParticipant } from '../participants/use-participants.js';
import { useStudyAccess } from '../participants/use-study-access.js';
import { useStudyId } from '../studies/use-study-id.js';
import { AeProposalsTable } from './ae-proposals-table.js';
import { deadlineColor, deadlineStatusText, OUTCOME_LABELS, SUSAR_LABELS, labelOf } from './safety-labels.js';
import { aeUrl, newAeUrl, safetyUrl } from './safety-urls.js';
import { useAdverseEvents, useAeProposals } from './use-safety.js';

/** Links back to the participant's casebook, page and the study's Safety section. */
export function AeBackLinks({ studyId, participantId }: { studyId: string; participantId: string }) {
  return (
    <Group gap="md">
      <Anchor component={Link} to={casebookUrl(studyId, participantId)} size="sm">
        ← Casebook
      </Anchor>
      <Anchor component={Link} to={participantUrl(studyId, participantId)} size="sm">
        Participant
      </Anchor>
      <Anchor component={Link} to={safetyUrl(studyId)} size="sm">
        Safety
      </Anchor>
    </Group>
  );
}

function SaeStatus({ ae }: { ae: AdverseEventView }) {
  if (!ae.serious) {
    return <Text size="sm">No</Text>;
  }
  const open = [ae.clock?.initial, ae.clock?.susar].filter(
    (d): d is ReportingDeadlineView => d !== null && d !== undefined && d.status !== 'met',
  );
  return (
    <Stack gap={2}>
      <Group gap={4}>
        <Badge color="red" variant="light" size="sm">
          SAE
        </Badge>
        {ae.susar === 'susar' && (
          <Badge color="red" variant="filled" size="sm">
            {SUSAR_LABELS.susar}
          </Badge>
        )}
      </Group>
      {open.map((d) => (
        <Text key={d.report} size="xs" c={deadlineColor(d) === 'red' ? 'red.8' : undefined} fw={600}>
          {d.report === 'initial' ? 'Initial' : 'SUSAR'}: {deadlineStatusText(d)}
        </Text>
      ))}
    </Stack>
  );
}

function AeTableRows({ studyId, aes }: { studyId: string; aes: readonly AdverseEventView[] }) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table aria-label="Adverse events" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>No.</Table.Th>
            <Table.Th>Term</Table.Th>
            <Table.Th>Onset</Table.Th>
            <Table.Th>Resolved</Table.Th>
            <Table.Th>Grade</Table.Th>
            <Table.Th>Serious</Table.Th>
            <Table.Th>Related</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th>Version</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {aes.map((ae) => (
            <Table.Tr key={ae.id} bg={ae.clock?.overdue === true ? 'red.0' : undefined}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={aeUrl({ studyId, participantId: ae.participantId, aeId: ae.id })}
                  size="sm"
                >
                  AE {ae.aeNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ae.term}</Text>
                {ae.ctcaeTerm !== null && (
                  <Text size="xs" c="dimmed">
                    CTCAE: {ae.ctcaeTerm} ({ae.soc})
                  </Text>
                )}
                {ae.source === 'lab-proposal' && (
                  <Text size="xs" c="dimmed">
                    from a lab value
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{ae.onsetDate}</Table.Td>
              <Table.Td>{ae.ongoing ? 'ongoing' : (ae.resolutionDate ?? '—')}</Table.Td>
              <Table.Td>{ae.grade}</Table.Td>
              <Table.Td>
                <SaeStatus ae={ae} />
              </Table.Td>
              <Table.Td>{ae.related ? 'Yes' : 'No'}</Table.Td>
              <Table.Td>{labelOf(OUTCOME_LABELS, ae.outcome)}</Table.Td>
              <Table.Td>{ae.version}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper p="md" component="section" aria-labelledby={id}>
      <Title order={3} fz="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A participant's adverse-event log: every AE (SAE deadlines at a glance) and pending lab AE proposals. */
export function AeLogPage() {
  const studyId = useStudyId();
  const { participantId = '' } = useParams();
  const ref = { studyId, participantId };
  const participant = useParticipant(ref);
  const list = useAdverseEvents(ref);
  const proposals = useAeProposals(ref);
  const can = useStudyAccess(studyId);
  const back = <AeBackLinks studyId={studyId} participantId={participantId} />;
  if (list.isPending || participant.isPending) {
    return <LoadingBlock label="Loading adverse events…" />;
  }
  if (list.isError || participant.isError) {
    const error = list.isError ? list.error : participant.error;
    return (
      <Stack gap="sm">
        {back}
        <QueryError
          title={
            isApiError(error, 'NOT_FOUND') ? 'Participant not found' : 'Could not load the adverse events'
          }
          error={error}
          onRetry={() => void (list.isError ? list.refetch() : participant.refetch())}
        />
      </Stack>
    );
  }
  const p = participant.data;
  const { adverseEvents, ctcaeVersion, aeGradeThreshold } = list.data;
  return (
    <>
      {back}
      <PageHeader
        title={`Adverse events ${p.subjectNumber ?? p.screeningNumber}`}
        description={`Site ${p.siteCode} · CTCAE ${ctcaeVersion} · lab values of grade ${aeGradeThreshold} or more propose an AE`}
        actions={
          can('safety:write', p.siteId) && (
            <Button component={Link} to={newAeUrl(studyId, participantId)} size="xs">
              Record adverse event
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Section id="ae-log" title="Adverse event log">
          {adverseEvents.length === 0 ? (
            <Text size="sm" c="dimmed">
              No adverse events recorded.
            </Text>
          ) : (
            <AeTableRows studyId={studyId} aes={adverseEvents} />
          )}
        </Section>
        <Section id="ae-log-proposals" title="Lab values proposing an AE">
          {proposals.isError ? (
            <QueryError title="Could not load the proposals" error={proposals.error} />
          ) : (
            <AeProposalsTable
              studyId={studyId}
              proposals={(proposals.data?.proposals ?? []).map((proposal) => ({
                proposal,
                siteId: p.siteId,
              }))}
              can={can}
              showParticipant={false}
            />
          )}
        </Section>
      </Stack>
    </>
  );
}
