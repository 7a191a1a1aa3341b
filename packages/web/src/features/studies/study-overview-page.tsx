import { Group, Paper, SimpleGrid, Title } from '@mantine/core';
import { isApiError } from '../../lib/api-error.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { useStudyId } from './use-study-id.js';
import { StudyDetails } from './study-details.js';
import { StudySitesTable } from './study-sites-table.js';
import { StudyStatusBadge } from './study-status-badge.js';
import { useStudy, useStudySites } from './use-studies.js';

/** A study's summary and its sites. */
export function StudyOverviewPage() {
  const studyId = useStudyId();
  const study = useStudy(studyId);
  const sites = useStudySites(studyId);
  if (study.isPending) {
    return <LoadingBlock label="Loading study…" />;
  }
  if (study.isError) {
    const title = isApiError(study.error, 'NOT_FOUND') ? 'Study not found' : 'Could not load the study';
    return <QueryError title={title} error={study.error} onRetry={() => void study.refetch()} />;
  }
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm">
            {study.data.code}
            <StudyStatusBadge status={study.data.status} />
          </Group>
        }
        description={study.data.title}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper p="md">
          <Title order={3} fz="h5" mb="sm">
            Study details
          </Title>
          <StudyDetails study={study.data} />
        </Paper>
        <Paper p="md">
          <Title order={3} fz="h5" mb="sm">
            Sites
          </Title>
          {sites.isPending && <LoadingBlock label="Loading sites…" />}
          {sites.isError && (
            <QueryError
              title="Could not load sites"
              error={sites.error}
              onRetry={() => void sites.refetch()}
            />
          )}
          {sites.data && <StudySitesTable sites={sites.data.sites} />}
        </Paper>
      </SimpleGrid>
    </>
  );
}
