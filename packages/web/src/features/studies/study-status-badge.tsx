import { Badge, type MantineColor } from '@mantine/core';

const STATUS_COLORS: Record<string, MantineColor> = {
  draft: 'gray',
  planned: 'gray',
  'not-yet-recruiting': 'blue',
  recruiting: 'green',
  enrolling: 'green',
  active: 'green',
  'active-not-recruiting': 'teal',
  suspended: 'orange',
  'on-hold': 'orange',
  completed: 'dark',
  closed: 'dark',
  terminated: 'red',
  withdrawn: 'red',
};

/** Normalises a status string ("NOT_YET_RECRUITING", "not yet recruiting") to a kebab key. */
export function statusKey(status: string): string {
  return status
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** Human label for a status string: "not-yet-recruiting" → "Not yet recruiting". */
export function statusLabel(status: string): string {
  const words = statusKey(status).replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A study's lifecycle status as a small coloured badge. */
export function StudyStatusBadge({ status }: { status: string }) {
  return (
    <Badge
      color={STATUS_COLORS[statusKey(status)] ?? 'gray'}
      size="sm"
      tt="none"
      fw={600}
      styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {statusLabel(status)}
    </Badge>
  );
}
