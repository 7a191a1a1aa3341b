import type { CasebookView, FormRecordView } from '@celltrial/contracts';
import type { FormDefinition, FormItem } from '@celltrial/core';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../lib/api-error.js';
import { LoadingBlock } from '../../../ui/loading-block.js';
import { PageHeader } from '../../../ui/page-header.js';
import { QueryError } from '../../../ui/query-error.js';
import { useStudyAccess, type AccessCheck } from '../../participants/use-study-access.js';
import { ItemQueriesDrawer } from '../../queries/item-queries-drawer.js';
import { useStudyId } from '../../studies/use-study-id.js';
import { LockedBadge, SyntheticBadge } from '../casebook-badges.js';
import { casebookUrl } from '../casebook-urls.js';
import { definitionItems, formDefinitionOf } from '../form-definitions.js';
import { lockDetail } from '../lock-actions.js';
import { SignatureLine } from '../sign-action.js';
import { useCasebook } from '../use-casebook.js';
import { useFormRecord } from '../use-form-record.js';
import { FormEditor } from './form-editor.js';
import { FormItemAside } from './form-item-aside.js';
import { FormRecordActions } from './form-record-actions.js';
import { ItemHistoryDrawer } from './item-history-drawer.js';
import { UnknownFormValues } from './unknown-form-values.js';
import { useFormContext } from './use-form-context.js';

/** Whether an active lock covers the record (its own lock, or the form shows as locked in the casebook). */
function isLocked(record: FormRecordView, casebook: CasebookView | undefined): boolean {
  if (record.lock !== null && record.lock.unlockedAt === null) {
    return true;
  }
  const summaries = [
    ...(casebook?.visits.flatMap((v) => v.forms) ?? []),
    ...(casebook?.logs.flatMap((l) => l.entries) ?? []),
  ];
  return summaries.some((summary) => summary.formRecordId === record.id && summary.locked);
}

function readOnlyReason(params: {
  record: FormRecordView;
  locked: boolean;
  can: AccessCheck;
  siteId: string;
}) {
  const { record, locked, can, siteId } = params;
  if (locked) {
    const detail = record.lock === null ? 'Locked' : lockDetail(record.lock);
    return `${detail}. A data manager must unlock it before any change.`;
  }
  if (!can('form:write', siteId)) {
    return 'You may read this form; your role at this site does not allow changing it.';
  }
  return null;
}

function FormRecordBody(props: {
  definition: FormDefinition;
  record: FormRecordView;
  casebook: CasebookView;
}) {
  const { definition, record, casebook } = props;
  const { participant } = casebook;
  const ref = { studyId: participant.studyId, participantId: participant.id, formRecordId: record.id };
  const can = useStudyAccess(participant.studyId);
  const [search, setSearch] = useSearchParams();
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [historyItem, setHistoryItem] = useState<FormItem | null>(null);
  const visit = casebook.visits.find((v) => v.visitId !== null && v.visitId === record.visitId);
  const context = useFormContext(ref, visit);
  const locked = isLocked(record, casebook);
  const items = definitionItems(definition);
  const queryItem = items.find((item) => item.id === search.get('item')) ?? null;
  const openQueries = (item: FormItem | null) => {
    const next = new URLSearchParams(search);
    if (item === null) {
      next.delete('item');
    } else {
      next.set('item', item.id);
    }
    setSearch(next, { replace: true });
  };
  return (
    <>
      <FormEditor
        definition={definition}
        participant={ref}
        target={{ kind: 'record', formRecordId: record.id }}
        record={record}
        context={context}
        readOnlyReason={readOnlyReason({ record, locked, can, siteId: participant.siteId })}
        onDirtyChange={setDirty}
        itemAside={(item) => (
          <FormItemAside
            item={item}
            record={record}
            canVerify={can('form:verify', participant.siteId) && !locked && !dirty}
            selected={selected.includes(item.id)}
            onToggle={(id, on) =>
              setSelected((current) => (on ? [...current, id] : current.filter((x) => x !== id)))
            }
            onQueries={openQueries}
            onHistory={setHistoryItem}
          />
        )}
        actions={
          <Stack gap="xs">
            <FormRecordActions
              definition={definition}
              formRef={ref}
              record={record}
              siteId={participant.siteId}
              participantName={participant.subjectNumber ?? participant.screeningNumber}
              can={can}
              locked={locked}
              dirty={dirty}
              selected={selected}
              onVerified={() => setSelected([])}
            />
            {record.signature !== null && <SignatureLine signature={record.signature} />}
          </Stack>
        }
      />
      <ItemQueriesDrawer
        record={ref}
        siteId={participant.siteId}
        item={queryItem}
        queries={record.queries}
        can={can}
        locked={locked}
        onClose={() => openQueries(null)}
      />
      <ItemHistoryDrawer record={ref} item={historyItem} onClose={() => setHistoryItem(null)} />
    </>
  );
}

/** One saved eCRF form: the generic editor with queries, SDV, signature, lock and item history. */
export function FormPage() {
  const studyId = useStudyId();
  const { participantId = '', formRecordId = '' } = useParams();
  const record = useFormRecord({ studyId, participantId, formRecordId });
  const casebook = useCasebook({ studyId, participantId });
  const back = (
    <Anchor component={Link} to={casebookUrl(studyId, participantId)} size="sm">
      ← Casebook
    </Anchor>
  );
  if (record.isPending || casebook.isPending) {
    return <LoadingBlock label="Loading form…" />;
  }
  const failed = record.isError ? record.error : casebook.error;
  if (record.isError || casebook.isError) {
    const title = isApiError(failed, 'NOT_FOUND') ? 'Form not found' : 'Could not load the form';
    return (
      <Stack gap="sm">
        {back}
        <QueryError
          title={title}
          error={failed}
          onRetry={() => void (record.isError ? record.refetch() : casebook.refetch())}
        />
      </Stack>
    );
  }
  const view = record.data;
  const book = casebook.data;
  const definition = formDefinitionOf(view.formKey);
  const visit = book.visits.find((v) => v.visitId !== null && v.visitId === view.visitId);
  const subject = book.participant.subjectNumber ?? book.participant.screeningNumber;
  const where =
    visit === undefined
      ? `entry ${view.entryNumber}`
      : `${visit.name}${visit.actualDate === null ? '' : ` (${visit.actualDate})`}`;
  return (
    <>
      {back}
      <PageHeader
        title={
          <Group gap="sm">
            {definition?.name ?? view.formKey}
            <Badge
              color={view.status === 'complete' ? 'green' : 'orange'}
              variant="light"
              size="sm"
              tt="none"
            >
              {view.status === 'complete' ? 'Complete' : 'Incomplete'}
            </Badge>
            {(view.synthetic || book.synthetic) && <SyntheticBadge />}
            {isLocked(view, book) && (
              <LockedBadge {...(view.lock === null ? {} : { detail: lockDetail(view.lock) })} />
            )}
          </Group>
        }
        description={`${subject} · ${where} · version ${view.version} · ${view.definitionVersion} · updated ${view.updatedAt.slice(0, 10)}${view.updatedBy === null ? '' : ` by ${view.updatedBy}`}`}
      />
      {definition === undefined ? (
        <UnknownFormValues record={view} />
      ) : (
        <FormRecordBody key={view.id} definition={definition} record={view} casebook={book} />
      )}
      {definition !== undefined && view.definitionVersion !== definition.version && (
        <Text size="xs" c="dimmed" mt="sm">
          Saved under definition {view.definitionVersion}; this app shows {definition.version}.
        </Text>
      )}
    </>
  );
}
