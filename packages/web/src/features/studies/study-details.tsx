import type { StudySummary } from '@celltrial/contracts';
import { DataList, Group, Text } from '@mantine/core';
import { RegistryId } from './registry-id.js';
import { StudyStatusBadge } from './study-status-badge.js';

/** The StudySummary fields as a label/value list. */
export function StudyDetails({ study }: { study: StudySummary }) {
  return (
    <DataList size="sm" labelWidth={140} withDivider>
      <DataList.Item>
        <DataList.ItemLabel>Code</DataList.ItemLabel>
        <DataList.ItemValue>{study.code}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Title</DataList.ItemLabel>
        <DataList.ItemValue>{study.title}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Phase</DataList.ItemLabel>
        <DataList.ItemValue>{study.phase ?? '—'}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Status</DataList.ItemLabel>
        <DataList.ItemValue>
          <StudyStatusBadge status={study.status} />
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Conditions</DataList.ItemLabel>
        <DataList.ItemValue>{study.conditions.join(', ') || '—'}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Registry IDs</DataList.ItemLabel>
        <DataList.ItemValue>
          {study.registryIds.length > 0 ? (
            <Group gap="sm">
              {study.registryIds.map((id) => (
                <RegistryId key={id} id={id} />
              ))}
            </Group>
          ) : (
            <Text span size="sm">
              —
            </Text>
          )}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Sites</DataList.ItemLabel>
        <DataList.ItemValue>{study.siteCount}</DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}
