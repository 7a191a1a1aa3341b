import type { ParticipantView, Site } from '@celltrial/contracts';
import { PARTICIPANT_STATUSES } from '@celltrial/contracts';
import { Badge, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { ParticipantListFilter, ParticipantStatus } from '../../lib/participants-api.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { useStudySites } from '../studies/use-studies.js';
import { useStudyId } from '../studies/use-study-id.js';
import { participantStatusLabel } from './participant-badges.js';
import { ParticipantTable } from './participant-table.js';
import { RegisterCandidateButton } from './register-candidate-button.js';
import { useParticipants } from './use-participants.js';
import { useStudyAccess } from './use-study-access.js';

function isStatus(value: string | null): value is ParticipantStatus {
  return value !== null && (PARTICIPANT_STATUSES as readonly string[]).includes(value);
}

function SiteBlock(props: {
  studyId: string;
  site: Site;
  participants: ParticipantView[];
  filtered: boolean;
}) {
  const { studyId, site, participants, filtered } = props;
  const titleId = `site-${site.code}`;
  return (
    <Paper component="section" aria-labelledby={titleId}>
      <Group gap="xs" px="md" py="sm">
        <Title order={3} fz="h5" id={titleId}>
          {site.code}
        </Title>
        <Text size="sm" c="dimmed">
          {site.name}
        </Text>
        <Badge size="sm" color="gray" tt="none">
          {participants.length}
        </Badge>
      </Group>
      {participants.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          {filtered
            ? 'No participants at this site match the status filter.'
            : 'No candidates registered at this site yet.'}
        </Text>
      ) : (
        <ParticipantTable
          studyId={studyId}
          participants={participants}
          label={`Participants at ${site.code}`}
        />
      )}
    </Paper>
  );
}

/** The study's participants, one table per site the user may see, with site and status filters. */
export function ParticipantListPage() {
  const studyId = useStudyId();
  const [search, setSearch] = useSearchParams();
  const sites = useStudySites(studyId);
  const can = useStudyAccess(studyId);
  const siteParam = search.get('site');
  const statusParam = search.get('status');
  const site = sites.data?.sites.find((candidate) => candidate.code === siteParam);
  const filter: ParticipantListFilter = {
    ...(site ? { siteId: site.id } : {}),
    ...(isStatus(statusParam) ? { status: statusParam } : {}),
  };
  const participants = useParticipants(studyId, filter);
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value === '') {
      next.delete(key);
    } else {
      next.set(key, value);
    }
    setSearch(next, { replace: true });
  };
  const visibleSites = sites.data?.sites ?? [];
  const shownSites = site ? [site] : visibleSites;
  const writableSites = visibleSites.filter((candidate) => can('subject:write', candidate.id));
  const count = participants.data?.participants.length;
  return (
    <>
      <PageHeader
        title="Participants"
        description={
          count === undefined
            ? 'Candidates and participants at the sites you may see.'
            : `${count} ${count === 1 ? 'participant' : 'participants'} shown`
        }
        actions={
          writableSites.length > 0 && (
            <RegisterCandidateButton
              studyId={studyId}
              sites={writableSites}
              {...(site && writableSites.includes(site) ? { defaultSiteId: site.id } : {})}
            />
          )
        }
      />
      <Group gap="sm" mb="md" align="flex-end">
        <NativeSelect
          label="Site"
          w={260}
          value={site?.code ?? ''}
          onChange={(event) => setParam('site', event.currentTarget.value)}
          data={[
            { value: '', label: 'All my sites' },
            ...visibleSites.map((candidate) => ({
              value: candidate.code,
              label: `${candidate.code} — ${candidate.name}`,
            })),
          ]}
        />
        <NativeSelect
          label="Status"
          w={180}
          value={isStatus(statusParam) ? statusParam : ''}
          onChange={(event) => setParam('status', event.currentTarget.value)}
          data={[
            { value: '', label: 'Any status' },
            ...PARTICIPANT_STATUSES.map((status) => ({
              value: status,
              label: participantStatusLabel(status),
            })),
          ]}
        />
      </Group>
      {(sites.isPending || participants.isPending) && <LoadingBlock label="Loading participants…" />}
      {sites.isError && (
        <QueryError title="Could not load sites" error={sites.error} onRetry={() => void sites.refetch()} />
      )}
      {participants.isError && (
        <QueryError
          title="Could not load participants"
          error={participants.error}
          onRetry={() => void participants.refetch()}
        />
      )}
      {sites.data && participants.data && shownSites.length === 0 && (
        <Text size="sm" c="dimmed">
          No sites of this study are visible to you.
        </Text>
      )}
      {sites.data && participants.data && (
        <Stack gap="md">
          {shownSites.map((shown) => (
            <SiteBlock
              key={shown.id}
              studyId={studyId}
              site={shown}
              participants={participants.data.participants.filter((p) => p.siteId === shown.id)}
              filtered={filter.status !== undefined}
            />
          ))}
        </Stack>
      )}
    </>
  );
}
