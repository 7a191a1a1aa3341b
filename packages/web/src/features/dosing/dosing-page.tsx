import type { ParticipantView } from '@celltrial/contracts';
import type { Protocol } from '@celltrial/core';
import { Anchor, Group, NativeSelect, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../lib/api-error.js';
import { LoadingBlock } from '../../ui/loading-block.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryError } from '../../ui/query-error.js';
import { participantUrl } from '../participants/participant-urls.js';
import { useParticipants } from '../participants/use-participants.js';
import { useStudyAccess } from '../participants/use-study-access.js';
import { useCurrentProtocol } from '../protocol/use-protocol.js';
import { useStudyId } from '../studies/use-study-id.js';
import { DosePlanPanel } from './dose-plan-panel.js';
import { DoseRecordsTable } from './dose-records-table.js';
import { doseVisitsOf } from './dosing-labels.js';
import { escalationUrl } from './dosing-urls.js';
import { PreparationForm } from './preparation-form.js';
import { useDosePlan, useDoses } from './use-dosing.js';

const TREATED = new Set(['enrolled', 'withdrawn', 'completed']);

function PlanSection(props: { studyId: string; participant: ParticipantView; protocol: Protocol }) {
  const { studyId, participant, protocol } = props;
  const [search, setSearch] = useSearchParams();
  const can = useStudyAccess(studyId);
  const ref = { studyId, participantId: participant.id };
  const visits = doseVisitsOf(protocol);
  const visit = visits.find((v) => v.id === search.get('visit')) ?? visits[0];
  const occurrence = Math.max(1, Number(search.get('occurrence') ?? '1') || 1);
  const plan = useDosePlan(ref, visit === undefined ? null : { visit: visit.id, occurrence });
  const doses = useDoses(ref);
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next, { replace: true });
  };
  const levelsOf = (interventionId: string) =>
    (protocol.interventions.find((i) => i.id === interventionId)?.doseLevels ?? []).map((l) => ({
      id: l.id,
      name: l.name,
    }));
  const prepareAllowed =
    can('dose:prepare', participant.siteId) &&
    participant.status === 'enrolled' &&
    plan.data?.items.some((i) => !i.masked) === true;
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label="Dosing visit"
          data={visits.map((v) => ({ value: v.id, label: v.name }))}
          value={visit?.id ?? ''}
          onChange={(event) => update('visit', event.currentTarget.value)}
          w={420}
        />
        {visit?.repeats === true && (
          <NumberInput
            label="Occurrence"
            min={1}
            value={occurrence}
            onChange={(value) => update('occurrence', String(value))}
            w={120}
          />
        )}
      </Group>
      {visit === undefined && <Text size="sm">The protocol plans no dose.</Text>}
      {plan.isPending && visit !== undefined && <LoadingBlock label="Calculating the dose…" />}
      {plan.isError && (
        <QueryError title="No dose plan" error={plan.error} onRetry={() => void plan.refetch()} />
      )}
      {plan.data !== undefined && <DosePlanPanel plan={plan.data} />}
      {plan.data !== undefined && prepareAllowed && (
        <PreparationForm
          key={`${participant.id}|${plan.data.visitKey}|${plan.data.occurrence}`}
          participant={ref}
          plan={plan.data}
          levelsOf={levelsOf}
        />
      )}
      <Paper p="md" component="section" aria-labelledby="dose-records">
        <Title order={3} fz="h4" id="dose-records" mb="xs">
          Prepared and administered doses
        </Title>
        {doses.isPending && <LoadingBlock label="Loading doses…" />}
        {doses.isError && <QueryError title="Could not load the doses" error={doses.error} />}
        {doses.data !== undefined && (
          <DoseRecordsTable
            participant={ref}
            doses={doses.data.doses}
            canAdminister={can('form:write', participant.siteId)}
          />
        )}
      </Paper>
    </Stack>
  );
}

/** The study's Dosing section: per participant the dose plan, the pharmacist's preparation and the administration. */
export function DosingPage() {
  const studyId = useStudyId();
  const [search, setSearch] = useSearchParams();
  const participants = useParticipants(studyId);
  const protocol = useCurrentProtocol(studyId);
  if (participants.isPending || protocol.isPending) {
    return <LoadingBlock label="Loading dosing…" />;
  }
  if (participants.isError || protocol.isError) {
    const error = participants.error ?? protocol.error;
    return (
      <QueryError
        title={isApiError(error, 'NOT_FOUND') ? 'Study not found' : 'Could not load dosing'}
        error={error}
        onRetry={() => void Promise.all([participants.refetch(), protocol.refetch()])}
      />
    );
  }
  const treated = participants.data.participants.filter((p) => TREATED.has(p.status));
  const chosen = treated.find((p) => p.id === search.get('participant')) ?? treated[0];
  const escalation = protocol.data.protocol.design.escalation !== undefined;
  return (
    <>
      <PageHeader
        title="Dosing"
        description="The calculated dose per visit (weight, caps, volume, dose-modification rules), its preparation and administration."
        actions={
          escalation && (
            <Anchor component={Link} to={escalationUrl(studyId)} size="sm" fw={600}>
              Escalation board →
            </Anchor>
          )
        }
      />
      {treated.length === 0 ? (
        <Text size="sm" c="dimmed">
          No enrolled participant yet.
        </Text>
      ) : (
        <Stack gap="md">
          <Group gap="sm" align="flex-end">
            <NativeSelect
              label="Participant"
              data={treated.map((p) => ({
                value: p.id,
                label: `${p.subjectNumber ?? p.screeningNumber}${p.cohort === null ? '' : ` (cohort ${p.cohort})`}`,
              }))}
              value={chosen?.id ?? ''}
              onChange={(event) => {
                const next = new URLSearchParams(search);
                next.set('participant', event.currentTarget.value);
                setSearch(next, { replace: true });
              }}
              w={260}
            />
            {chosen !== undefined && (
              <Anchor component={Link} to={participantUrl(studyId, chosen.id)} size="sm" mb={6}>
                Participant page
              </Anchor>
            )}
          </Group>
          {chosen !== undefined && (
            <PlanSection
              key={chosen.id}
              studyId={studyId}
              participant={chosen}
              protocol={protocol.data.protocol}
            />
          )}
        </Stack>
      )}
    </>
  );
}
