import { Button, Menu, Text } from '@mantine/core';
import { useCurrentUser } from '../../lib/session.js';
import { useLogout } from './use-auth-mutations.js';

/** The header's user button: display name, account facts, and sign-out. */
export function UserMenu() {
  const user = useCurrentUser();
  const logout = useLogout();
  if (!user) {
    return null;
  }
  const signOut = () => logout.mutate();
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <Button variant="subtle" color="gray.0" c="white" size="compact-sm" rightSection={<Caret />}>
          {user.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as</Menu.Label>
        <Text size="sm" px="sm" pb={6}>
          {user.username}
          {user.isSystemAdmin && (
            <Text span size="xs" c="dimmed">
              {' '}
              · system administrator
            </Text>
          )}
        </Text>
        <Menu.Divider />
        <Menu.Item onClick={signOut} disabled={logout.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function Caret() {
  return (
    <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
      <path d="M1 3l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
