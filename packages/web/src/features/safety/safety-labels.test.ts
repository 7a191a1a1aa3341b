import { describe, expect, it } from 'vitest';
import { deadlineColor, deadlineName, deadlineStatusText, formatHours, labelOf } from './safety-labels.js';

describe('SAE deadline words', () => {
  it('names the deadline by its allowed time: 24 h, 7 days, 15 days (ICH E2A, EU CTR Art. 41–42)', () => {
    expect(deadlineName({ report: 'initial', allowedHours: 24 })).toBe('Initial report (24 h)');
    expect(deadlineName({ report: 'susar', allowedHours: 168 })).toBe('SUSAR report (7 days)');
    expect(deadlineName({ report: 'susar', allowedHours: 360 })).toBe('SUSAR report (15 days)');
  });

  it('rounds hours for display only, in minutes, hours or days', () => {
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatHours(21.6104966)).toBe('21.6 h');
    expect(formatHours(314.3890533333333)).toBe('13.1 days');
    expect(formatHours(-2)).toBe('2.0 h');
  });

  it('says what each status means and colours missed deadlines red', () => {
    expect(deadlineStatusText({ status: 'overdue', hours: 21.6 })).toBe('overdue by 21.6 h');
    expect(deadlineStatusText({ status: 'pending', hours: 3.25 })).toBe('3.3 h left');
    expect(deadlineStatusText({ status: 'met', hours: 20 })).toBe('met, 20.0 h to spare');
    expect(deadlineStatusText({ status: 'late', hours: 1.2 })).toBe('sent 1.2 h late');
    expect(deadlineColor({ status: 'overdue', hours: 1 })).toBe('red');
    expect(deadlineColor({ status: 'late', hours: 1 })).toBe('red');
    expect(deadlineColor({ status: 'pending', hours: 5.9 })).toBe('orange');
    expect(deadlineColor({ status: 'pending', hours: 6 })).toBe('blue');
    expect(deadlineColor({ status: 'met', hours: 0 })).toBe('green');
  });

  it('falls back to the code for an unknown vocabulary value', () => {
    expect(labelOf({ a: 'A' }, 'a')).toBe('A');
    expect(labelOf({ a: 'A' }, 'b')).toBe('b');
  });
});
