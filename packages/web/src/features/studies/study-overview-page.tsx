import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { isApiError } from '../../lib/api-error.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { OverviewSection } from '../protocol/overview/overview-section.js';
import { ProtocolOverview } from '../protocol/overview/protocol-overview.js';
import { useCurrentProtocol } from '../protocol/use-protocol.js';
import { StudyDetails } from './study-details.js';
import { StudySitesTable } from './study-sites-table.js';
import { StudyStatusBadge } from './study-status-badge.js';
import { useStudyId } from './use-study-id.js';
import { useStudy, useStudySites } from './use-studies.js';

function SitesBlock({ studyId, cities }: { studyId: string; cities?: Record<string, string> }) {
  const sites = useStudySites(studyId);
  return (
    <OverviewSection title="Sites" aside={sites.data?.sites.length}>
      {sites.isPending && <LoadingBlock label="Loading sites…" />}
      {sites.isError && (
        <QueryError title="Could not load sites" error={sites.error} onRetry={() => void sites.refetch()} />
      )}
      {sites.data && <StudySitesTable sites={sites.data.sites} {...(cities ? { cities } : {})} />}
    </OverviewSection>
  );
}

/** A study's registry record (from its current protocol version), its sites and its protocol versions. */
export function StudyOverviewPage() {
  const studyId = useStudyId();
  const study = useStudy(studyId);
  const protocol = useCurrentProtocol(studyId);
  if (study.isPending) {
    return <LoadingBlock label="Loading study…" />;
  }
  if (study.isError) {
    const title = isApiError(study.error, 'NOT_FOUND') ? 'Study not found' : 'Could not load the study';
    return <QueryError title={title} error={study.error} onRetry={() => void study.refetch()} />;
  }
  const cities = protocol.data
    ? Object.fromEntries(
        protocol.data.protocol.sites.flatMap((site) => (site.city ? [[site.code, site.city]] : [])),
      )
    : undefined;
  const officialTitle = protocol.data?.protocol.officialTitle;
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm">
            {study.data.code}
            <StudyStatusBadge status={study.data.status} />
          </Group>
        }
        description={
          <Stack gap={2} component="span">
            <Text span size="sm" c="dark" fw={500}>
              {study.data.title}
            </Text>
            {officialTitle && officialTitle !== study.data.title && (
              <Text span size="xs" c="dimmed">
                {officialTitle}
              </Text>
            )}
          </Stack>
        }
      />
      {protocol.isPending && <LoadingBlock label="Loading protocol…" />}
      {protocol.data && (
        <ProtocolOverview
          studyId={studyId}
          current={protocol.data}
          sites={<SitesBlock studyId={studyId} {...(cities ? { cities } : {})} />}
        />
      )}
      {protocol.isError && (
        <Stack gap="md">
          <QueryError
            title="Could not load the protocol"
            error={protocol.error}
            onRetry={() => void protocol.refetch()}
          />
          <Paper p="md">
            <Title order={3} fz="h5" mb="sm">
              Study details
            </Title>
            <StudyDetails study={study.data} />
          </Paper>
          <SitesBlock studyId={studyId} />
        </Stack>
      )}
    </>
  );
}
