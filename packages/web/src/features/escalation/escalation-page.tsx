import type { EscalationBoardView } from '@celltrial/contracts';
import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { dosingUrl } from '../dosing/dosing-urls.js';
import { useStudyAccess } from '../participants/use-study-access.js';
import { useStudySites } from '../studies/use-studies.js';
import { useStudyId } from '../studies/use-study-id.js';
import { CohortCard, type CohortPermissions } from './cohort-card.js';
import { nextText } from './escalation-labels.js';
import { useEscalationBoard } from './use-escalation.js';

type Design = NonNullable<EscalationBoardView['design']>;

function DesignPanel({ design, board }: { design: Design; board: EscalationBoardView }) {
  return (
    <Paper p="md" component="section" aria-labelledby="escalation-design">
      <Title order={3} fz="h4" id="escalation-design" mb="xs">
        Design
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap={4}>
          <Text size="sm">
            3+3 ({design.variant}): cohorts of {design.cohortSize}, expansion by {design.expansionSize}; DLT
            window {design.dltWindowDays} days from the first dose.
          </Text>
          <Text size="sm">{design.interpretation}</Text>
          <Text size="xs" c="dimmed">
            DLT definition: {design.dltDefinition}
          </Text>
        </Stack>
        <Table aria-label="Dose levels" verticalSpacing={2} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Level</Table.Th>
              <Table.Th>Participants</Table.Th>
              <Table.Th>DLTs</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {design.levels.map((l) => {
              const row = board.levels.find((x) => x.levelId === l.id);
              return (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.name}</Table.Td>
                  <Table.Td>{row?.patients ?? 0}</Table.Td>
                  <Table.Td>{row?.dlts ?? 0}</Table.Td>
                  <Table.Td>
                    {row?.closed === true && (
                      <Badge color="red" variant="light" size="sm" tt="none">
                        closed
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Paper>
  );
}

function BoardStatus({ board }: { board: EscalationBoardView }) {
  const next = nextText(board.next);
  return (
    <Stack gap="xs">
      {board.state === 'refused' && board.message !== null && (
        <Alert color="yellow" p="xs" title="No decision yet" role="note">
          {board.message.charAt(0).toUpperCase() + board.message.slice(1)}.
        </Alert>
      )}
      {board.state === 'invalid' && (
        <Alert color="red" p="xs" title="The board cannot be computed" role="alert">
          {board.message}
        </Alert>
      )}
      {board.awaitingConfirmation !== null && (
        <Alert color="blue" p="xs" role="note">
          Cohort {board.awaitingConfirmation}&apos;s decision awaits confirmation by an investigator; the next
          cohort opens after it.
        </Alert>
      )}
      {next !== null && (
        <Text size="sm" fw={600} role="status" aria-label="Next step">
          {next}
        </Text>
      )}
    </Stack>
  );
}

/** The dose-escalation board (3+3): cohorts, DLT status per participant, the engine's decisions and confirmations. */
export function EscalationPage() {
  const studyId = useStudyId();
  const board = useEscalationBoard(studyId);
  const sites = useStudySites(studyId);
  const can = useStudyAccess(studyId);
  const back = (
    <Anchor component={Link} to={dosingUrl(studyId)} size="sm">
      ← Dosing
    </Anchor>
  );
  if (board.isPending) {
    return <LoadingBlock label="Loading the escalation board…" />;
  }
  if (board.isError) {
    return (
      <Stack gap="sm">
        {back}
        <QueryError
          title="Could not load the escalation board"
          error={board.error}
          onRetry={() => void board.refetch()}
        />
      </Stack>
    );
  }
  const view = board.data;
  const siteIdOf = (code: string) => sites.data?.sites.find((s) => s.code === code)?.id;
  const permissions: CohortPermissions = {
    canWrite: (code) => {
      const siteId = siteIdOf(code);
      return siteId !== undefined && can('safety:write', siteId);
    },
    canSign: (code) => {
      const siteId = siteIdOf(code);
      return siteId !== undefined && can('form:sign', siteId);
    },
    canDecide: can('form:sign') || can('study:manage'),
  };
  return (
    <>
      {back}
      <PageHeader
        title="Escalation board"
        description="Only signed DLT assessments count. A cohort's decision is confirmed by an investigator or study administrator before the next cohort opens."
      />
      {view.design === null ? (
        <Text size="sm" c="dimmed">
          This protocol has no dose escalation.
        </Text>
      ) : (
        <Stack gap="md">
          <BoardStatus board={view} />
          {view.cohorts.length === 0 && (
            <Text size="sm" c="dimmed">
              No participant has joined a cohort yet.
            </Text>
          )}
          {view.cohorts.map((cohort) => (
            <CohortCard
              key={cohort.cohort}
              studyId={studyId}
              cohort={cohort}
              design={view.design as Design}
              permissions={permissions}
            />
          ))}
          <DesignPanel design={view.design} board={view} />
          <Group>
            <Text size="xs" c="dimmed">
              Window dates come from the first recorded dose (an administration, else the first dosing visit
              done).
            </Text>
          </Group>
        </Stack>
      )}
    </>
  );
}
