import type { ParticipantView } from '@celltrial/contracts';
import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../lib/api-error.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { SyntheticBadge } from '../casebook/casebook-badges.js';
import { aeLogUrl } from '../safety/safety-urls.js';
import { QueryError } from '../../ui/query-error.js';
import { localIsoDate } from '../protocol/schedule/local-date.js';
import { useCurrentProtocol } from '../protocol/use-protocol.js';
import { ScreeningForm } from '../screening/screening-form.js';
import { casebookUrl } from '../casebook/casebook-urls.js';
import { useScreening } from '../screening/use-screening.js';
import { useStudyId } from '../studies/use-study-id.js';
import { ParticipantStatusBadge, VerdictBadge, participantStatusLabel } from './participant-badges.js';
import { ParticipantActions } from './participant-actions.js';
import { isoDay, participantsUrl } from './participant-urls.js';
import { UnblindedBanner, type UnblindResult } from './unblind-action.js';
import { useParticipant } from './use-participants.js';
import { useStudyAccess, type AccessCheck } from './use-study-access.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts="0.03em">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function ParticipantFacts({ participant }: { participant: ParticipantView }) {
  const { eligibility, allocation } = participant;
  return (
    <Paper p="sm" aria-label="Participant summary" component="section">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" verticalSpacing="xs">
        <Fact label="Screening no.">{participant.screeningNumber}</Fact>
        <Fact label="Subject no.">{participant.subjectNumber ?? '—'}</Fact>
        <Fact label="Site">{participant.siteCode}</Fact>
        <Fact label="Saved verdict">
          {eligibility ? (
            <Group gap={6}>
              <VerdictBadge verdict={eligibility.verdict} />
              <Text span size="xs" c="dimmed">
                rev. {eligibility.recordRevision}
                {eligibility.confirmedAt !== null && `, signed ${isoDay(eligibility.confirmedAt)}`}
              </Text>
            </Group>
          ) : (
            'not evaluated'
          )}
        </Fact>
        <Fact label="Enrolled">{isoDay(participant.enrolledAt)}</Fact>
        <Fact label={participant.cohort === null ? 'Kit code' : 'Cohort'}>
          {participant.cohort ?? (
            <Text span ff="monospace" fw={allocation ? 700 : undefined} aria-label="Kit code">
              {allocation?.kitCode ?? '—'}
            </Text>
          )}
          {allocation?.arm && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({allocation.arm.name})
            </Text>
          )}
        </Fact>
      </SimpleGrid>
      {participant.screenFailure && (
        <Text size="sm" mt="xs" c="red.8">
          Screen failure: {participant.screenFailure.note}
          {participant.screenFailure.criteria.length > 0 &&
            ` (criteria: ${participant.screenFailure.criteria.join(', ')})`}
        </Text>
      )}
    </Paper>
  );
}

function readOnlyReason(participant: ParticipantView, can: AccessCheck): string | null {
  if (participant.status !== 'screening') {
    return `Screening is closed: the participant is ${participantStatusLabel(participant.status).toLowerCase()}. The record below is the last saved revision.`;
  }
  if (!can('subject:write', participant.siteId)) {
    return 'You may read this screening record; your role at this site does not allow changing it.';
  }
  return null;
}

/** One participant: summary, the actions their status allows, and the screening form with the live check. */
export function ParticipantPage() {
  const studyId = useStudyId();
  const { participantId = '' } = useParams();
  const ref = { studyId, participantId };
  const participant = useParticipant(ref);
  const screening = useScreening(ref);
  const protocol = useCurrentProtocol(studyId);
  const can = useStudyAccess(studyId);
  const [dirty, setDirty] = useState(false);
  const [unblinded, setUnblinded] = useState<UnblindResult | null>(null);
  const [today] = useState(() => localIsoDate(new Date()));
  const back = (
    <Group gap="md">
      <Anchor component={Link} to={participantsUrl(studyId)} size="sm">
        ← Participants
      </Anchor>
      <Anchor component={Link} to={casebookUrl(studyId, participantId)} size="sm">
        Casebook →
      </Anchor>
      <Anchor component={Link} to={aeLogUrl(studyId, participantId)} size="sm">
        Adverse events →
      </Anchor>
    </Group>
  );
  if (participant.isPending) {
    return <LoadingBlock label="Loading participant…" />;
  }
  if (participant.isError) {
    const title = isApiError(participant.error, 'NOT_FOUND')
      ? 'Participant not found'
      : 'Could not load the participant';
    return (
      <Stack gap="sm">
        {back}
        <QueryError title={title} error={participant.error} onRetry={() => void participant.refetch()} />
      </Stack>
    );
  }
  const view = participant.data;
  const versionNote =
    protocol.data && protocol.data.current.version !== view.protocolVersion
      ? `The live check uses protocol version ${protocol.data.current.version}; this participant was registered under version ${view.protocolVersion}, which the server applies on save.`
      : null;
  return (
    <>
      {back}
      <PageHeader
        title={
          <Group gap="sm">
            {view.subjectNumber ?? view.screeningNumber}
            <ParticipantStatusBadge status={view.status} />
            {view.synthetic && <SyntheticBadge />}
          </Group>
        }
        description={`Screening number ${view.screeningNumber} · site ${view.siteCode} · registered ${isoDay(view.createdAt)} · protocol version ${view.protocolVersion}`}
        actions={
          protocol.data &&
          screening.data && (
            <ParticipantActions
              participant={view}
              protocol={protocol.data.protocol}
              screening={screening.data}
              dirty={dirty}
              can={can}
              onUnblinded={setUnblinded}
            />
          )
        }
      />
      <Stack gap="md">
        {unblinded && <UnblindedBanner result={unblinded} onDismiss={() => setUnblinded(null)} />}
        <ParticipantFacts participant={view} />
        {versionNote && (
          <Alert color="yellow" p="xs" role="note">
            {versionNote}
          </Alert>
        )}
        {(screening.isPending || protocol.isPending) && <LoadingBlock label="Loading screening record…" />}
        {screening.isError && (
          <QueryError
            title="Could not load the screening record"
            error={screening.error}
            onRetry={() => void screening.refetch()}
          />
        )}
        {protocol.isError && (
          <QueryError
            title="Could not load the protocol"
            error={protocol.error}
            onRetry={() => void protocol.refetch()}
          />
        )}
        {screening.data && protocol.data && (
          <ScreeningForm
            key={screening.data.revision}
            participant={ref}
            protocol={protocol.data.protocol}
            screening={screening.data}
            readOnlyReason={readOnlyReason(view, can)}
            today={today}
            onReload={() => void screening.refetch()}
            onDirtyChange={setDirty}
          />
        )}
      </Stack>
    </>
  );
}
