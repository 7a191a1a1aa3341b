import { Table, Text } from '@mantine/core';
import type { SiteLabRangeView } from './lab-ranges-api.js';
import {
  ageBandLabel,
  labTestName,
  labUnitLabel,
  limitText,
  sexLabel,
  sortRanges,
} from './lab-range-labels.js';

/** The site's current reference ranges, read-only; limits exactly as stored. */
export function LabRangesTable({ ranges }: { ranges: readonly SiteLabRangeView[] }) {
  if (ranges.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="sm">
        No reference ranges are set for this site yet. Lab values cannot be flagged or graded against the
        site&apos;s limits until they are.
      </Text>
    );
  }
  return (
    <Table aria-label="Laboratory reference ranges">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Test</Table.Th>
          <Table.Th w={130}>Unit</Table.Th>
          <Table.Th w={90}>LLN</Table.Th>
          <Table.Th w={90}>ULN</Table.Th>
          <Table.Th w={80}>Sex</Table.Th>
          <Table.Th w={130}>Age band</Table.Th>
          <Table.Th>Source</Table.Th>
          <Table.Th w={120}>Set on (UTC)</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sortRanges(ranges).map((range) => (
          <Table.Tr key={range.id}>
            <Table.Td fw={600}>{labTestName(range.test)}</Table.Td>
            <Table.Td>{labUnitLabel(range.unit)}</Table.Td>
            <Table.Td ff="monospace">{limitText(range.lln)}</Table.Td>
            <Table.Td ff="monospace">{limitText(range.uln)}</Table.Td>
            <Table.Td>{sexLabel(range.sex)}</Table.Td>
            <Table.Td>{ageBandLabel(range.ageMin, range.ageMax)}</Table.Td>
            <Table.Td>{range.source ?? '—'}</Table.Td>
            <Table.Td>{range.createdAt.slice(0, 10)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
