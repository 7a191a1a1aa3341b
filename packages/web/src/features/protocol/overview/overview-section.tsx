import { Badge, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface OverviewSectionProps {
  title: string;
  /** A count or short note next to the title. */
  aside?: ReactNode;
  children: ReactNode;
}

/** One titled block of the study overview (a section of a registry record page). */
export function OverviewSection({ title, aside, children }: OverviewSectionProps) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Paper p="md" component="section" aria-labelledby={id}>
      <Group gap="xs" mb="sm" wrap="nowrap">
        <Title order={3} fz="h5" id={id}>
          {title}
        </Title>
        {aside !== undefined &&
          (typeof aside === 'string' || typeof aside === 'number' ? (
            <Badge size="sm" variant="light" color="gray" tt="none">
              {aside}
            </Badge>
          ) : (
            aside
          ))}
      </Group>
      {children}
    </Paper>
  );
}
