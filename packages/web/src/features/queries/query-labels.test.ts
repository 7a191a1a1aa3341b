import { describe, expect, it } from 'vitest';
import { allowedQueryActions, valueText } from './query-labels.js';

describe('allowedQueryActions', () => {
  const site = { answer: true, review: false };
  const monitor = { answer: false, review: true };
  const dataManager = { answer: true, review: true };

  it('lets the site answer open queries only', () => {
    expect(allowedQueryActions('open', site)).toEqual(['answer']);
    expect(allowedQueryActions('answered', site)).toEqual([]);
    expect(allowedQueryActions('closed', site)).toEqual([]);
  });

  it('lets monitors close, cancel or reopen as the status allows', () => {
    expect(allowedQueryActions('open', monitor)).toEqual(['close', 'cancel']);
    expect(allowedQueryActions('answered', monitor)).toEqual(['close', 'cancel', 'reopen']);
    expect(allowedQueryActions('closed', monitor)).toEqual(['reopen']);
    expect(allowedQueryActions('cancelled', monitor)).toEqual([]);
    expect(allowedQueryActions('open', dataManager)).toEqual(['answer', 'close', 'cancel']);
  });
});

describe('valueText', () => {
  it('writes item values for people', () => {
    expect(valueText({ value: 7.2, unit: 'mmol/L' })).toBe('7.2 mmol/L');
    expect(valueText(false)).toBe('No');
    expect(valueText(38)).toBe('38');
    expect(valueText(null)).toBe('—');
  });
});
