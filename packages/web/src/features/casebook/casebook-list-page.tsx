import type { DataLockView, ParticipantView } from '@celltrial/contracts';
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { ParticipantStatusBadge } from '../participants/participant-badges.js';
import { useParticipants } from '../participants/use-participants.js';
import { useStudyAccess } from '../participants/use-study-access.js';
import { useDataQueries } from '../queries/use-queries.js';
import { useStudyId } from '../studies/use-study-id.js';
import { casebookUrl, queriesUrl } from './casebook-urls.js';
import { LockAction, UnlockAction, lockDetail } from './lock-actions.js';
import { useLocks } from './use-casebook.js';

function CasebookTable(props: {
  studyId: string;
  participants: ParticipantView[];
  openQueries: ReadonlyMap<string, number>;
}) {
  const { studyId, participants, openQueries } = props;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Casebooks" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Casebook</Table.Th>
            <Table.Th>Screening no.</Table.Th>
            <Table.Th>Site</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Open queries</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {participants.map((participant) => {
            const open = openQueries.get(participant.id) ?? 0;
            return (
              <Table.Tr key={participant.id}>
                <Table.Td>
                  <Anchor component={Link} to={casebookUrl(studyId, participant.id)} fw={600} size="sm">
                    {participant.subjectNumber ?? participant.screeningNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{participant.screeningNumber}</Table.Td>
                <Table.Td>{participant.siteCode}</Table.Td>
                <Table.Td>
                  <ParticipantStatusBadge status={participant.status} />
                </Table.Td>
                <Table.Td>
                  {open === 0 ? (
                    <Text span size="sm" c="dimmed">
                      0
                    </Text>
                  ) : (
                    <Anchor
                      component={Link}
                      to={queriesUrl(studyId, { status: 'open', participant: participant.id })}
                      size="sm"
                      c="red.8"
                      fw={700}
                    >
                      {open}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function lockScopeText(lock: DataLockView): string {
  switch (lock.scope) {
    case 'study':
      return 'The whole study';
    case 'casebook':
      return 'Casebook';
    case 'visit':
      return 'Visit';
    case 'form':
      return 'Form';
  }
}

/** The study's locks for data managers: "Lock study" and every active lock with "Unlock". */
function StudyLocks({ studyId }: { studyId: string }) {
  const locks = useLocks(studyId);
  const active = (locks.data?.locks ?? []).filter((lock) => lock.unlockedAt === null);
  const studyLocked = active.some((lock) => lock.scope === 'study');
  return (
    <Paper p="sm" component="section" aria-labelledby="study-locks">
      <Group justify="space-between" mb={4}>
        <Title order={3} fz="h5" id="study-locks">
          Locks
        </Title>
        {locks.isSuccess && !studyLocked && (
          <LockAction
            studyId={studyId}
            target={{ scope: 'study' }}
            what="the whole study"
            label="Lock study"
          />
        )}
      </Group>
      {locks.isError && <QueryError title="Could not load the locks" error={locks.error} />}
      {locks.isSuccess && active.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing is locked.
        </Text>
      )}
      <Stack gap={4}>
        {active.map((lock) => (
          <Group key={lock.id} gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm">
              {lockScopeText(lock)} · {lockDetail(lock)}
            </Text>
            <UnlockAction studyId={studyId} lock={lock} what={lockScopeText(lock).toLowerCase()} />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** Every participant's casebook the user may see, with open query counts; study locks for data managers. */
export function CasebookListPage() {
  const studyId = useStudyId();
  const can = useStudyAccess(studyId);
  const participants = useParticipants(studyId);
  const open = useDataQueries(studyId, { status: 'open' });
  const openByParticipant = new Map<string, number>();
  for (const query of open.data?.queries ?? []) {
    openByParticipant.set(query.participantId, (openByParticipant.get(query.participantId) ?? 0) + 1);
  }
  const list = participants.data?.participants ?? [];
  return (
    <>
      <PageHeader
        title="Casebooks"
        description="One casebook per participant: visits, eCRF forms, logs, queries, verification, signatures and locks."
        actions={
          open.data && (
            <Badge
              color={open.data.queries.length === 0 ? 'gray' : 'red'}
              variant="light"
              tt="none"
              size="lg"
            >
              {open.data.queries.length} open {open.data.queries.length === 1 ? 'query' : 'queries'}
            </Badge>
          )
        }
      />
      <Stack gap="md">
        {can('form:lock') && <StudyLocks studyId={studyId} />}
        {participants.isPending && <LoadingBlock label="Loading participants…" />}
        {participants.isError && (
          <QueryError
            title="Could not load the participants"
            error={participants.error}
            onRetry={() => void participants.refetch()}
          />
        )}
        {participants.isSuccess &&
          (list.length === 0 ? (
            <Text size="sm" c="dimmed">
              No participants yet: register candidates on the Participants page.
            </Text>
          ) : (
            <Paper>
              <CasebookTable studyId={studyId} participants={list} openQueries={openByParticipant} />
            </Paper>
          ))}
      </Stack>
    </>
  );
}
