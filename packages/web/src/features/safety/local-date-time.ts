// Date-times typed in the browser (<input type="datetime-local">, local wall time) ↔ ISO 8601 with an offset, as
// the API requires (a date-time without an offset would name different instants on different machines).

const pad = (n: number, width = 2): string => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** `YYYY-MM-DDTHH:MM` (seconds optional) — what a datetime-local input holds. */
export function isLocalDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value);
}

/**
 * A local wall time with the zone offset in force then, e.g. `2026-03-02T09:15` at UTC+1 →
 * `2026-03-02T09:15:00+01:00`. `offsetMinutes` is `Date#getTimezoneOffset()` (UTC − local: −60 for UTC+1).
 */
export function withOffset(local: string, offsetMinutes: number): string {
  const seconds = local.length === 16 ? ':00' : '';
  const sign = offsetMinutes <= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `${local}${seconds}${sign}${pad(abs / 60)}:${pad(abs % 60)}`;
}

/** A datetime-local value as an ISO date-time with the browser's offset at that moment (null when incomplete). */
export function localInputToIso(local: string): string | null {
  if (!isLocalDateTime(local)) {
    return null;
  }
  const moment = new Date(local);
  return Number.isNaN(moment.getTime()) ? null : withOffset(local, moment.getTimezoneOffset());
}

/** A moment as a datetime-local value in the browser's zone. */
export function localInputOf(moment: Date): string {
  return (
    `${pad(moment.getFullYear(), 4)}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}` +
    `T${pad(moment.getHours())}:${pad(moment.getMinutes())}`
  );
}

/** An ISO instant for tables: `2026-03-03T08:15:00.000Z` → `2026-03-03 08:15 UTC` (invalid text is shown as is). */
export function formatInstant(iso: string | null): string {
  if (iso === null) {
    return '—';
  }
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) {
    return iso;
  }
  return `${moment.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
