import type { CasebookView } from '@celltrial/contracts';
import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../lib/api-error.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { ActionError } from '../participants/action-error.js';
import { ParticipantStatusBadge } from '../participants/participant-badges.js';
import { participantUrl } from '../participants/participant-urls.js';
import { useStudyAccess, type AccessCheck } from '../participants/use-study-access.js';
import { localIsoDate } from '../protocol/schedule/local-date.js';
import { useStudyId } from '../studies/use-study-id.js';
import { LockedBadge, SyntheticBadge } from './casebook-badges.js';
import { CasebookLogs, casebookLocked } from './casebook-logs.js';
import { casebooksUrl, queriesUrl } from './casebook-urls.js';
import { LockAction, UnlockAction, activeLock, lockDetail } from './lock-actions.js';
import { CASEBOOK_SIGNATURE_STATEMENT, SignAction, SignatureLine } from './sign-action.js';
import { UnscheduledVisitAction } from './unscheduled-visit-action.js';
import { END_REASON_LABELS, EndParticipationAction } from './end-participation-action.js';
import { useCasebook, useSignCasebook } from './use-casebook.js';
import { VisitTable } from './visit-table.js';

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

function CasebookFacts({ casebook }: { casebook: CasebookView }) {
  const { participant } = casebook;
  return (
    <Paper p="sm" component="section" aria-label="Casebook summary">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" verticalSpacing="xs">
        <Fact label="Subject no.">{participant.subjectNumber ?? '—'}</Fact>
        <Fact label="Screening no.">
          <Anchor component={Link} to={participantUrl(participant.studyId, participant.id)} size="sm">
            {participant.screeningNumber}
          </Anchor>
        </Fact>
        <Fact label="Site">{participant.siteCode}</Fact>
        <Fact label="Open queries">
          {casebook.openQueries === 0 ? (
            '0'
          ) : (
            <Anchor
              component={Link}
              to={queriesUrl(participant.studyId, { status: 'open', participant: participant.id })}
              size="sm"
              c="red.8"
              fw={700}
            >
              {casebook.openQueries}
            </Anchor>
          )}
        </Fact>
        <Fact label="As of">{casebook.asOf}</Fact>
        <Fact label="Casebook signature">
          {casebook.signature === null ? 'not signed' : <SignatureLine signature={casebook.signature} />}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}

function CasebookActions(props: { casebook: CasebookView; can: AccessCheck; today: string }) {
  const { casebook, can, today } = props;
  const { participant } = casebook;
  const ref = { studyId: participant.studyId, participantId: participant.id };
  const [error, setError] = useState<unknown>(null);
  const sign = useSignCasebook(ref);
  const locked = casebookLocked(casebook);
  const lock = activeLock(
    casebook.locks,
    (l) => l.scope === 'casebook' && l.participantId === participant.id,
  );
  const name = participant.subjectNumber ?? participant.screeningNumber;
  const site = participant.siteId;
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs" justify="flex-end">
        {can('form:write', site) && !locked && <UnscheduledVisitAction participant={ref} today={today} />}
        {can('subject:write', site) && !locked && participant.status === 'enrolled' && (
          <EndParticipationAction participant={ref} rowVersion={participant.rowVersion} today={today} />
        )}
        {can('form:sign', site) && casebook.signature === null && (
          <SignAction
            label="Sign casebook"
            title={`Sign casebook: ${name}`}
            statement={CASEBOOK_SIGNATURE_STATEMENT}
            detail={`Participant ${name}, every form as saved now.`}
            blockedReason={locked ? 'The casebook is locked.' : null}
            sign={(onFailed) => sign.mutate(undefined, { onError: onFailed })}
            pending={sign.isPending}
            onError={setError}
          />
        )}
        {can('form:lock', site) && lock !== undefined && (
          <UnlockAction studyId={ref.studyId} lock={lock} what={`the casebook of ${name}`} />
        )}
        {can('form:lock', site) && !locked && (
          <LockAction
            studyId={ref.studyId}
            target={{ scope: 'casebook', participantId: participant.id }}
            what={`the casebook of ${name}`}
            label="Lock casebook"
          />
        )}
      </Group>
      <ActionError error={error} />
    </Stack>
  );
}

/** One participant's casebook: summary, visit calendar with forms, logs, signature and locks. */
export function CasebookPage() {
  const studyId = useStudyId();
  const { participantId = '' } = useParams();
  const casebook = useCasebook({ studyId, participantId });
  const can = useStudyAccess(studyId);
  const [today] = useState(() => localIsoDate(new Date()));
  const back = (
    <Anchor component={Link} to={casebooksUrl(studyId)} size="sm">
      ← Casebooks
    </Anchor>
  );
  if (casebook.isPending) {
    return <LoadingBlock label="Loading casebook…" />;
  }
  if (casebook.isError) {
    const title = isApiError(casebook.error, 'NOT_FOUND')
      ? 'Casebook not found'
      : 'Could not load the casebook';
    return (
      <Stack gap="sm">
        {back}
        <QueryError title={title} error={casebook.error} onRetry={() => void casebook.refetch()} />
      </Stack>
    );
  }
  const view = casebook.data;
  const { participant } = view;
  const wideLock = activeLock(
    view.locks,
    (l) => l.scope === 'study' || (l.scope === 'casebook' && l.participantId === participant.id),
  );
  return (
    <>
      {back}
      <PageHeader
        title={
          <Group gap="sm">
            Casebook {participant.subjectNumber ?? participant.screeningNumber}
            <ParticipantStatusBadge status={participant.status} />
            {view.synthetic && <SyntheticBadge />}
            {wideLock !== undefined && <LockedBadge detail={lockDetail(wideLock)} />}
          </Group>
        }
        description={`Site ${participant.siteCode} · screening number ${participant.screeningNumber} · protocol version ${participant.protocolVersion}`}
        actions={<CasebookActions casebook={view} can={can} today={today} />}
      />
      <Stack gap="md">
        <CasebookFacts casebook={view} />
        {view.synthetic && (
          <Alert color="grape" p="xs" role="note">
            This casebook holds generated demonstration data. It describes no real person.
          </Alert>
        )}
        {participant.endOfParticipation !== null && (
          <Alert color="gray" p="xs" role="note">
            Participation ended on {participant.endOfParticipation.date} (
            {END_REASON_LABELS[participant.endOfParticipation.reason]})
            {participant.endOfParticipation.note === null ? '' : `: ${participant.endOfParticipation.note}`}.
            Later visits are no longer expected.
          </Alert>
        )}
        {view.calendarNote !== null && (
          <Alert color="yellow" p="xs" role="note">
            {view.calendarNote}
          </Alert>
        )}
        <Paper component="section" aria-labelledby="casebook-visits">
          <Title order={3} fz="h5" id="casebook-visits" px="md" pt="sm">
            Visits
          </Title>
          {view.visits.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" pb="md">
              No visits in this participant&apos;s calendar yet.
            </Text>
          ) : (
            <VisitTable casebook={view} can={can} today={today} />
          )}
        </Paper>
        <CasebookLogs casebook={view} can={can} />
      </Stack>
    </>
  );
}
