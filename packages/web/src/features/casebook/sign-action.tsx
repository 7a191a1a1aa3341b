import type { SignatureView } from '@celltrial/contracts';
import { Button, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../../lib/api-error.js';
import { ReauthenticateModal } from '../../ui/reauthenticate-modal.js';

/** The meaning of the investigator's form signature (21 CFR 11.50) as the server records it, shown before signing. */
export const FORM_SIGNATURE_STATEMENT =
  'I have reviewed the data on this form and confirm that they are accurate and complete to the best of my knowledge.';

/** The meaning of the investigator's casebook signature. */
export const CASEBOOK_SIGNATURE_STATEMENT =
  "I have reviewed this participant's casebook and confirm that its data are accurate and complete.";

export interface SignActionProps {
  /** The button text ('Sign' on a form, 'Sign casebook'). */
  label: string;
  /** Dialog title, e.g. "Sign: ALSFRS-R". */
  title: string;
  statement: string;
  /** What exactly is signed (form version, participant). */
  detail: string;
  /** Why signing is not possible now (unsaved changes); null when it is. */
  blockedReason: string | null;
  /** Sends the signing request (after the password is confirmed); reports a failure through `onFailed`. */
  sign: (onFailed: (error: unknown) => void) => void;
  pending: boolean;
  /** Reports a failure (null when a new attempt starts). */
  onError: (error: unknown) => void;
}

/** An investigator's e-signature: password re-entry (ReauthenticateModal), then the signing request. */
export function SignAction(props: SignActionProps) {
  const { label, title, statement, detail, blockedReason, sign, pending, onError } = props;
  const [signing, setSigning] = useState(false);
  const button = (
    <Button
      size="xs"
      color="green"
      onClick={() => {
        onError(null);
        setSigning(true);
      }}
      disabled={blockedReason !== null}
      loading={pending}
    >
      {label}
    </Button>
  );
  return (
    <>
      {blockedReason === null ? button : <Tooltip label={blockedReason}>{button}</Tooltip>}
      <ReauthenticateModal
        opened={signing}
        onClose={() => setSigning(false)}
        onConfirmed={() => {
          setSigning(false);
          sign((error) => {
            if (isApiError(error, 'REAUTHENTICATION_REQUIRED')) {
              setSigning(true);
            } else {
              onError(error);
            }
          });
        }}
        title={title}
        statement={
          <Stack gap={4} component="span">
            <Text span size="sm" fw={600}>
              {statement}
            </Text>
            <Text span size="xs" c="dimmed">
              {detail}
            </Text>
          </Stack>
        }
        confirmLabel="Confirm"
      />
    </>
  );
}

/** "Signed by … on … (form version n)" with the recorded meaning. */
export function SignatureLine({ signature }: { signature: SignatureView }) {
  return (
    <Text size="sm" component="div">
      <Text span fw={600}>
        Signed
      </Text>{' '}
      by {signature.signedBy} on {signature.signedAt.slice(0, 10)}
      {signature.formVersion === null ? '' : ` (form version ${signature.formVersion})`}
      <Text size="xs" c="dimmed">
        {signature.meaning}
      </Text>
    </Text>
  );
}
