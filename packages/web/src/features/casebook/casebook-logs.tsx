import type { CasebookView } from '@celltrial/contracts';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { AccessCheck } from '../participants/use-study-access.js';
import { aeLogUrl, newAeUrl } from '../safety/safety-urls.js';
import { FormMarks } from './casebook-badges.js';
import { formUrl, newLogEntryUrl } from './casebook-urls.js';

type CasebookLog = CasebookView['logs'][number];

function LogBlock(props: { casebook: CasebookView; log: CasebookLog; canAdd: boolean }) {
  const { casebook, log, canAdd } = props;
  const ref = { studyId: casebook.participant.studyId, participantId: casebook.participant.id };
  const titleId = `log-${log.formKey}`;
  return (
    <Paper p="sm" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb={4}>
        <Title order={3} fz="h5" id={titleId}>
          {log.name}
        </Title>
        {log.formKey === 'adverse-events' ? (
          // Adverse events have their own log (SAE clocks, causality, CTCAE terms): link there, not to a form.
          <Group gap="xs">
            <Anchor component={Link} to={aeLogUrl(ref.studyId, ref.participantId)} size="sm">
              Adverse event log →
            </Anchor>
            {canAdd && (
              <Button
                component={Link}
                to={newAeUrl(ref.studyId, ref.participantId)}
                size="xs"
                variant="light"
              >
                Record adverse event
              </Button>
            )}
          </Group>
        ) : (
          canAdd && (
            <Button
              component={Link}
              to={newLogEntryUrl({ ...ref, formKey: log.formKey })}
              size="xs"
              variant="light"
            >
              Add {log.name} entry
            </Button>
          )
        )}
      </Group>
      {log.entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          No entries yet.
        </Text>
      ) : (
        <Table aria-label={log.name} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>No.</Table.Th>
              <Table.Th>Entry</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Updated</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.entries.map((entry) => (
              <Table.Tr key={entry.formRecordId ?? entry.entryNumber}>
                <Table.Td>
                  {entry.formRecordId === null ? (
                    entry.entryNumber
                  ) : (
                    <Anchor
                      component={Link}
                      to={formUrl({ ...ref, formRecordId: entry.formRecordId })}
                      size="sm"
                      aria-label={`${log.name} entry ${entry.entryNumber}`}
                    >
                      {entry.entryNumber}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>{entry.summary ?? '—'}</Table.Td>
                <Table.Td>
                  <FormMarks form={entry} />
                </Table.Td>
                <Table.Td>{entry.updatedAt?.slice(0, 10) ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** Logs kept across visits (concomitant medications, adverse events): entries and "Add … entry". */
export function CasebookLogs({ casebook, can }: { casebook: CasebookView; can: AccessCheck }) {
  if (casebook.logs.length === 0) {
    return null;
  }
  const canAdd = can('form:write', casebook.participant.siteId) && !casebookLocked(casebook);
  return (
    <Stack gap="sm">
      {casebook.logs.map((log) => (
        <LogBlock key={log.formKey} casebook={casebook} log={log} canAdd={canAdd} />
      ))}
    </Stack>
  );
}

/** Whether an active study or casebook lock covers the whole casebook. */
export function casebookLocked(casebook: CasebookView): boolean {
  return casebook.locks.some(
    (lock) =>
      lock.unlockedAt === null &&
      (lock.scope === 'study' ||
        (lock.scope === 'casebook' && lock.participantId === casebook.participant.id)),
  );
}
