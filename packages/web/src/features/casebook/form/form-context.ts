// What the browser knows for the live form check: the visit date, the screening record's demographics and the
// protocol's CTCAE version. The server builds the full context on save (demographics form, latest height, the
// site's lab ranges), so live derived values that need more are marked as a preview. Pure.
import type { FormContext, ProtocolCtcaeVersion } from '@celltrial/core';

export interface BrowserContextSources {
  /** The visit's actual date (YYYY-MM-DD), null for log forms or unrecorded visits. */
  visitDate: string | null;
  /** The saved screening record's data (docs/screening-record.md), when readable. */
  screening: Readonly<Record<string, unknown>> | null;
  ctcaeVersion: ProtocolCtcaeVersion | undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const number = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** The form engine's context from what the browser has. */
export function browserFormContext({
  visitDate,
  screening,
  ctcaeVersion,
}: BrowserContextSources): FormContext {
  const data = screening ?? {};
  const diagnosis = (
    typeof data['diagnosis'] === 'object' && data['diagnosis'] !== null ? data['diagnosis'] : {}
  ) as Record<string, unknown>;
  const sex = text(data['sex']);
  const birthDate = text(data['birthDate']);
  const heightCm = number(data['heightCm']);
  const onset = text(diagnosis['symptomOnsetDate']);
  return {
    ...(sex === 'female' || sex === 'male' ? { sex } : {}),
    ...(birthDate === undefined ? {} : { birthDate }),
    ...(heightCm === undefined ? {} : { heightCm }),
    ...(onset === undefined ? {} : { symptomOnsetDate: onset }),
    ...(visitDate === null ? {} : { assessmentDate: visitDate }),
    ...(ctcaeVersion === undefined ? {} : { ctcaeVersion }),
  };
}
