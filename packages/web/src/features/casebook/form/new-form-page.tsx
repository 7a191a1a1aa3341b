import type { CasebookView } from '@celltrial/contracts';
import { Alert, Anchor, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { LoadingBlock } from '../../../ui/loading-block.js';
import { PageHeader } from '../../../ui/page-header.js';
import { QueryError } from '../../../ui/query-error.js';
import { useStudyAccess } from '../../participants/use-study-access.js';
import { useStudyId } from '../../studies/use-study-id.js';
import { SyntheticBadge } from '../casebook-badges.js';
import { casebookLocked } from '../casebook-logs.js';
import { casebookUrl, formUrl } from '../casebook-urls.js';
import { formDefinitionOf } from '../form-definitions.js';
import { useCasebook } from '../use-casebook.js';
import type { FormTarget } from '../use-form-record.js';
import { FormEditor } from './form-editor.js';
import { useFormContext } from './use-form-context.js';

/** The saved record of this form at this visit, if someone started it already. */
function existingRecordId(
  casebook: CasebookView,
  visitId: string | undefined,
  formKey: string,
): string | null {
  if (visitId === undefined) {
    return null;
  }
  const visit = casebook.visits.find((v) => v.visitId === visitId);
  return visit?.forms.find((form) => form.formKey === formKey)?.formRecordId ?? null;
}

/**
 * A form not saved yet: at a recorded visit (`…/visits/:visitId/forms/:formKey/new`) or a new log entry
 * (`…/logs/:formKey/new`). The first Save creates the record and opens its page.
 */
export function NewFormPage() {
  const studyId = useStudyId();
  const { participantId = '', visitId, formKey = '' } = useParams();
  const ref = { studyId, participantId };
  const casebook = useCasebook(ref);
  const can = useStudyAccess(studyId);
  const navigate = useNavigate();
  const [dirty, setDirty] = useState(false);
  const visit = casebook.data?.visits.find((v) => v.visitId !== null && v.visitId === visitId);
  const context = useFormContext(ref, visit);
  const definition = formDefinitionOf(formKey);
  const back = (
    <Anchor component={Link} to={casebookUrl(studyId, participantId)} size="sm">
      ← Casebook
    </Anchor>
  );
  if (casebook.isPending) {
    return <LoadingBlock label="Loading casebook…" />;
  }
  if (casebook.isError) {
    return (
      <Stack gap="sm">
        {back}
        <QueryError
          title="Could not load the casebook"
          error={casebook.error}
          onRetry={() => void casebook.refetch()}
        />
      </Stack>
    );
  }
  const book = casebook.data;
  const existing = existingRecordId(book, visitId, formKey);
  // Someone started this form already: open it — unless the user has typed here (a save then shows the other
  // user's values next to theirs instead of dropping what they typed).
  if (existing !== null && !dirty) {
    return <Navigate to={formUrl({ ...ref, formRecordId: existing })} replace />;
  }
  if (definition === undefined) {
    return (
      <Stack gap="sm">
        {back}
        <Alert color="red" role="alert" title="Unknown form">
          This app has no definition for the form “{formKey}”.
        </Alert>
      </Stack>
    );
  }
  const target: FormTarget =
    visitId === undefined ? { kind: 'log', formKey } : { kind: 'visit', visitId, formKey };
  const subject = book.participant.subjectNumber ?? book.participant.screeningNumber;
  const locked = casebookLocked(book) || visit?.locked === true;
  let readOnlyReason: string | null = null;
  if (!can('form:write', book.participant.siteId)) {
    readOnlyReason = 'Your role at this site does not allow entering data.';
  } else if (locked) {
    readOnlyReason = 'The visit or casebook is locked; a data manager must unlock it first.';
  } else if (visitId !== undefined && visit === undefined) {
    readOnlyReason = 'This visit is not in the casebook (record the visit first).';
  }
  return (
    <>
      {back}
      <PageHeader
        title={
          <Group gap="sm">
            {definition.name}
            {book.synthetic && <SyntheticBadge />}
          </Group>
        }
        description={`${subject} · ${visit === undefined ? 'new entry' : `${visit.name}${visit.actualDate === null ? '' : ` (${visit.actualDate})`}`} · not saved yet`}
      />
      <FormEditor
        definition={definition}
        participant={ref}
        target={target}
        record={null}
        context={context}
        readOnlyReason={readOnlyReason}
        onDirtyChange={setDirty}
        onSaved={(saved) => void navigate(formUrl({ ...ref, formRecordId: saved.id }), { replace: true })}
      />
    </>
  );
}
