import { Badge, NavLink, Skeleton, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useStudy } from '../features/studies/use-studies.js';
import { STUDY_SECTIONS, studySectionUrl } from './study-sections.js';

/** The navbar block for the open study: its code and its sections (unbuilt ones marked "soon"). */
export function StudyNav({ studyId }: { studyId: string }) {
  const { pathname } = useLocation();
  const study = useStudy(studyId);
  return (
    <Stack gap={0} mt="md" component="nav" aria-label="Study sections">
      <Text size="xs" fw={700} c="dimmed" px="sm" mb={4}>
        {study.data ? study.data.code : <Skeleton height={10} width={80} component="span" display="block" />}
      </Text>
      {STUDY_SECTIONS.map((section) => {
        if (section.path === undefined) {
          return (
            <NavLink
              key={section.key}
              component="div"
              label={section.label}
              disabled
              aria-disabled="true"
              title="Coming soon"
              rightSection={
                <Badge size="xs" variant="transparent" color="gray" tt="none" fw={500}>
                  soon
                </Badge>
              }
              py={5}
            />
          );
        }
        const to = studySectionUrl(studyId, section.path);
        return (
          <NavLink
            key={section.key}
            component={Link}
            to={to}
            label={section.label}
            active={pathname === to || (section.path !== '' && pathname.startsWith(`${to}/`))}
            py={5}
          />
        );
      })}
    </Stack>
  );
}
