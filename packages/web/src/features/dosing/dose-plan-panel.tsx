import type { DosePlanView } from '@celltrial/contracts';
import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatAmount } from '@celltrial/core';
import { LEVEL_SOURCE_TEXT, doseText, modificationHeadline, volumeText } from './dosing-labels.js';

type PlanItem = DosePlanView['items'][number];
type OpenItem = Extract<PlanItem, { masked: false }>;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts="0.03em">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Calculation({ item }: { item: OpenItem }) {
  const c = item.calculation;
  if (c.kind === 'invalid') {
    return (
      <Alert color="red" p="xs" title="The dose cannot be calculated">
        <List size="sm">
          {c.problems.map((p) => (
            <List.Item key={`${p.path}|${p.rule}`}>{p.message}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  if (c.kind === 'volume-only') {
    return <Text size="sm">{c.explanation}</Text>;
  }
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="xs">
        <Fact label="Calculated dose">
          <Text span fw={700} aria-label="Calculated dose">
            {doseText(c.amount, c.unit)}
          </Text>
          {c.capped && (
            <Badge color="orange" variant="light" size="sm" ml={6}>
              capped
            </Badge>
          )}
        </Fact>
        <Fact label="Per kg">{c.perKg === null ? '—' : `${formatAmount(c.perKg)} ${c.unit}/kg`}</Fact>
        <Fact label="Weight used">
          {c.weight === null
            ? '—'
            : `${c.weight.weightKg} kg (${c.weight.source === 'vital-signs' ? `vital signs ${c.weight.date ?? ''}` : 'screening'})`}
        </Fact>
        <Fact label="Tolerance">
          {c.tolerancePercent === null ? 'exact (none given)' : `±${c.tolerancePercent} %`}
        </Fact>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {c.explanation}
      </Text>
    </Stack>
  );
}

function Modification({ item }: { item: OpenItem }) {
  const m = item.modification;
  if (m === null) {
    return null;
  }
  const color = { invalid: 'red', 'needs-judgement': 'orange', decision: 'blue', 'not-applicable': 'blue' }[
    m.kind
  ];
  return (
    <Alert color={color} p="xs" title={`Dose modification: ${modificationHeadline(m)}`}>
      {m.kind === 'not-applicable' && <Text size="sm">{m.reason}</Text>}
      {m.kind === 'invalid' && (
        <List size="sm">
          {m.problems.map((p) => (
            <List.Item key={`${p.path}|${p.rule}`}>{p.message}</List.Item>
          ))}
        </List>
      )}
      {(m.kind === 'decision' || m.kind === 'needs-judgement') && (
        <Stack gap={4}>
          {m.rule !== null && (
            <Text size="sm">
              Rule <code>{m.rule.id}</code>: {m.rule.text}
              {m.rule.assumption && (
                <Badge color="yellow" variant="light" size="xs" ml={6}>
                  ASSUMED
                </Badge>
              )}
            </Text>
          )}
          <List size="sm">
            {m.reasons.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
          {m.kind === 'needs-judgement' && m.unresolved.length > 0 && (
            <Text size="sm" fw={600}>
              Unresolved: {m.unresolved.join('; ')}
            </Text>
          )}
          {m.kind === 'decision' && m.notMet.length > 0 && (
            <Text size="xs" c="dimmed">
              Earlier rules not met:{' '}
              {m.notMet.map((n) => `${n.rule.id} (${n.reasons.join('; ')})`).join(' · ')}
            </Text>
          )}
        </Stack>
      )}
    </Alert>
  );
}

function PlanItemBlock({ item }: { item: PlanItem }) {
  if (item.masked) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Treatment masked
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Fact label="Route">{item.route}</Fact>
          <Fact label="Volume">{volumeText(item.volume)}</Fact>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Your role is blinded: product, amount, level and lot are not shown. The pharmacist prepares the kit.
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {item.interventionName}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Fact label="Route">{item.route}</Fact>
        <Fact label="Dose level">
          {item.plannedLevel ?? '—'}
          <Text size="xs" c="dimmed">
            {LEVEL_SOURCE_TEXT[item.levelSource]}
          </Text>
        </Fact>
        <Fact label="Volume">{volumeText(item.volume)}</Fact>
      </SimpleGrid>
      <Calculation item={item} />
      <Modification item={item} />
    </Stack>
  );
}

/** The dose plan at a visit: calculated dose with its explanation, weight, cap, volume and modification decision. */
export function DosePlanPanel({ plan }: { plan: DosePlanView }) {
  return (
    <Paper p="md" component="section" aria-labelledby="dose-plan">
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="h4" id="dose-plan">
          Dose plan: {plan.visitKey}
          {plan.occurrence > 1 ? ` (#${plan.occurrence})` : ''} on {plan.doseDate}
        </Title>
        <Group gap="xs">
          {plan.kitCode !== null && (
            <Badge variant="outline" tt="none" ff="monospace">
              Kit {plan.kitCode}
            </Badge>
          )}
          {plan.arm !== null && (
            <Badge variant="light" tt="none">
              {plan.arm.name}
            </Badge>
          )}
          {plan.masked && (
            <Badge color="gray" variant="light" tt="none">
              masked view
            </Badge>
          )}
        </Group>
      </Group>
      <Stack gap="md">
        {plan.items.length === 0 && (
          <Text size="sm" c="dimmed">
            No dose is planned for this participant at this visit.
          </Text>
        )}
        {plan.items.map((item, i) => (
          <PlanItemBlock key={item.masked ? `masked-${i}` : item.interventionId} item={item} />
        ))}
        {plan.preparations > 0 && (
          <Text size="sm" c="dimmed">
            {plan.preparations} dose(s) already prepared for this visit.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
