import { Paper, Stack, Text, Title } from '@mantine/core';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { useStudyAccess } from '../participants/use-study-access.js';
import { useStudyId } from '../studies/use-study-id.js';
import { AeProposalsTable } from './ae-proposals-table.js';
import { AeTableSection } from './ae-table-section.js';
import { SaeListPanel } from './sae-list-panel.js';
import { useStudyAeProposals } from './use-safety.js';

function ProposalsPanel({ studyId }: { studyId: string }) {
  const can = useStudyAccess(studyId);
  const pending = useStudyAeProposals(studyId);
  let body;
  if (pending.isPending) {
    body = <LoadingBlock label="Loading lab AE proposals…" />;
  } else if (pending.error !== null) {
    body = (
      <QueryError
        title="Could not load the lab AE proposals"
        error={pending.error}
        onRetry={pending.refetch}
      />
    );
  } else {
    body = <AeProposalsTable studyId={studyId} proposals={pending.proposals} can={can} />;
  }
  return (
    <Paper p="md" component="section" aria-labelledby="safety-proposals">
      <Title order={3} fz="h4" id="safety-proposals" mb={4}>
        Lab values proposing an AE
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        A saved lab value graded at or above the protocol&apos;s AE threshold proposes an AE. The investigator
        confirms it (an AE is recorded) or dismisses it with a reason.
      </Text>
      {body}
    </Paper>
  );
}

/** The study's Safety section: SAE reporting deadlines, AE incidence tables, pending lab AE proposals. */
export function SafetyPage() {
  const studyId = useStudyId();
  return (
    <>
      <PageHeader
        title="Safety"
        description="Serious adverse events and their reporting deadlines, AE tables, lab AE proposals. Each participant's AEs are in their adverse event log (from the casebook)."
      />
      <Stack gap="md">
        <SaeListPanel studyId={studyId} />
        <ProposalsPanel studyId={studyId} />
        <AeTableSection studyId={studyId} />
      </Stack>
    </>
  );
}
