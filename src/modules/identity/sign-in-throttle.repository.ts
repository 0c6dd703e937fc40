import type { Db } from '../../db/database.ts';

/**
 * Failure counters of sign-ins to addresses no user has, keyed by the SHA-256 of the folded
 * address: counted exactly like a user's, so a lockout reveals nothing about who has an account.
 */
export async function findSignInThrottle(db: Db, emailHash: string): Promise<{ failed_sign_ins: number; locked_until: Date | null } | undefined> {
  return db.selectFrom('sign_in_throttles').select(['failed_sign_ins', 'locked_until']).where('email_hash', '=', emailHash).executeTakeFirst();
}

/** Counts one more failure for the address (atomically, creating its row) and returns the new count. */
export async function incrementThrottleFailures(db: Db, emailHash: string, now: Date): Promise<number> {
  const row = await db
    .insertInto('sign_in_throttles')
    .values({ email_hash: emailHash, failed_sign_ins: 1, last_failed_at: now })
    .onConflict((conflict) =>
      conflict.column('email_hash').doUpdateSet((eb) => ({ failed_sign_ins: eb('sign_in_throttles.failed_sign_ins', '+', 1), last_failed_at: now })),
    )
    .returning('failed_sign_ins')
    .executeTakeFirstOrThrow();
  return row.failed_sign_ins;
}

export async function setThrottleLockedUntil(db: Db, emailHash: string, lockedUntil: Date | null): Promise<void> {
  await db.updateTable('sign_in_throttles').set({ locked_until: lockedUntil }).where('email_hash', '=', emailHash).execute();
}

/** Forgets counters whose last failure is older than `before` (keeps the table as small as the attacks are recent). */
export async function pruneSignInThrottles(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('last_failed_at', '<', before).execute();
}
