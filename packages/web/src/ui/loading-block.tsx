import { Center, Group, Loader, Text } from '@mantine/core';

/** A centred spinner with a label, for a region whose data is still loading. */
export function LoadingBlock({ label, fullPage = false }: { label: string; fullPage?: boolean }) {
  return (
    <Center h={fullPage ? '100vh' : undefined} py={fullPage ? undefined : 'xl'}>
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Group>
    </Center>
  );
}
