import type { FormSummaryView } from '@celltrial/contracts';
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { VISIT_STATUS_COLORS, visitDaysText, visitStatusLabel, type VisitStatus } from './visit-status.js';

// Badges in narrow table cells keep their whole label (no ellipsis).
const WHOLE_LABEL = { root: { overflow: 'visible' }, label: { overflow: 'visible' } } as const;

/** Generated demo data: never to be mistaken for a real participant's data. */
export function SyntheticBadge() {
  return (
    <Tooltip label="Generated demo data, not a real participant's data">
      <Badge
        color="grape"
        variant="filled"
        size="md"
        radius="sm"
        styles={WHOLE_LABEL}
        data-testid="synthetic"
      >
        SYNTHETIC
      </Badge>
    </Tooltip>
  );
}

/** A lock mark ("Locked"), with who locked and why when known. */
export function LockedBadge({ detail }: { detail?: string }) {
  const badge = (
    <Badge color="dark" variant="outline" size="sm" tt="none" styles={WHOLE_LABEL}>
      🔒 Locked
    </Badge>
  );
  return detail === undefined ? badge : <Tooltip label={detail}>{badge}</Tooltip>;
}

/** A visit's status with its days ("Due · 3 days left"). */
export function VisitStatusBadge({ status, days }: { status: VisitStatus; days: number | null }) {
  const daysText = visitDaysText(status, days);
  return (
    <Group gap={6} wrap="nowrap">
      <Badge
        color={VISIT_STATUS_COLORS[status]}
        variant={status === 'not-expected' ? 'outline' : 'light'}
        size="sm"
        tt="none"
        styles={WHOLE_LABEL}
      >
        {visitStatusLabel(status)}
      </Badge>
      {daysText !== null && (
        <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {daysText}
        </Text>
      )}
    </Group>
  );
}

const FORM_STATUS_GLYPHS: Record<FormSummaryView['status'], { glyph: string; label: string; color: string }> =
  {
    'not-started': { glyph: '○', label: 'not started', color: 'gray.6' },
    incomplete: { glyph: '◐', label: 'incomplete', color: 'orange.7' },
    complete: { glyph: '●', label: 'complete', color: 'green.7' },
  };

/** A form's state as small marks: completion, open queries, SDV, signature, lock (each with a text name). */
export function FormMarks({ form }: { form: FormSummaryView }) {
  const status = FORM_STATUS_GLYPHS[form.status];
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Text span c={status.color} role="img" aria-label={status.label} title={status.label}>
        {status.glyph}
      </Text>
      {form.openQueries > 0 && (
        <Badge
          color="red"
          size="xs"
          variant="filled"
          circle
          aria-label={`${form.openQueries} open ${form.openQueries === 1 ? 'query' : 'queries'}`}
        >
          {form.openQueries}
        </Badge>
      )}
      {form.verification !== 'none' && (
        <Text
          span
          size="xs"
          c="teal.8"
          role="img"
          aria-label={form.verification === 'full' ? 'verified' : 'partly verified'}
          title={form.verification === 'full' ? 'source data verified' : 'partly source data verified'}
        >
          {form.verification === 'full' ? '✔' : '✓'}
        </Text>
      )}
      {form.signed && (
        <Text span size="xs" role="img" aria-label="signed" title="signed">
          ✍
        </Text>
      )}
      {form.locked && (
        <Text span size="xs" role="img" aria-label="locked" title="locked">
          🔒
        </Text>
      )}
    </Group>
  );
}
