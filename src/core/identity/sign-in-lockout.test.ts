import { describe, expect, it } from 'vitest';
import { lockedUntilAfterFailure, secondsUntilUnlocked } from './sign-in-lockout.ts';

const now = new Date('2026-11-22T10:00:00Z');
const minutesAfterNow = (date: Date | null) => (date === null ? null : (date.getTime() - now.getTime()) / 60_000);

describe('sign-in lockout', () => {
  it('lets four failures go, then locks for 1, 2, 4 … minutes, capped at an hour', () => {
    expect([1, 2, 3, 4].map((count) => lockedUntilAfterFailure(count, now))).toEqual([null, null, null, null]);
    expect([5, 6, 7, 8, 9, 10, 11, 12, 50].map((count) => minutesAfterNow(lockedUntilAfterFailure(count, now)))).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('says how many whole seconds are left, at least one, and nothing once the lock has passed', () => {
    expect(secondsUntilUnlocked(new Date(now.getTime() + 60_000), now)).toBe(60);
    expect(secondsUntilUnlocked(new Date(now.getTime() + 1_500), now)).toBe(2);
    expect(secondsUntilUnlocked(new Date(now.getTime() + 1), now)).toBe(1);
    expect(secondsUntilUnlocked(now, now)).toBeNull();
    expect(secondsUntilUnlocked(null, now)).toBeNull();
  });
});
