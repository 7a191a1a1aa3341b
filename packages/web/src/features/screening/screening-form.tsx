import type { ScreeningResponse } from '@celltrial/contracts';
import type { Protocol } from '@celltrial/core';
import { Alert, Box, Button, Fieldset, Grid, Group, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { displayMessage, fieldIssuesOf, isApiError } from '../../lib/api-error.js';
import type { ParticipantRef } from '../../lib/participants-api.js';
import { ConditionsSection } from './conditions-section.js';
import { DemographicsSection } from './demographics-section.js';
import { DiagnosisSection } from './diagnosis-section.js';
import { EligibilityPanel } from './eligibility-panel.js';
import { FunctionSection } from './function-section.js';
import { LabsSection } from './labs-section.js';
import { ManualChecksSection } from './manual-checks-section.js';
import { MedicationsSection } from './medications-section.js';
import { ReasonForChangeModal, StaleRecordAlert } from './save-dialogs.js';
import { checkScreeningDraft } from './screening-check.js';
import { draftFromRecord, draftToData, type ScreeningDraft } from './screening-draft.js';
import { useSaveScreening } from './use-screening.js';

export interface ScreeningFormProps {
  participant: ParticipantRef;
  protocol: Protocol;
  /** The saved record this form starts from (render with `key={screening.revision}` to restart on a new one). */
  screening: ScreeningResponse;
  /** Null when the user may edit; otherwise why the form is read-only. */
  readOnlyReason: string | null;
  /** The browser's date, the default assessment date of a new record. */
  today: string;
  /** Loads the latest saved revision (after someone else saved). */
  onReload: () => void;
  /** Told whether the form holds unsaved changes (signing covers the saved revision only). */
  onDirtyChange?: (dirty: boolean) => void;
}

interface StaleState {
  currentRevision: number;
  theirs: unknown;
}

function staleDetails(error: unknown): StaleState | null {
  if (!isApiError(error, 'STALE_VERSION')) {
    return null;
  }
  const details = (error.details ?? {}) as { currentRevision?: unknown; current?: unknown };
  return typeof details.currentRevision === 'number'
    ? { currentRevision: details.currentRevision, theirs: details.current ?? null }
    : null;
}

/** The screening record form with the live criterion-by-criterion eligibility check beside it. */
export function ScreeningForm(props: ScreeningFormProps) {
  const { participant, protocol, screening, readOnlyReason, today } = props;
  const [draft, setDraft] = useState<ScreeningDraft>(() => draftFromRecord(screening.data, today));
  const saved = useMemo(
    () =>
      screening.data === null ? null : JSON.stringify(draftToData(draftFromRecord(screening.data, today))),
    [screening.data, today],
  );
  const [baseRevision, setBaseRevision] = useState(screening.revision);
  const [reasonOpen, setReasonOpen] = useState(false);
  const [stale, setStale] = useState<StaleState | null>(null);
  const mutation = useSaveScreening(participant);
  const check = useMemo(() => checkScreeningDraft(protocol, draft), [protocol, draft]);
  const dirty = saved === null || JSON.stringify(check.data) !== saved;
  const editable = readOnlyReason === null;
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const change = (update: (current: ScreeningDraft) => ScreeningDraft) => setDraft(update);
  const sectionProps = { draft, change, problems: check.problems };

  const save = (reasonForChange?: string) => {
    setStale(null);
    mutation.mutate(
      {
        data: check.data,
        expectedRevision: baseRevision,
        ...(reasonForChange === undefined ? {} : { reasonForChange }),
      },
      {
        onSuccess: () => setReasonOpen(false),
        onError: (error) => {
          const details = staleDetails(error);
          if (details) {
            setReasonOpen(false);
            setStale(details);
          }
        },
      },
    );
  };
  const requestSave = () => (baseRevision > 0 ? setReasonOpen(true) : save());
  const serverIssues = fieldIssuesOf(mutation.error);
  const canSave = editable && dirty && check.problems.length === 0 && !mutation.isPending;

  const saveControls = editable && (
    <Stack gap={6}>
      <Group gap="xs" wrap="nowrap">
        <Button onClick={requestSave} disabled={!canSave} loading={mutation.isPending}>
          Save screening record
        </Button>
        <Text size="xs" c={dirty ? 'orange.8' : 'dimmed'}>
          {dirty ? 'Unsaved changes' : `Revision ${screening.revision} saved`}
        </Text>
      </Group>
      {check.problems.length > 0 && (
        <Text size="xs" c="red.8" role="status">
          Fix {check.problems.length} {check.problems.length === 1 ? 'problem' : 'problems'} before saving:{' '}
          {check.problems
            .slice(0, 3)
            .map((problem) => problem.message)
            .join('; ')}
          {check.problems.length > 3 ? '; …' : '.'}
        </Text>
      )}
      {mutation.error && staleDetails(mutation.error) === null && (
        <Alert color="red" role="alert" p="xs">
          {isApiError(mutation.error) && mutation.error.status === 403 ? 'Not allowed: ' : ''}
          {displayMessage(mutation.error)}
          {serverIssues.length > 0 && ` ${serverIssues.map((issue) => issue.message).join('; ')}.`}
        </Alert>
      )}
    </Stack>
  );

  return (
    <Grid gap="md" align="flex-start">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          {readOnlyReason !== null && (
            <Alert color="gray" p="xs" role="note">
              {readOnlyReason}
            </Alert>
          )}
          {stale && (
            <StaleRecordAlert
              currentRevision={stale.currentRevision}
              theirs={stale.theirs}
              mine={check.data}
              onReload={props.onReload}
              onKeepMine={() => {
                setBaseRevision(stale.currentRevision);
                setStale(null);
                setReasonOpen(true);
              }}
            />
          )}
          <Fieldset variant="unstyled" disabled={!editable} aria-label="Screening record">
            <Stack gap="md">
              <DemographicsSection {...sectionProps} />
              <DiagnosisSection {...sectionProps} />
              <FunctionSection {...sectionProps} />
              <LabsSection {...sectionProps} />
              <ConditionsSection {...sectionProps} />
              <MedicationsSection {...sectionProps} />
              <ManualChecksSection {...sectionProps} criteria={protocol.eligibility.criteria} />
            </Stack>
          </Fieldset>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Box style={{ position: 'sticky', top: 64, maxHeight: 'calc(100vh - 80px)', overflowY: 'auto' }}>
          <EligibilityPanel evaluation={check.evaluation} ignoredFields={check.ignoredFields}>
            {saveControls}
          </EligibilityPanel>
        </Box>
      </Grid.Col>
      <ReasonForChangeModal
        opened={reasonOpen}
        revision={baseRevision}
        onClose={() => setReasonOpen(false)}
        onSubmit={save}
        saving={mutation.isPending}
      />
    </Grid>
  );
}
