import { describe, expect, it } from 'vitest';
import { formatInstant, isLocalDateTime, withOffset } from './local-date-time.js';

describe('withOffset', () => {
  it('writes the zone east of UTC as +hh:mm (getTimezoneOffset is UTC − local)', () => {
    expect(withOffset('2026-03-02T09:15', -60)).toBe('2026-03-02T09:15:00+01:00');
    expect(withOffset('2026-03-02T09:15', -330)).toBe('2026-03-02T09:15:00+05:30');
  });

  it('writes UTC as +00:00 and zones west of UTC as −hh:mm, keeping given seconds', () => {
    expect(withOffset('2026-03-02T09:15', 0)).toBe('2026-03-02T09:15:00+00:00');
    expect(withOffset('2026-03-02T09:15:30', 300)).toBe('2026-03-02T09:15:30-05:00');
  });
});

describe('isLocalDateTime / formatInstant', () => {
  it('accepts only complete datetime-local values', () => {
    expect(isLocalDateTime('2026-03-02T09:15')).toBe(true);
    expect(isLocalDateTime('2026-03-02')).toBe(false);
    expect(isLocalDateTime('2026-03-02T9:15')).toBe(false);
  });

  it('shows instants in UTC to the minute', () => {
    // 09:15 at UTC+1 is 08:15 UTC (docs/methods/adverse-events.md golden example).
    expect(formatInstant('2026-03-02T09:15:00+01:00')).toBe('2026-03-02 08:15 UTC');
    expect(formatInstant(null)).toBe('—');
    expect(formatInstant('not a date')).toBe('not a date');
  });
});
