import type { ProtocolReference } from '@celltrial/core';
import { Anchor, Badge, Box, Group, Text } from '@mantine/core';
import { humanize } from '../protocol-labels.js';
import { OverviewSection } from './overview-section.js';

function ReferenceLinks({ reference }: { reference: ProtocolReference }) {
  return (
    <Group gap="sm">
      {reference.type && (
        <Badge size="xs" tt="none" color="gray">
          {humanize(reference.type)}
        </Badge>
      )}
      {reference.pmid && (
        <Anchor
          size="xs"
          href={`https://pubmed.ncbi.nlm.nih.gov/${reference.pmid}/`}
          target="_blank"
          rel="noreferrer"
        >
          PMID {reference.pmid}
        </Anchor>
      )}
      {reference.doi && (
        <Anchor size="xs" href={`https://doi.org/${reference.doi}`} target="_blank" rel="noreferrer">
          doi:{reference.doi}
        </Anchor>
      )}
    </Group>
  );
}

/** Publications the record cites (background, protocol, results). */
export function ReferencesSection({ references }: { references: ProtocolReference[] }) {
  return (
    <OverviewSection title="References" aside={references.length}>
      <Box component="ol" m={0} pl="md">
        {references.map((reference) => (
          <Box component="li" key={reference.citation} mb={6}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {reference.citation}
            </Text>
            <ReferenceLinks reference={reference} />
          </Box>
        ))}
      </Box>
    </OverviewSection>
  );
}
