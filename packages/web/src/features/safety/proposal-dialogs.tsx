import type { AeProposalView } from '@celltrial/contracts';
import { RELATEDNESS_LEVELS, type Relatedness } from '@celltrial/core';
import { Button, Group, List, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ActionError } from '../participants/action-error.js';
import { GRADE_LABELS, OUTCOME_LABELS, RELATEDNESS_LABELS, labelOf } from './safety-labels.js';
import { useConfirmProposal, useDismissProposal } from './use-safety.js';

const MIN_REASON = 3;
const NOT_ASSESSED = 'not-assessed';

interface DialogProps {
  studyId: string;
  proposal: AeProposalView;
  opened: boolean;
  onClose: () => void;
}

/** The investigator confirms a lab AE proposal: the prefilled AE, with causality to the product if known. */
export function ConfirmProposalDialog({ studyId, proposal, opened, onClose }: DialogProps) {
  const ref = { studyId, participantId: proposal.participantId };
  const confirm = useConfirmProposal(ref);
  const [product, setProduct] = useState<string>(proposal.prefill.relatedness?.product ?? NOT_ASSESSED);
  const prefill = proposal.prefill;
  const close = () => {
    confirm.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const overrides =
      product === NOT_ASSESSED
        ? {}
        : {
            relatedness: {
              product: product as Relatedness,
              procedures: prefill.relatedness?.procedures ?? {},
            },
          };
    confirm.mutate({ proposalId: proposal.id, overrides }, { onSuccess: close });
  };
  return (
    <Modal opened={opened} onClose={close} title={`Confirm AE: ${proposal.ctcaeTerm}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{proposal.reason}</Text>
          <List size="sm" spacing={2}>
            <List.Item>
              Term: {prefill.term ?? proposal.ctcaeTerm} (CTCAE {proposal.ctcaeVersion})
            </List.Item>
            <List.Item>
              Onset: {prefill.onsetDate ?? 'the sample date is unknown: set it on the AE'}
            </List.Item>
            <List.Item>Grade: {labelOf(GRADE_LABELS, String(proposal.grade))}</List.Item>
            <List.Item>
              Not serious; ongoing; outcome {labelOf(OUTCOME_LABELS, prefill.outcome ?? 'unknown')}
            </List.Item>
          </List>
          <Select
            label="Related to the product"
            data={[
              { value: NOT_ASSESSED, label: 'Not assessed yet' },
              ...RELATEDNESS_LEVELS.map((r) => ({ value: r, label: RELATEDNESS_LABELS[r] })),
            ]}
            value={product}
            onChange={(value) => setProduct(value ?? NOT_ASSESSED)}
            allowDeselect={false}
          />
          <Text size="xs" c="dimmed">
            Any other field (serious, resolution, action taken) can be changed on the AE after confirming.
          </Text>
          <ActionError error={confirm.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={confirm.isPending}>
              Confirm AE
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The investigator dismisses a lab AE proposal; the reason is required and kept. */
export function DismissProposalDialog({ studyId, proposal, opened, onClose }: DialogProps) {
  const dismiss = useDismissProposal({ studyId, participantId: proposal.participantId });
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= MIN_REASON;
  const close = () => {
    dismiss.reset();
    setReason('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) {
      dismiss.mutate({ proposalId: proposal.id, reason: reason.trim() }, { onSuccess: close });
    }
  };
  return (
    <Modal opened={opened} onClose={close} title={`Dismiss proposal: ${proposal.ctcaeTerm}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{proposal.reason}</Text>
          <Textarea
            label="Reason for dismissing"
            placeholder="e.g. haemolysed sample; repeat value normal"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            rows={3}
            required
            data-autofocus
          />
          <ActionError error={dismiss.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!valid} loading={dismiss.isPending}>
              Dismiss proposal
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
