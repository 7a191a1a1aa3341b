import type { ParticipantView } from '@celltrial/contracts';
import { Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { ParticipantStatusBadge, VerdictBadge } from './participant-badges.js';
import { isoDay, participantUrl } from './participant-urls.js';
import { SyntheticBadge } from '../casebook/casebook-badges.js';

export interface ParticipantTableProps {
  studyId: string;
  participants: ParticipantView[];
  /** Accessible name of the table (e.g. "Participants at PNUYH"). */
  label: string;
}

function EligibilityCell({ participant }: { participant: ParticipantView }) {
  const { eligibility } = participant;
  if (eligibility === null) {
    return (
      <Text size="xs" c="dimmed">
        not evaluated
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <VerdictBadge verdict={eligibility.verdict} />
      {eligibility.confirmedAt !== null && (
        <Tooltip label={`Confirmed ${isoDay(eligibility.confirmedAt)}${signer(eligibility.confirmedBy)}`}>
          <Text size="xs" c="dimmed">
            signed
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}

function signer(name: string | null): string {
  return name === null ? '' : ` by ${name}`;
}

/**
 * One site's participants: numbers, status, eligibility and allocation. The arm column appears only when the
 * server sent arms (unblinded roles); blinded users see the neutral kit code alone.
 */
export function ParticipantTable({ studyId, participants, label }: ParticipantTableProps) {
  const showArm = participants.some((participant) => participant.allocation?.arm !== undefined);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={label} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Screening no.</Table.Th>
            <Table.Th>Subject no.</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Eligibility</Table.Th>
            <Table.Th>Registered</Table.Th>
            <Table.Th>Enrolled</Table.Th>
            <Table.Th>Kit code</Table.Th>
            {showArm && <Table.Th>Arm</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {participants.map((participant) => (
            <Table.Tr key={participant.id}>
              <Table.Td>
                <Anchor component={Link} to={participantUrl(studyId, participant.id)} fw={600} size="sm">
                  {participant.screeningNumber}
                </Anchor>
              </Table.Td>
              <Table.Td fw={participant.subjectNumber === null ? undefined : 600}>
                {participant.subjectNumber ?? '—'}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <ParticipantStatusBadge status={participant.status} />
                  {participant.emergencyUnblinded && (
                    <Badge color="orange" size="sm" tt="none" variant="outline">
                      Unblinded
                    </Badge>
                  )}
                  {participant.synthetic && <SyntheticBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <EligibilityCell participant={participant} />
              </Table.Td>
              <Table.Td>{isoDay(participant.createdAt)}</Table.Td>
              <Table.Td>{isoDay(participant.enrolledAt)}</Table.Td>
              <Table.Td ff="monospace">{participant.allocation?.kitCode ?? '—'}</Table.Td>
              {showArm && <Table.Td>{participant.allocation?.arm?.name ?? '—'}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
