import { describe, expect, it } from 'vitest';
import { formatRetryWait } from './format-retry-wait.ts';

describe('formatRetryWait', () => {
  it('rounds up to the unit a person reads', () => {
    expect(formatRetryWait(0.2)).toBe('in 1 second');
    expect(formatRetryWait(45)).toBe('in 45 seconds');
    expect(formatRetryWait(60)).toBe('in 1 minute');
    expect(formatRetryWait(61)).toBe('in 2 minutes');
    expect(formatRetryWait(3600)).toBe('in 1 hour');
    expect(formatRetryWait(3601)).toBe('in 2 hours');
  });
});
