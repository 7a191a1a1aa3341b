import type { AdverseEventDetailView } from '@celltrial/contracts';
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../lib/api-error.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { useParticipant } from '../participants/use-participants.js';
import { useStudyAccess } from '../participants/use-study-access.js';
import { useStudyId } from '../studies/use-study-id.js';
import { AeEditor } from './ae-editor.js';
import { AeBackLinks } from './ae-log-page.js';
import { formatInstant } from './local-date-time.js';
import { SaePanel } from './sae-panel.js';
import { aeUrl } from './safety-urls.js';
import { useAdverseEvent, useAdverseEvents } from './use-safety.js';

function shown(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function AeHistory({ ae }: { ae: AdverseEventDetailView }) {
  return (
    <Paper p="md" component="section" aria-labelledby="ae-history">
      <Title order={3} fz="h4" id="ae-history" mb="xs">
        History
      </Title>
      <Table aria-label="AE history" verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Saved</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Changes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ae.revisions.map((r) => (
            <Table.Tr key={r.version}>
              <Table.Td>{r.version}</Table.Td>
              <Table.Td>{formatInstant(r.changedAt)}</Table.Td>
              <Table.Td>{r.changedBy ?? '—'}</Table.Td>
              <Table.Td>{r.reason ?? (r.version === 1 ? 'first entry' : '—')}</Table.Td>
              <Table.Td>
                {r.version === 1
                  ? '—'
                  : r.changes.map((c) => (
                      <Text key={c.field} size="xs">
                        {c.field}: {shown(c.before)} → {shown(c.after)}
                      </Text>
                    ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function readOnlyReason(canWrite: boolean): string | null {
  return canWrite
    ? null
    : 'You may read this adverse event; your role at this site does not allow changing it.';
}

/** One adverse event: the editable record, SAE deadlines and reports, and every saved version. */
export function AePage() {
  const studyId = useStudyId();
  const { participantId = '', aeId = '' } = useParams();
  const ref = { studyId, participantId };
  const ae = useAdverseEvent({ ...ref, aeId });
  const list = useAdverseEvents(ref);
  const participant = useParticipant(ref);
  const can = useStudyAccess(studyId);
  const back = <AeBackLinks studyId={studyId} participantId={participantId} />;
  if (ae.isPending || list.isPending || participant.isPending) {
    return <LoadingBlock label="Loading adverse event…" />;
  }
  if (ae.isError || list.isError || participant.isError) {
    const error = ae.error ?? list.error ?? participant.error;
    return (
      <Stack gap="sm">
        {back}
        <QueryError
          title={
            isApiError(error, 'NOT_FOUND') ? 'Adverse event not found' : 'Could not load the adverse event'
          }
          error={error}
          onRetry={() => void Promise.all([ae.refetch(), list.refetch(), participant.refetch()])}
        />
      </Stack>
    );
  }
  const view = ae.data;
  const canWrite = can('safety:write', view.siteId);
  return (
    <>
      {back}
      <PageHeader
        title={
          <Group gap="sm">
            {view.participantNumber} · AE {view.aeNumber}: {view.ctcaeTerm ?? view.term}
            {view.serious && (
              <Badge color="red" variant="light">
                SAE
              </Badge>
            )}
          </Group>
        }
        description={`Version ${view.version} · updated ${formatInstant(view.updatedAt)}${view.updatedBy === null ? '' : ` by ${view.updatedBy}`}${view.source === 'lab-proposal' ? ' · confirmed from a lab value' : ''}`}
      />
      <Stack gap="md">
        {view.serious && <SaePanel ae={view} canWrite={canWrite} />}
        <AeEditor
          key={view.id}
          participant={ref}
          ae={view}
          procedures={list.data.procedures}
          readOnlyReason={readOnlyReason(canWrite)}
        />
        <AeHistory ae={view} />
      </Stack>
    </>
  );
}

/** A new adverse event of a participant; once saved, its page opens. */
export function NewAePage() {
  const studyId = useStudyId();
  const { participantId = '' } = useParams();
  const ref = { studyId, participantId };
  const navigate = useNavigate();
  const list = useAdverseEvents(ref);
  const participant = useParticipant(ref);
  const can = useStudyAccess(studyId);
  const back = <AeBackLinks studyId={studyId} participantId={participantId} />;
  if (list.isPending || participant.isPending) {
    return <LoadingBlock label="Loading…" />;
  }
  if (list.isError || participant.isError) {
    const error = list.error ?? participant.error;
    return (
      <Stack gap="sm">
        {back}
        <QueryError title="Could not open the adverse event form" error={error} />
      </Stack>
    );
  }
  const p = participant.data;
  return (
    <>
      {back}
      <PageHeader
        title={`New adverse event: ${p.subjectNumber ?? p.screeningNumber}`}
        description="A serious AE needs the seriousness criteria, causality to the product and to every procedure listed, and the awareness date and time (it starts the 24-hour clock)."
      />
      <AeEditor
        participant={ref}
        ae={null}
        procedures={list.data.procedures}
        readOnlyReason={readOnlyReason(can('safety:write', p.siteId))}
        onSaved={(saved) =>
          void navigate(aeUrl({ studyId, participantId, aeId: saved.id }), { replace: true })
        }
      />
    </>
  );
}
