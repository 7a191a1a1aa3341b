import { Anchor, Text, type MantineSize } from '@mantine/core';

const NCT_ID = /^NCT\d{8}$/;

/** A trial registry identifier; ClinicalTrials.gov ids link to their public record. */
export function RegistryId({ id, size = 'sm' }: { id: string; size?: MantineSize }) {
  if (NCT_ID.test(id)) {
    return (
      <Anchor
        href={`https://clinicaltrials.gov/study/${id}`}
        target="_blank"
        rel="noreferrer"
        size={size}
        ff="monospace"
        style={{ whiteSpace: 'nowrap' }}
        onClick={(event) => event.stopPropagation()}
      >
        {id}
      </Anchor>
    );
  }
  return (
    <Text span size={size} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
      {id}
    </Text>
  );
}
