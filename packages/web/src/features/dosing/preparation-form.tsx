import type { DosePlanView } from '@celltrial/contracts';
import { checkPreparedDose } from '@celltrial/core';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ParticipantRef } from '../../lib/participants-api.js';
import type { DosePreparationBody } from '../../lib/safety-api.js';
import { ActionError } from '../participants/action-error.js';
import { issuesByField } from '../safety/ae-draft.js';
import { percentText } from './dosing-labels.js';
import { usePrepareDose } from './use-dosing.js';

type OpenItem = Extract<DosePlanView['items'][number], { masked: false }>;

export interface PreparationFormProps {
  participant: ParticipantRef;
  plan: DosePlanView;
  /** The dose levels of an intervention, lowest first (from the protocol). */
  levelsOf: (interventionId: string) => readonly { id: string; name: string }[];
}

const MIN_REASON = 3;
const SHOWN_AT_FIELDS = new Set(['doseLevel', 'preparedAmount', 'lot', 'volumeMl', 'deviationReason']);
const numberOf = (text: string): number | null =>
  text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text);

/** The live tolerance check of the prepared amount (core's checkPreparedDose, the server's own check). */
function toleranceOf(item: OpenItem | undefined, amountText: string) {
  const c = item?.calculation;
  const prepared = numberOf(amountText);
  if (c?.kind !== 'ok' || prepared === null) {
    return null;
  }
  const check = checkPreparedDose({
    calculated: { amount: c.amount, unit: c.unit },
    preparedAmount: prepared,
    tolerancePercent: c.tolerancePercent ?? 0,
  });
  return check.kind === 'invalid' ? null : { ...check, tolerance: c.tolerancePercent ?? 0 };
}

/** The pharmacist's record of a prepared dose: amount, lot, volume; a deviation beyond tolerance asks why. */
export function PreparationForm({ participant, plan, levelsOf }: PreparationFormProps) {
  const items = plan.items.filter((i): i is OpenItem => !i.masked);
  const [interventionId, setInterventionId] = useState(items[0]?.interventionId ?? '');
  const item = items.find((i) => i.interventionId === interventionId);
  const [level, setLevel] = useState(item?.plannedLevel ?? '');
  const [amount, setAmount] = useState('');
  const [lot, setLot] = useState('');
  const [volume, setVolume] = useState(String(item?.volume.volumeMl ?? ''));
  const [reason, setReason] = useState('');
  const [judgements, setJudgements] = useState<Record<string, boolean>>({});
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const prepare = usePrepareDose(participant);
  const issues = issuesByField(prepare.error);
  const levels = levelsOf(interventionId);
  const amountNeeded = item?.calculation.kind === 'ok';
  const tolerance = toleranceOf(item, amount);
  const levelChanged = item?.plannedLevel !== null && level !== '' && level !== item?.plannedLevel;
  const needsReason = tolerance?.kind === 'deviation' || levelChanged;
  const judgementRule = item?.modification?.kind === 'needs-judgement' ? item.modification.rule : null;
  const valid =
    item !== undefined &&
    lot.trim() !== '' &&
    numberOf(volume) !== null &&
    (!amountNeeded || numberOf(amount) !== null) &&
    (!needsReason || reason.trim().length >= MIN_REASON);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) {
      return;
    }
    const body: DosePreparationBody = {
      visitKey: plan.visitKey,
      occurrence: plan.occurrence,
      interventionId,
      ...(level === '' || !levelChanged ? {} : { doseLevel: level }),
      ...(amountNeeded ? { preparedAmount: numberOf(amount) ?? 0 } : {}),
      lot: lot.trim(),
      volumeMl: numberOf(volume) ?? 0,
      ...(needsReason ? { deviationReason: reason.trim() } : {}),
      ...(Object.keys(judgements).length === 0 ? {} : { judgements }),
      doseDate: plan.doseDate,
    };
    prepare.mutate(body, {
      onSuccess: (record) => {
        setSavedNote(`Preparation recorded (lot ${record.lot ?? '—'}, ${record.volumeMl} mL).`);
        setAmount('');
        setLot('');
        setReason('');
      },
    });
  };
  const err = (field: string) => issues.get(field)?.join('; ');
  const unit = item?.calculation.kind === 'ok' ? item.calculation.unit : '';
  return (
    <Paper p="md" component="section" aria-labelledby="dose-preparation">
      <Title order={3} fz="h4" id="dose-preparation" mb="xs">
        Prepare the dose
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {items.length > 1 && (
              <NativeSelect
                label="Product"
                data={items.map((i) => ({ value: i.interventionId, label: i.interventionName }))}
                value={interventionId}
                onChange={(event) => {
                  const next = items.find((i) => i.interventionId === event.currentTarget.value);
                  setInterventionId(event.currentTarget.value);
                  setLevel(next?.plannedLevel ?? '');
                }}
              />
            )}
            {levels.length > 0 && (
              <NativeSelect
                label="Dose level"
                description={
                  level === item?.plannedLevel ? 'as planned' : 'differs from the plan: give the reason'
                }
                data={levels.map((l) => ({ value: l.id, label: l.name }))}
                value={level}
                onChange={(event) => setLevel(event.currentTarget.value)}
                error={err('doseLevel')}
              />
            )}
            {amountNeeded && (
              <TextInput
                label={`Prepared amount (${unit})`}
                description="As counted in the final product, e.g. 5.2e7"
                value={amount}
                onChange={(event) => setAmount(event.currentTarget.value)}
                error={
                  err('preparedAmount') ??
                  (amount !== '' && numberOf(amount) === null ? 'not a number' : undefined)
                }
                required
              />
            )}
            <TextInput
              label="Lot"
              value={lot}
              onChange={(event) => setLot(event.currentTarget.value)}
              error={err('lot')}
              required
            />
            <TextInput
              label="Volume (mL)"
              value={volume}
              onChange={(event) => setVolume(event.currentTarget.value)}
              error={
                err('volumeMl') ?? (volume !== '' && numberOf(volume) === null ? 'not a number' : undefined)
              }
              required
            />
          </SimpleGrid>
          {tolerance !== null && (
            <Text
              size="sm"
              role="status"
              aria-label="Tolerance check"
              c={tolerance.kind === 'deviation' ? 'red.8' : 'green.8'}
              fw={600}
            >
              {tolerance.kind === 'deviation'
                ? `Deviation ${percentText(tolerance.percent)} from the calculated dose, beyond ±${tolerance.tolerance} %: record why it is given anyway.`
                : `Within tolerance (${percentText(tolerance.percent)}, allowed ±${tolerance.tolerance} %).`}
            </Text>
          )}
          {judgementRule !== null && judgementRule !== undefined && (
            <Radio.Group
              label={`Investigator judgement: ${judgementRule.text}`}
              value={judgements[judgementRule.id] === undefined ? '' : String(judgements[judgementRule.id])}
              onChange={(value) => setJudgements({ ...judgements, [judgementRule.id]: value === 'true' })}
            >
              <Group gap="md" mt={4}>
                <Radio value="true" label="Yes" />
                <Radio value="false" label="No" />
              </Group>
            </Radio.Group>
          )}
          {needsReason && (
            <Textarea
              label="Reason for the deviation"
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={err('deviationReason')}
              rows={2}
              required
            />
          )}
          {prepare.error !== null && issues.size === 0 && <ActionError error={prepare.error} />}
          {issues.size > 0 && (
            <Alert color="red" p="xs" role="alert">
              The preparation was not recorded; the fields concerned are marked.
              {[...issues.entries()]
                .filter(([key]) => !SHOWN_AT_FIELDS.has(key))
                .map(([key, messages]) => (
                  <Text key={key} size="sm">
                    {key}: {messages.join('; ')}
                  </Text>
                ))}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" disabled={!valid} loading={prepare.isPending}>
              Record preparation
            </Button>
            {savedNote !== null && (
              <Text size="xs" c="green.8">
                {savedNote}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
