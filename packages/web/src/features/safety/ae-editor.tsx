import { AdverseEventSchema, type AdverseEventView, type AeProcedureView } from '@celltrial/contracts';
import { Alert, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { displayMessage, isApiError } from '../../lib/api-error.js';
import type { ParticipantRef } from '../../lib/participants-api.js';
import { FormReasonModal } from '../casebook/form/form-save-dialogs.js';
import {
  aeDifferences,
  draftFromAe,
  emptyAeDraft,
  fieldsFromDraft,
  issuesByField,
  missingFields,
  type AeDraft,
} from './ae-draft.js';
import { AeFormFields } from './ae-form-fields.js';
import { useSaveAdverseEvent } from './use-safety.js';
import { StashedValuesNote } from '../../ui/stashed-values-note.js';

export interface AeEditorProps {
  participant: ParticipantRef;
  /** The saved AE (null for a new one). */
  ae: AdverseEventView | null;
  procedures: readonly AeProcedureView[];
  /** Null when the user may edit; otherwise why the AE is read-only. */
  readOnlyReason: string | null;
  onSaved?: (ae: AdverseEventView) => void;
}

interface Stale {
  currentVersion: number;
  theirs: AdverseEventView | null;
}

function staleOf(error: unknown): Stale | null {
  if (!isApiError(error, 'STALE_VERSION')) {
    return null;
  }
  const details = (error.details ?? {}) as { currentVersion?: unknown; current?: unknown };
  const parsed = AdverseEventSchema.safeParse(details.current);
  const theirs = parsed.success ? parsed.data : null;
  const currentVersion =
    typeof details.currentVersion === 'number' ? details.currentVersion : theirs?.version;
  return currentVersion === undefined ? null : { currentVersion, theirs };
}

const PROCEDURE_PREFIX = 'relatedness.procedures.';

function savedStateText(dirty: boolean, version: number): string {
  if (dirty) {
    return 'Unsaved changes';
  }
  return version > 0 ? `Version ${version} saved` : 'Not saved yet';
}

const FIELDS = new Set([
  'term',
  'ctcaeTerm',
  'onsetDate',
  'resolutionDate',
  'ongoing',
  'grade',
  'serious',
  'seriousness',
  'relatedness.product',
  'expected',
  'actionTaken',
  'outcome',
  'awarenessDate',
  'awarenessAt',
  'narrative',
]);

/**
 * Records or changes an adverse event: the server checks the clinical rules and answers each problem at its
 * field (422); a change asks for a reason; a stale version shows the other user's values next to the user's.
 */
export function AeEditor({ participant, ae, procedures, readOnlyReason, onSaved }: AeEditorProps) {
  const [base, setBase] = useState<{ version: number; draft: AeDraft }>(() => ({
    version: ae?.version ?? 0,
    draft: ae === null ? emptyAeDraft() : draftFromAe(ae),
  }));
  const [draft, setDraft] = useState<AeDraft>(base.draft);
  const [stash, setStash] = useState<AeDraft | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [reasonOpen, setReasonOpen] = useState(false);
  const [stale, setStale] = useState<Stale | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const save = useSaveAdverseEvent(participant, ae?.id ?? null);
  const mine = useMemo(() => fieldsFromDraft(draft), [draft]);
  const saved = useMemo(() => fieldsFromDraft(base.draft), [base.draft]);
  const dirty = JSON.stringify(mine) !== JSON.stringify(saved);
  const names = new Map(procedures.map((p) => [p.id, p.name]));
  const issues = issuesByField(save.error);
  const missing = missingFields(draft);
  const errorOf = (field: string) =>
    issues.get(field)?.join('; ') ?? (attempted ? missing.get(field) : undefined);
  const unattached = [...issues.entries()].filter(
    ([key]) =>
      !FIELDS.has(key) &&
      !(key.startsWith(PROCEDURE_PREFIX) && names.has(key.slice(PROCEDURE_PREFIX.length))),
  );
  const editable = readOnlyReason === null;

  const adopt = (view: AdverseEventView) => {
    const next = draftFromAe(view);
    setBase({ version: view.version, draft: next });
    setDraft(next);
  };
  const edit = (update: (current: AeDraft) => AeDraft) => {
    setSavedNote(null);
    if (save.error !== null && staleOf(save.error) === null) {
      save.reset();
    }
    setDraft(update);
  };
  const submit = (reasonForChange?: string) => {
    setStale(null);
    const body =
      base.version === 0
        ? mine
        : { ...mine, expectedVersion: base.version, reasonForChange: reasonForChange ?? '' };
    save.mutate(body, {
      onSuccess: (view) => {
        setReasonOpen(false);
        setStash(null);
        setAttempted(false);
        adopt(view);
        setSavedNote(`Saved version ${view.version} of AE ${view.aeNumber}.`);
        onSaved?.(view);
      },
      onError: (error) => {
        setReasonOpen(false);
        setStale(staleOf(error));
      },
    });
  };
  const requestSave = () => {
    setAttempted(true);
    if (missing.size > 0) {
      return;
    }
    if (base.version > 0) {
      setReasonOpen(true);
    } else {
      submit();
    }
  };
  const changed = aeDifferences(saved, mine, names).map((d) => d.label);

  return (
    <Stack gap="md">
      {readOnlyReason !== null && (
        <Alert color="gray" p="xs" role="note">
          {readOnlyReason}
        </Alert>
      )}
      {stale && (
        <Alert
          color="orange"
          role="alert"
          title="Someone else saved this adverse event while you were editing"
        >
          <Stack gap="xs">
            <Text size="sm">
              Version {stale.currentVersion} was saved
              {stale.theirs?.updatedBy ? ` by ${stale.theirs.updatedBy}` : ''}. Nothing of yours was saved,
              and nothing you typed is lost.
            </Text>
            {stale.theirs !== null && (
              <Table aria-label="Their values and yours" withTableBorder fz="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Field</Table.Th>
                    <Table.Th>Saved (version {stale.currentVersion})</Table.Th>
                    <Table.Th>Your form</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {aeDifferences(fieldsFromDraft(draftFromAe(stale.theirs)), mine, names).map((d) => (
                    <Table.Tr key={d.label}>
                      <Table.Td>{d.label}</Table.Td>
                      <Table.Td>{d.theirs}</Table.Td>
                      <Table.Td>{d.mine}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group gap="xs">
              <Button
                size="compact-sm"
                onClick={() => {
                  setStash(draft);
                  if (stale.theirs !== null) {
                    adopt(stale.theirs);
                  }
                  setStale(null);
                  save.reset();
                }}
              >
                Load version {stale.currentVersion}
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => {
                  setBase((current) => ({
                    version: stale.currentVersion,
                    draft: stale.theirs === null ? current.draft : draftFromAe(stale.theirs),
                  }));
                  setStale(null);
                  setReasonOpen(true);
                }}
              >
                Save my values over it…
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {stash && (
        <StashedValuesNote
          onReapply={() => {
            setDraft(stash);
            setStash(null);
          }}
        />
      )}
      <AeFormFields
        draft={draft}
        onChange={edit}
        procedures={procedures}
        errorOf={errorOf}
        readOnly={!editable}
      />
      {save.error !== null && staleOf(save.error) === null && (
        <Alert
          color="red"
          role="alert"
          p="xs"
          title={isApiError(save.error) && save.error.status === 403 ? 'Not allowed' : undefined}
        >
          {issues.size > 0
            ? `Nothing was saved: ${issues.size === 1 ? 'one field needs' : `${issues.size} fields need`} a correction (marked in the form).`
            : displayMessage(save.error)}
          {unattached.length > 0 && (
            <List size="xs" mt={4}>
              {unattached.map(([key, messages]) => (
                <List.Item key={key}>
                  {key}: {messages.join('; ')}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {editable && (
        <Group gap="sm">
          <Button onClick={requestSave} disabled={!dirty || save.isPending} loading={save.isPending}>
            Save
          </Button>
          <Text size="xs" c={dirty ? 'orange.8' : 'dimmed'}>
            {savedStateText(dirty, base.version)}
          </Text>
          {savedNote !== null && !dirty && (
            <Text size="xs" c="green.8">
              {savedNote}
            </Text>
          )}
        </Group>
      )}
      <FormReasonModal
        opened={reasonOpen}
        version={base.version}
        changed={changed}
        onClose={() => setReasonOpen(false)}
        onSubmit={submit}
        saving={save.isPending}
      />
    </Stack>
  );
}
