import type { FormRecordView } from '@celltrial/contracts';
import type { FormDefinition } from '@celltrial/core';
import { Button, Group, Stack, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { FormRecordRef } from '../../../lib/casebook-api.js';
import { ActionError } from '../../participants/action-error.js';
import type { AccessCheck } from '../../participants/use-study-access.js';
import { LockAction, UnlockAction } from '../lock-actions.js';
import { FORM_SIGNATURE_STATEMENT, SignAction } from '../sign-action.js';
import { useSignForm, useVerifyForm } from '../use-form-record.js';

export interface FormRecordActionsProps {
  definition: FormDefinition;
  formRef: FormRecordRef;
  record: FormRecordView;
  siteId: string;
  /** Subject number, for the signature dialog. */
  participantName: string;
  can: AccessCheck;
  /** The record is covered by an active lock (its own or a visit, casebook or study lock). */
  locked: boolean;
  /** The editor holds unsaved changes (a signature covers the saved version only). */
  dirty: boolean;
  /** Items a monitor ticked for "Verify"; empty = every item with a value. */
  selected: readonly string[];
  onVerified: () => void;
}

function signBlockedReason(dirty: boolean, locked: boolean): string | null {
  if (dirty) {
    return 'Save the form first: the signature covers the saved version.';
  }
  return locked ? 'The form is locked.' : null;
}

/** Verify (monitor), Sign (investigator), Lock / Unlock (data manager) for a saved form version. */
export function FormRecordActions(props: FormRecordActionsProps) {
  const { definition, formRef, record, siteId, participantName, can, locked, dirty, selected, onVerified } =
    props;
  const [error, setError] = useState<unknown>(null);
  const verify = useVerifyForm(formRef);
  const sign = useSignForm(formRef);
  const signedThisVersion = record.signature?.formVersion === record.version;
  const verifyButton = (
    <Button
      size="xs"
      variant="light"
      color="teal"
      disabled={dirty}
      loading={verify.isPending}
      onClick={() => {
        setError(null);
        verify.mutate(
          { ...(selected.length > 0 ? { itemIds: [...selected] } : {}), formVersion: record.version },
          { onSuccess: onVerified, onError: setError },
        );
      }}
    >
      Verify
    </Button>
  );
  return (
    <Stack gap={6}>
      <Group gap="xs">
        {can('form:verify', siteId) && !locked && (
          <Tooltip
            label={
              selected.length > 0
                ? `Mark the ${selected.length} ticked item(s) source-data verified at version ${record.version}`
                : `Mark every item with a value source-data verified at version ${record.version}`
            }
          >
            {verifyButton}
          </Tooltip>
        )}
        {can('form:sign', siteId) && !signedThisVersion && (
          <SignAction
            label="Sign"
            title={`Sign: ${definition.name}`}
            statement={FORM_SIGNATURE_STATEMENT}
            detail={`Participant ${participantName}, ${definition.name}, form version ${record.version}.`}
            blockedReason={signBlockedReason(dirty, locked)}
            sign={(onFailed) => sign.mutate(record.version, { onError: onFailed })}
            pending={sign.isPending}
            onError={setError}
          />
        )}
        {can('form:lock', siteId) && record.lock !== null && record.lock.unlockedAt === null && (
          <UnlockAction
            studyId={formRef.studyId}
            lock={record.lock}
            what={record.lock.scope === 'form' ? `this ${definition.name} form` : `the ${record.lock.scope}`}
          />
        )}
        {can('form:lock', siteId) && !locked && (
          <LockAction
            studyId={formRef.studyId}
            target={{ scope: 'form', participantId: formRef.participantId, formRecordId: record.id }}
            what={`this ${definition.name} form`}
            label="Lock"
          />
        )}
      </Group>
      <ActionError error={error} />
    </Stack>
  );
}
