/**
 * Backoff after failed sign-ins to one e-mail address (known or not — both are counted the same,
 * so a lockout never tells whether an account exists). The first `freeFailures` consecutive
 * failures cost nothing; each one after that locks the address for twice as long as the last
 * (1, 2, 4 … minutes), capped. A successful sign-in starts the count again.
 */
export const signInLockoutPolicy = {
  freeFailures: 5,
  firstLockMinutes: 1,
  maxLockMinutes: 60,
} as const;

const MINUTE_MS = 60_000;

/** Until when the address is locked after its `failedCount`-th consecutive failure at `now`; null: not locked. */
export function lockedUntilAfterFailure(failedCount: number, now: Date, policy = signInLockoutPolicy): Date | null {
  if (failedCount < policy.freeFailures) return null;
  const doublings = Math.min(failedCount - policy.freeFailures, 30);
  const minutes = Math.min(policy.firstLockMinutes * 2 ** doublings, policy.maxLockMinutes);
  return new Date(now.getTime() + minutes * MINUTE_MS);
}

/** Whole seconds until the lock ends (at least 1), or null when the address is not locked at `now`. */
export function secondsUntilUnlocked(lockedUntil: Date | null, now: Date): number | null {
  if (lockedUntil === null || lockedUntil.getTime() <= now.getTime()) return null;
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
}
