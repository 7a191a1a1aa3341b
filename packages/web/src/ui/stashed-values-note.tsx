import { Alert, Button, Group, Text } from '@mantine/core';

/**
 * After a 409 the user chose to load the saved version: their own values are kept aside and can be put back
 * (nothing typed is lost).
 */
export function StashedValuesNote({ onReapply }: { onReapply: () => void }) {
  return (
    <Alert color="blue" p="xs" role="note">
      <Group gap="xs" justify="space-between">
        <Text size="sm">The saved version is loaded. Your earlier values are kept aside.</Text>
        <Button size="compact-sm" variant="default" onClick={onReapply}>
          Re-apply my values
        </Button>
      </Group>
    </Alert>
  );
}
