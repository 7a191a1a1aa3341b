import type { EscalationBoardView } from '@celltrial/contracts';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../lib/api-error.js';
import type { SaveDltBody } from '../../lib/safety-api.js';
import { ReauthenticateModal } from '../../ui/reauthenticate-modal.js';
import { ActionError } from '../participants/action-error.js';
import { issuesByField } from '../safety/ae-draft.js';
import { useAdverseEvents } from '../safety/use-safety.js';
import { DLT_SIGNATURE_STATEMENT } from './escalation-labels.js';
import { useSaveDltAssessment, useSignDltAssessment } from './use-escalation.js';

export type BoardParticipant = EscalationBoardView['cohorts'][number]['participants'][number];

export interface DltAssessmentDialogProps {
  studyId: string;
  participant: BoardParticipant;
  /** May sign (investigator): "Save and sign" after the password. */
  canSign: boolean;
  onClose: () => void;
}

const MIN_REASON = 3;

/**
 * The DLT assessment of one participant: DLT yes/no (with its onset date inside the window and the AEs that make
 * it up), a comment, a reason when changing a saved one; an investigator saves and signs with the password.
 */
export function DltAssessmentDialog({ studyId, participant, canSign, onClose }: DltAssessmentDialogProps) {
  const ref = { studyId, participantId: participant.participantId };
  const current = participant.assessment;
  const [dlt, setDlt] = useState<'yes' | 'no' | ''>(() => {
    if (current === null) {
      return '';
    }
    return current.dlt ? 'yes' : 'no';
  });
  const [dltDate, setDltDate] = useState(current?.dltDate ?? '');
  const [aeIds, setAeIds] = useState<string[]>(current?.adverseEventIds ?? []);
  const [comment, setComment] = useState(current?.comment ?? '');
  const [reason, setReason] = useState('');
  const [signing, setSigning] = useState(false);
  const aes = useAdverseEvents(ref);
  const save = useSaveDltAssessment(ref);
  const sign = useSignDltAssessment(ref);
  const issues = issuesByField(save.error);
  const changing = current !== null;
  const valid =
    dlt !== '' &&
    (dlt === 'no' || /^\d{4}-\d{2}-\d{2}$/.test(dltDate)) &&
    (!changing || reason.trim().length >= MIN_REASON);
  const body = (): SaveDltBody => ({
    dlt: dlt === 'yes',
    ...(dlt === 'yes' ? { dltDate, adverseEventIds: aeIds } : { adverseEventIds: [] }),
    ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
    expectedVersion: current?.version ?? 0,
    ...(changing ? { reasonForChange: reason.trim() } : {}),
  });
  const saveOnly = (event: FormEvent) => {
    event.preventDefault();
    if (valid) {
      save.mutate(body(), { onSuccess: onClose });
    }
  };
  const saveAndSign = () => {
    setSigning(false);
    save.mutate(body(), {
      onSuccess: (saved) => {
        if (saved.assessment === null) {
          return;
        }
        sign.mutate(saved.assessment.version, {
          onSuccess: onClose,
          onError: (error) => {
            if (isApiError(error, 'REAUTHENTICATION_REQUIRED')) {
              setSigning(true);
            }
          },
        });
      },
    });
  };
  const window =
    participant.firstDoseDate === null
      ? 'No dose recorded: the DLT window has not started.'
      : `DLT window ${participant.firstDoseDate} to ${participant.windowEnd ?? '—'}.`;
  return (
    <>
      <Modal
        opened={!signing}
        onClose={onClose}
        title={`DLT assessment: ${participant.participantNumber}`}
        centered
        size="lg"
      >
        <form onSubmit={saveOnly} noValidate>
          <Stack gap="sm">
            <Text size="sm">{window}</Text>
            <Text size="xs" c="dimmed">
              {participant.explanation}
            </Text>
            <Radio.Group
              label="Dose-limiting toxicity in the window"
              value={dlt}
              onChange={(value) => setDlt(value === 'yes' ? 'yes' : 'no')}
              error={issues.get('dlt')?.join('; ')}
              withAsterisk
            >
              <Group gap="md" mt={4}>
                <Radio value="yes" label="Yes" />
                <Radio value="no" label="No" />
              </Group>
            </Radio.Group>
            {dlt === 'no' && (
              <Text size="xs" c="dimmed">
                A &quot;no DLT&quot; assessment counts once the window is complete; before that the
                participant stays pending.
              </Text>
            )}
            {dlt === 'yes' && (
              <>
                <TextInput
                  type="date"
                  label="DLT onset date"
                  description="Inside the DLT window"
                  value={dltDate}
                  onChange={(event) => setDltDate(event.currentTarget.value)}
                  error={issues.get('dltDate')?.join('; ')}
                  required
                />
                <Checkbox.Group
                  label="Adverse events that make up the DLT"
                  value={aeIds}
                  onChange={setAeIds}
                  error={issues.get('adverseEventIds')?.join('; ')}
                >
                  <Stack gap={4} mt={4}>
                    {(aes.data?.adverseEvents ?? []).map((ae) => (
                      <Checkbox
                        key={ae.id}
                        value={ae.id}
                        label={`AE ${ae.aeNumber}: ${ae.ctcaeTerm ?? ae.term}, grade ${ae.grade}, onset ${ae.onsetDate}`}
                      />
                    ))}
                    {aes.data?.adverseEvents.length === 0 && (
                      <Text size="xs" c="dimmed">
                        No adverse event recorded for this participant.
                      </Text>
                    )}
                  </Stack>
                </Checkbox.Group>
              </>
            )}
            <Textarea
              label="Comment"
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              rows={2}
            />
            {changing && (
              <Textarea
                label="Reason for change"
                description={
                  current.signedAt === null
                    ? undefined
                    : 'Changing a signed assessment removes its signature.'
                }
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={issues.get('reasonForChange')?.join('; ')}
                rows={2}
                required
              />
            )}
            {issues.size === 0 && <ActionError error={save.error} />}
            {issues.size > 0 && (
              <Alert color="red" p="xs" role="alert">
                Not saved: the fields concerned are marked.
              </Alert>
            )}
            <ActionError error={sign.error} title="Saved, but not signed" />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button
                type="submit"
                variant={canSign ? 'default' : 'filled'}
                disabled={!valid}
                loading={save.isPending}
              >
                Save
              </Button>
              {canSign && (
                <Button
                  color="green"
                  disabled={!valid}
                  loading={save.isPending || sign.isPending}
                  onClick={() => {
                    save.reset();
                    sign.reset();
                    setSigning(true);
                  }}
                >
                  Save and sign
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Modal>
      <ReauthenticateModal
        opened={signing}
        onClose={() => setSigning(false)}
        onConfirmed={saveAndSign}
        title={`Sign DLT assessment: ${participant.participantNumber}`}
        statement={
          <Stack gap={4} component="span">
            <Text span size="sm" fw={600}>
              {DLT_SIGNATURE_STATEMENT}
            </Text>
            <Text span size="xs" c="dimmed">
              {dlt === 'yes' ? `DLT with onset ${dltDate}` : 'No DLT'} · {window}
            </Text>
          </Stack>
        }
        confirmLabel="Confirm"
      />
    </>
  );
}
