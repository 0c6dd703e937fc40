import { describe, expect, it } from 'vitest';
import { timeAgo } from './time-ago.ts';

describe('timeAgo', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const before = (ms: number) => new Date(now.getTime() - ms);
  const minute = 60_000;
  const day = 86_400_000;

  it('names the largest whole unit', () => {
    expect(timeAgo(before(30_000), now)).toBe('just now');
    expect(timeAgo(before(12 * minute), now)).toBe('12 min');
    expect(timeAgo(before(5 * 60 * minute + 59 * minute), now)).toBe('5 h');
    expect(timeAgo(before(3 * day), now)).toBe('3 d');
    expect(timeAgo(before(13 * day), now)).toBe('13 d');
    expect(timeAgo(before(20 * day), now)).toBe('2 wk');
    expect(timeAgo(before(120 * day), now)).toBe('4 mo');
    expect(timeAgo(before(800 * day), now)).toBe('2 y');
  });

  it('treats a time in the future (clock skew) as just now', () => {
    expect(timeAgo(new Date(now.getTime() + day), now)).toBe('just now');
  });
});
