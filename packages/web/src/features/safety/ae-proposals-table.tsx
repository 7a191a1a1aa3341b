import type { AeProposalView } from '@celltrial/contracts';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AccessCheck } from '../participants/use-study-access.js';
import { ConfirmProposalDialog, DismissProposalDialog } from './proposal-dialogs.js';
import { aeLogUrl } from './safety-urls.js';

export interface SitedProposal {
  proposal: AeProposalView;
  siteId: string;
}

function ProposalActions({ studyId, proposal }: { studyId: string; proposal: AeProposalView }) {
  const [open, setOpen] = useState<'confirm' | 'dismiss' | null>(null);
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" onClick={() => setOpen('confirm')}>
        Confirm
      </Button>
      <Button size="compact-xs" variant="default" onClick={() => setOpen('dismiss')}>
        Dismiss
      </Button>
      <ConfirmProposalDialog
        studyId={studyId}
        proposal={proposal}
        opened={open === 'confirm'}
        onClose={() => setOpen(null)}
      />
      <DismissProposalDialog
        studyId={studyId}
        proposal={proposal}
        opened={open === 'dismiss'}
        onClose={() => setOpen(null)}
      />
    </Group>
  );
}

/** Pending lab AE proposals; investigators (form:sign at the site) confirm or dismiss each. */
export function AeProposalsTable(props: {
  studyId: string;
  proposals: readonly SitedProposal[];
  can: AccessCheck;
  showParticipant?: boolean;
}) {
  const { studyId, proposals, can, showParticipant = true } = props;
  if (proposals.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No lab value waits for an AE decision.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table aria-label="Lab AE proposals" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            {showParticipant && <Table.Th>Participant</Table.Th>}
            <Table.Th>Sample</Table.Th>
            <Table.Th>Test</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th>Grade</Table.Th>
            <Table.Th>CTCAE term</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th>Decision</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposals.map(({ proposal, siteId }) => (
            <Table.Tr key={proposal.id}>
              {showParticipant && (
                <Table.Td>
                  <Anchor component={Link} to={aeLogUrl(studyId, proposal.participantId)} size="sm">
                    {proposal.participantNumber}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>{proposal.sampleDate ?? '—'}</Table.Td>
              <Table.Td>{proposal.test}</Table.Td>
              <Table.Td ff="monospace">
                {proposal.value} {proposal.unit}
              </Table.Td>
              <Table.Td>{proposal.grade}</Table.Td>
              <Table.Td>{proposal.ctcaeTerm}</Table.Td>
              <Table.Td>
                <Text size="xs">{proposal.reason}</Text>
              </Table.Td>
              <Table.Td>
                {can('form:sign', siteId) ? (
                  <ProposalActions studyId={studyId} proposal={proposal} />
                ) : (
                  <Text size="xs" c="dimmed">
                    investigator to decide
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
