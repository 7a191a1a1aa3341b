import { FormRecordSchema, type FormRecordView } from '@celltrial/contracts';
import {
  canonicalJson,
  type FormContext,
  type FormDefinition,
  type FormIssue,
  type FormItem,
} from '@celltrial/core';
import { Alert, Box, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { displayMessage, isApiError } from '../../../lib/api-error.js';
import type { ParticipantRef } from '../../../lib/participants-api.js';
import { definitionItems } from '../form-definitions.js';
import { useSaveForm, type FormTarget } from '../use-form-record.js';
import { checkFormDraft } from './form-check.js';
import { FormDerivedPanel } from './form-derived-panel.js';
import { changedItemIds, draftFromValues, type FormDraft } from './form-draft.js';
import { FormReasonModal, StaleFormAlert } from './form-save-dialogs.js';
import { FormSections } from './form-sections.js';
import { StashedValuesNote } from '../../../ui/stashed-values-note.js';

export interface FormEditorProps {
  definition: FormDefinition;
  participant: ParticipantRef;
  target: FormTarget;
  /** The saved record (null for a form not started yet). */
  record: FormRecordView | null;
  /** What the engine knows about the participant and the visit (visit date, demographics). */
  context: FormContext;
  /** Null when the user may edit; otherwise why the form is read-only. */
  readOnlyReason: string | null;
  itemAside?: (item: FormItem) => ReactNode;
  /** Controls shown next to Save (Sign, Verify, Lock). */
  actions?: ReactNode;
  onSaved?: (record: FormRecordView) => void;
  onDirtyChange?: (dirty: boolean) => void;
}

interface Base {
  version: number;
  values: Readonly<Record<string, unknown>>;
}

interface Stale {
  currentVersion: number;
  theirs: FormRecordView | null;
}

function staleOf(error: unknown): Stale | null {
  if (!isApiError(error, 'STALE_VERSION')) {
    return null;
  }
  const details = (error.details ?? {}) as { currentVersion?: unknown; current?: unknown };
  const parsed = FormRecordSchema.safeParse(details.current);
  const theirs = parsed.success ? parsed.data : null;
  const currentVersion =
    typeof details.currentVersion === 'number' ? details.currentVersion : theirs?.version;
  return currentVersion === undefined ? null : { currentVersion, theirs };
}

/** The item problems of a 422 FORM_INVALID answer, by item. */
function serverIssuesOf(error: unknown): Map<string, FormIssue[]> {
  const map = new Map<string, FormIssue[]>();
  if (!isApiError(error, 'FORM_INVALID')) {
    return map;
  }
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  for (const raw of Array.isArray(issues) ? (issues as unknown[]) : []) {
    const issue = raw as { item?: unknown; path?: unknown; rule?: unknown; message?: unknown };
    const path = typeof issue.path === 'string' ? issue.path : '';
    const item = typeof issue.item === 'string' ? issue.item : path.replace(/^(body\.)?values\./, '');
    const message = typeof issue.message === 'string' ? issue.message : 'invalid value';
    const rule = typeof issue.rule === 'string' ? issue.rule : '';
    map.set(item, [...(map.get(item) ?? []), { item, rule, message }]);
  }
  return map;
}

function StatusLine({ complete, errors, missing }: { complete: boolean; errors: number; missing: number }) {
  let text = 'Complete';
  let color = 'green.8';
  if (errors > 0) {
    text = `${errors} ${errors === 1 ? 'problem' : 'problems'} to fix before saving`;
    color = 'red.8';
  } else if (!complete) {
    text = `Incomplete: ${missing} required ${missing === 1 ? 'item' : 'items'} without a value (it can be saved)`;
    color = 'orange.8';
  }
  return (
    <Text size="sm" c={color} role="status" aria-label="Form status" fw={600}>
      {text}
    </Text>
  );
}

function savedStateText(dirty: boolean, version: number): string {
  if (dirty) {
    return 'Unsaved changes';
  }
  return version > 0 ? `Version ${version} saved` : 'Not saved yet';
}

/**
 * A generic eCRF editor driven by the form definition: live evaluation with core's form engine as the user types
 * (derived scores, skip logic, errors at the item), Save (incomplete allowed), a reason for change when saved data
 * change, and the "someone else saved" comparison on a stale version.
 */
export function FormEditor(props: FormEditorProps) {
  const { definition, participant, target, record, context, readOnlyReason, itemAside, actions } = props;
  const [base, setBase] = useState<Base>({ version: record?.version ?? 0, values: record?.values ?? {} });
  const [draft, setDraft] = useState<FormDraft>(() => draftFromValues(definition, base.values));
  const [reasonOpen, setReasonOpen] = useState(false);
  const [stale, setStale] = useState<Stale | null>(null);
  const [stash, setStash] = useState<FormDraft | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const save = useSaveForm(participant, target);
  const check = useMemo(() => checkFormDraft(definition, draft, context), [definition, draft, context]);
  const dirty = canonicalJson(check.values) !== canonicalJson(base.values);
  const editable = readOnlyReason === null;
  const { onDirtyChange, onSaved } = props;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  // A newer saved version arrived (after a sign, verify or a refetch): take it over while nothing is unsaved.
  const recordVersion = record?.version;
  useEffect(() => {
    if (record && record.version !== base.version && !dirty) {
      setBase({ version: record.version, values: record.values });
      setDraft(draftFromValues(definition, record.values));
    }
  }, [recordVersion]); // only a new version from the server triggers this

  const adopt = (saved: { version: number; values: Readonly<Record<string, unknown>> }) => {
    setBase({ version: saved.version, values: saved.values });
    setDraft(draftFromValues(definition, saved.values));
  };
  const edit = (update: (current: FormDraft) => FormDraft) => {
    setSavedNote(null);
    if (save.error !== null) {
      save.reset();
    }
    setDraft(update);
  };
  const submit = (reasonForChange?: string) => {
    setStale(null);
    save.mutate(
      {
        values: check.values,
        expectedVersion: base.version,
        ...(reasonForChange === undefined ? {} : { reasonForChange }),
      },
      {
        onSuccess: (saved) => {
          setReasonOpen(false);
          setStash(null);
          adopt(saved);
          const raised =
            saved.raisedQueries > 0 ? `; ${saved.raisedQueries} query(ies) raised by edit checks` : '';
          const closed = saved.closedQueries > 0 ? `; ${saved.closedQueries} query(ies) closed` : '';
          setSavedNote(`Saved version ${saved.version} (${saved.status})${raised}${closed}.`);
          onSaved?.(saved);
        },
        onError: (error) => {
          const details = staleOf(error);
          setReasonOpen(false);
          if (details) {
            setStale(details);
          }
        },
      },
    );
  };
  const requestSave = () => (base.version > 0 ? setReasonOpen(true) : submit());
  const errors = check.evaluation.errors;
  const canSave = editable && dirty && errors.length === 0 && !save.isPending;
  const labels = new Map(definitionItems(definition).map((item) => [item.id, item.label]));
  const changed = changedItemIds(definition, base.values, check.values).map((id) => labels.get(id) ?? id);
  const live = dirty || record === null;
  const derived = live
    ? { values: check.evaluation.derived, notes: check.evaluation.derivationNotes }
    : { values: record.derived, notes: check.evaluation.derivationNotes };
  const unattached = errors.filter((issue) => !labels.has(issue.item));

  return (
    <Grid gap="md" align="flex-start">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="md">
          {readOnlyReason !== null && (
            <Alert color="gray" p="xs" role="note">
              {readOnlyReason}
            </Alert>
          )}
          {stale && (
            <StaleFormAlert
              definition={definition}
              currentVersion={stale.currentVersion}
              theirs={stale.theirs}
              mine={check.values}
              onLoadTheirs={() => {
                setStash(draft);
                if (stale.theirs) {
                  adopt(stale.theirs);
                }
                setStale(null);
              }}
              onKeepMine={() => {
                setBase((current) => ({
                  ...current,
                  version: stale.currentVersion,
                  values: stale.theirs?.values ?? current.values,
                }));
                setStale(null);
                setReasonOpen(true);
              }}
            />
          )}
          {stash && (
            <StashedValuesNote
              onReapply={() => {
                setDraft(stash);
                setStash(null);
              }}
            />
          )}
          <FormSections
            definition={definition}
            draft={draft}
            check={check}
            serverIssues={serverIssuesOf(save.error)}
            onText={(id, text) => edit((current) => ({ ...current, text: { ...current.text, [id]: text } }))}
            onUnit={(id, unit) =>
              edit((current) => ({ ...current, units: { ...current.units, [id]: unit } }))
            }
            readOnly={!editable}
            itemAside={itemAside}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Box style={{ position: 'sticky', top: 64 }}>
          <Stack gap="sm">
            <StatusLine
              complete={check.evaluation.complete}
              errors={errors.length}
              missing={check.evaluation.missing.length}
            />
            {unattached.map((issue) => (
              <Text key={issue.message} size="xs" c="red.8">
                {issue.message}
              </Text>
            ))}
            {editable && (
              <Group gap="xs">
                <Button onClick={requestSave} disabled={!canSave} loading={save.isPending}>
                  Save
                </Button>
              </Group>
            )}
            <Text size="xs" c={dirty ? 'orange.8' : 'dimmed'}>
              {savedStateText(dirty, base.version)}
            </Text>
            {savedNote !== null && !dirty && (
              <Text size="xs" c="green.8">
                {savedNote}
              </Text>
            )}
            {save.error !== null && staleOf(save.error) === null && (
              <Alert
                color="red"
                role="alert"
                p="xs"
                title={isApiError(save.error) && save.error.status === 403 ? 'Not allowed' : undefined}
              >
                {displayMessage(save.error)}
                {isApiError(save.error, 'FORM_INVALID') && ' The items concerned are marked.'}
              </Alert>
            )}
            {actions}
            <FormDerivedPanel definition={definition} derived={derived} live={live} />
          </Stack>
        </Box>
      </Grid.Col>
      <FormReasonModal
        opened={reasonOpen}
        version={base.version}
        changed={changed}
        onClose={() => setReasonOpen(false)}
        onSubmit={submit}
        saving={save.isPending}
      />
    </Grid>
  );
}
