import type { CriterionEvaluation, EligibilityEvaluation } from '@celltrial/core';
import { Badge, Group, Paper, Stack, Text, ThemeIcon, Title, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { VerdictBadge } from '../participants/participant-badges.js';

type Outcome = 'favourable' | 'unfavourable' | 'open';

/** Whether a criterion's status speaks for the participant (inclusion met / exclusion absent). */
export function criterionOutcome(criterion: Pick<CriterionEvaluation, 'kind' | 'status'>): Outcome {
  if (criterion.status === 'unknown') {
    return 'open';
  }
  const favourable =
    criterion.kind === 'inclusion' ? criterion.status === 'met' : criterion.status === 'not-met';
  return favourable ? 'favourable' : 'unfavourable';
}

const OUTCOME_STYLE: Record<Outcome, { color: MantineColor; symbol: string }> = {
  favourable: { color: 'green', symbol: '✓' },
  unfavourable: { color: 'red', symbol: '✗' },
  open: { color: 'gray', symbol: '?' },
};

/** The status in words: inclusions are met or not; exclusions apply or not. */
export function statusWords(criterion: Pick<CriterionEvaluation, 'kind' | 'status'>): string {
  if (criterion.status === 'unknown') {
    return 'Unknown';
  }
  if (criterion.kind === 'inclusion') {
    return criterion.status === 'met' ? 'Met' : 'Not met';
  }
  return criterion.status === 'met' ? 'Applies' : 'Does not apply';
}

function CriterionItem({ criterion }: { criterion: CriterionEvaluation }) {
  const outcome = criterionOutcome(criterion);
  const style = OUTCOME_STYLE[outcome];
  return (
    <Group
      component="li"
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      data-status={criterion.status}
      aria-label={`${criterion.id}: ${statusWords(criterion)}`}
    >
      <ThemeIcon
        color={style.color}
        size={18}
        radius="xl"
        variant={outcome === 'open' ? 'light' : 'filled'}
        style={{ flexShrink: 0 }}
      >
        <Text span fz={11} fw={700} lh={1}>
          {style.symbol}
        </Text>
      </ThemeIcon>
      <Stack gap={1} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" fw={700} ff="monospace">
            {criterion.id}
          </Text>
          <Text size="xs" fw={600} c={outcome === 'open' ? 'dimmed' : style.color}>
            {statusWords(criterion)}
          </Text>
          {criterion.manual && (
            <Badge size="xs" variant="outline" color="gray" tt="none">
              investigator
            </Badge>
          )}
        </Group>
        <Text size="xs" lineClamp={2} title={criterion.text}>
          {criterion.text}
        </Text>
        <Text size="xs" c={outcome === 'unfavourable' ? 'red.8' : 'dimmed'}>
          {criterion.reason}
        </Text>
      </Stack>
    </Group>
  );
}

function CriterionList({ title, criteria }: { title: string; criteria: CriterionEvaluation[] }) {
  if (criteria.length === 0) {
    return null;
  }
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts="0.03em">
        {title}
      </Text>
      <Stack component="ul" role="list" aria-label={title} gap={10} m={0} p={0} style={{ listStyle: 'none' }}>
        {criteria.map((criterion) => (
          <CriterionItem key={criterion.id} criterion={criterion} />
        ))}
      </Stack>
    </Stack>
  );
}

function summary(evaluation: EligibilityEvaluation): string {
  const open = evaluation.criteria.filter((criterion) => criterion.status === 'unknown').length;
  const failing = evaluation.criteria.filter((c) => criterionOutcome(c) === 'unfavourable').length;
  const parts = [`${evaluation.criteria.length} criteria`];
  if (failing > 0) {
    parts.push(`${failing} against`);
  }
  if (open > 0) {
    parts.push(`${open} not yet decided`);
  }
  return parts.join(' · ');
}

export interface EligibilityPanelProps {
  /** Null while the assessment date is missing (nothing can be evaluated). */
  evaluation: EligibilityEvaluation | null;
  /** Invalid fields the evaluation left out. */
  ignoredFields: readonly string[];
  /** Save controls and notes shown under the verdict. */
  children?: ReactNode;
}

/** The live eligibility check: overall verdict, then each criterion with its status and reason. */
export function EligibilityPanel({ evaluation, ignoredFields, children }: EligibilityPanelProps) {
  return (
    <Paper p="md" component="section" aria-labelledby="eligibility-live-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} fz="h5" id="eligibility-live-title">
            Eligibility
          </Title>
          {evaluation && (
            <Group gap={6} aria-label="Live verdict" role="status">
              <VerdictBadge verdict={evaluation.verdict} size="lg" />
            </Group>
          )}
        </Group>
        {evaluation ? (
          <Text size="xs" c="dimmed">
            Checked as you type against the protocol: {summary(evaluation)}.
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Enter a valid assessment date to check the criteria.
          </Text>
        )}
        {ignoredFields.length > 0 && (
          <Text size="xs" c="orange.8">
            Invalid values count as missing until corrected: {ignoredFields.join(', ')}.
          </Text>
        )}
        {children}
        {evaluation && (
          <>
            <CriterionList
              title="Inclusion criteria"
              criteria={evaluation.criteria.filter((criterion) => criterion.kind === 'inclusion')}
            />
            <CriterionList
              title="Exclusion criteria"
              criteria={evaluation.criteria.filter((criterion) => criterion.kind === 'exclusion')}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
