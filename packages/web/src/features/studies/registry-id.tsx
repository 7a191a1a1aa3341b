import { Anchor, Text } from '@mantine/core';

const NCT_ID = /^NCT\d{8}$/;

/** A trial registry identifier; ClinicalTrials.gov ids link to their public record. */
export function RegistryId({ id }: { id: string }) {
  if (NCT_ID.test(id)) {
    return (
      <Anchor
        href={`https://clinicaltrials.gov/study/${id}`}
        target="_blank"
        rel="noreferrer"
        size="sm"
        ff="monospace"
        onClick={(event) => event.stopPropagation()}
      >
        {id}
      </Anchor>
    );
  }
  return (
    <Text span size="sm" ff="monospace">
      {id}
    </Text>
  );
}
