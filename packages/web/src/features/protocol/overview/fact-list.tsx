import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  /** Facts whose value is undefined, null, false or '' are left out. */
  value: ReactNode;
}

/** A label/value list that skips facts the protocol does not state. */
export function FactList({ facts, labelWidth = 150 }: { facts: Fact[]; labelWidth?: number }) {
  const shown = facts.filter(
    (fact) => fact.value !== undefined && fact.value !== null && fact.value !== false && fact.value !== '',
  );
  return (
    <DataList size="sm" labelWidth={labelWidth} withDivider gap={6}>
      {shown.map((fact) => (
        <DataList.Item key={fact.label}>
          <DataList.ItemLabel c="dimmed">{fact.label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{fact.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
