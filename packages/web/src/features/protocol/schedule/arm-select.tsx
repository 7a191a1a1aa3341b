import type { ProtocolArm } from '@celltrial/core';
import { NativeSelect } from '@mantine/core';

export const ALL_ARMS = '';

export interface ArmSelectProps {
  arms: ProtocolArm[];
  /** An arm id, or ALL_ARMS. */
  value: string;
  /** False when the arms' calendars differ, so one arm must be chosen. */
  allowAll: boolean;
  onChange: (value: string) => void;
}

/** Chooses the arm whose schedule is shown (or all arms when their visit calendars are identical). */
export function ArmSelect({ arms, value, allowAll, onChange }: ArmSelectProps) {
  const options = arms.map((arm) => ({ value: arm.id, label: arm.name }));
  return (
    <NativeSelect
      label="Arm"
      size="xs"
      w={300}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={allowAll ? [{ value: ALL_ARMS, label: 'All arms (same visit calendar)' }, ...options] : options}
    />
  );
}
