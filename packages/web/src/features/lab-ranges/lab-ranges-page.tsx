import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../lib/api-error.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { useStudyAccess } from '../participants/use-study-access.js';
import { useStudyId } from '../studies/use-study-id.js';
import { useStudySites } from '../studies/use-studies.js';
import { LabRangeEditor } from './lab-range-editor.js';
import { LabRangesTable } from './lab-ranges-table.js';
import { useSiteLabRanges } from './use-lab-ranges.js';

/**
 * A site's laboratory reference ranges (LLN/ULN per test, optionally per sex and age band), against which lab
 * values are flagged and CTCAE-graded. Everyone who may see the site reads them; study administrators
 * (`study:manage`) edit them.
 */
export function LabRangesPage() {
  const studyId = useStudyId();
  const { siteId = '' } = useParams();
  const site = { studyId, siteId };
  const ranges = useSiteLabRanges(site);
  const sites = useStudySites(studyId);
  const may = useStudyAccess(studyId);
  const siteView = sites.data?.sites.find((s) => s.id === siteId);
  const siteName = siteView ? `${siteView.code} — ${siteView.name}` : 'Site';
  const back = (
    <Anchor component={Link} to={`/studies/${encodeURIComponent(studyId)}`} size="sm">
      ← Study overview
    </Anchor>
  );
  if (ranges.isPending) {
    return <LoadingBlock label="Loading reference ranges…" />;
  }
  if (ranges.isError) {
    const title = isApiError(ranges.error, 'NOT_FOUND')
      ? 'Site not found in this study'
      : 'Could not load the reference ranges';
    return (
      <Stack gap="sm">
        {back}
        <QueryError title={title} error={ranges.error} onRetry={() => void ranges.refetch()} />
      </Stack>
    );
  }
  const canManage = may('study:manage');
  return (
    <>
      <PageHeader
        title={`Lab reference ranges: ${siteName}`}
        description="Lab values are flagged (below LLN, above ULN) and CTCAE-graded against these limits when a form is saved. Limits are shown exactly as entered."
        actions={back}
      />
      <Stack gap="md">
        <Paper p="md">
          <Title order={3} fz="h5" mb="sm">
            Current ranges
          </Title>
          <LabRangesTable ranges={ranges.data.ranges} />
        </Paper>
        {canManage ? (
          <Paper p="md">
            <Title order={3} fz="h5" mb={4}>
              Edit ranges
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Age bands include the lower age and exclude the upper one (years). A range applies to everyone
              when sex and ages are left blank; a more specific range wins.
            </Text>
            <LabRangeEditor site={site} saved={ranges.data.ranges} />
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            Only study administrators can change the reference ranges.
          </Text>
        )}
      </Stack>
    </>
  );
}
