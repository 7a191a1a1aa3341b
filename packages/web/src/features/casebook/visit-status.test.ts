import { describe, expect, it } from 'vitest';
import { outsideWindow, visitDaysText, visitStatusLabel, windowText } from './visit-status.js';

describe('visitDaysText', () => {
  it('says what the days of each status mean', () => {
    expect(visitDaysText('planned', 5)).toBe('window opens in 5 days');
    expect(visitDaysText('planned', 0)).toBe('window opens today');
    expect(visitDaysText('due', 1)).toBe('1 day left');
    expect(visitDaysText('due', 0)).toBe('last day of the window');
    expect(visitDaysText('overdue', 3)).toBe('3 days overdue');
    expect(visitDaysText('out-of-window', -2)).toBe('2 days outside the window');
    expect(visitDaysText('done', 0)).toBe('on the target date');
    expect(visitDaysText('done', 4)).toBe('4 days after target');
    expect(visitDaysText('done', -1)).toBe('1 day before target');
  });

  it('says nothing for missed and not-expected visits or without a count', () => {
    expect(visitDaysText('missed', 3)).toBeNull();
    expect(visitDaysText('not-expected', 0)).toBeNull();
    expect(visitDaysText('due', null)).toBeNull();
  });

  it('labels statuses for people', () => {
    expect(visitStatusLabel('out-of-window')).toBe('Out of window');
  });
});

describe('visit windows', () => {
  const window = { windowStart: '2026-03-10', windowEnd: '2026-03-20' };

  it('knows a date outside the window, inclusive at both ends', () => {
    expect(outsideWindow('2026-03-09', window)).toBe(true);
    expect(outsideWindow('2026-03-10', window)).toBe(false);
    expect(outsideWindow('2026-03-20', window)).toBe(false);
    expect(outsideWindow('2026-03-21', window)).toBe(true);
    expect(outsideWindow('', window)).toBe(false);
    expect(outsideWindow('2030-01-01', { windowStart: null, windowEnd: null })).toBe(false);
  });

  it('writes a window as text', () => {
    expect(windowText(window)).toBe('2026-03-10 – 2026-03-20');
    expect(windowText({ windowStart: '2026-03-10', windowEnd: '2026-03-10' })).toBe('2026-03-10');
    expect(windowText({ windowStart: null, windowEnd: '2026-03-20' })).toBe('until 2026-03-20');
    expect(windowText({ windowStart: null, windowEnd: null })).toBe('—');
  });
});
