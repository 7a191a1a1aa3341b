import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { UserMenu } from '../features/auth/user-menu.js';
import { StudyNav } from './study-nav.js';

/** The signed-in frame: header with product name and user menu, navbar, and the page outlet. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const studyMatch = useMatch('/studies/:studyId/*');
  const studyId = studyMatch?.params.studyId;
  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header bg="navy.9" c="white" withBorder={false}>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" color="white" />
            <Text component={Link} to="/studies" fw={700} fz="lg" lts={-0.3} c="white" td="none">
              celltrial
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" bg="gray.0">
        <NavLink
          component={Link}
          to="/studies"
          label="Studies"
          active={pathname === '/studies'}
          onClick={close}
          py={5}
          fw={500}
        />
        {studyId !== undefined && <StudyNav studyId={studyId} />}
      </AppShell.Navbar>
      <AppShell.Main bg="white">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
