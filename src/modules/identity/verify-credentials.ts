import { lockedUntilAfterFailure, secondsUntilUnlocked } from '../../core/identity/sign-in-lockout.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { clearUserFailures, findSignInUser, incrementUserFailures, replacePasswordHash, setUserLockedUntil, type SignInUser } from './credential.repository.ts';
import { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from './password-hash.ts';
import { sha256Hex } from './secret-token.ts';
import { findSignInThrottle, incrementThrottleFailures, pruneSignInThrottles, setThrottleLockedUntil } from './sign-in-throttle.repository.ts';

/** The one answer to every wrong e-mail, wrong password, inactive user or user without a password. */
export const wrongCredentialsMessage = 'the e-mail address or the password is wrong';

const DAY_MS = 86_400_000;

/**
 * Checks an e-mail and password under the lockout policy. Every failure — unknown address, wrong
 * password, deactivated user, user without a password — gets the same UNAUTHENTICATED answer after
 * the same password work, and is counted against the address (an unknown one in
 * `sign_in_throttles`), so neither the message, the lockout nor the time says whether an account
 * exists. A locked address gets RATE_LIMITED with the seconds to wait, without its password being
 * checked. Success clears the count and upgrades an old-parameter hash.
 */
export async function verifyCredentials(db: Db, options: { email: string; password: string; now: Date }): Promise<SignInUser> {
  const { now } = options;
  const user = await findSignInUser(db, options.email);
  const emailHash = user ? null : sha256Hex(options.email.trim().toLowerCase());
  const lockedUntil = user ? user.locked_until : ((await findSignInThrottle(db, emailHash!))?.locked_until ?? null);
  const waitSeconds = secondsUntilUnlocked(lockedUntil, now);
  if (waitSeconds !== null) {
    throw new AppError('RATE_LIMITED', {
      userMessage: `too many failed sign-ins for this address; try again in ${waitSeconds} s`,
      retryAfterSeconds: waitSeconds,
    });
  }

  const passwordHash = user?.active ? user.password_hash : null;
  const matches = passwordHash ? await verifyPassword(options.password, passwordHash) : await verifyAgainstDecoy(options.password);
  if (!matches) {
    if (user) {
      const failures = await incrementUserFailures(db, user.id);
      const lock = lockedUntilAfterFailure(failures, now);
      if (lock) await setUserLockedUntil(db, user.id, lock);
    } else {
      await pruneSignInThrottles(db, new Date(now.getTime() - DAY_MS));
      const failures = await incrementThrottleFailures(db, emailHash!, now);
      const lock = lockedUntilAfterFailure(failures, now);
      if (lock) await setThrottleLockedUntil(db, emailHash!, lock);
    }
    throw new AppError('UNAUTHENTICATED', { userMessage: wrongCredentialsMessage });
  }

  const signedIn = user!;
  await clearUserFailures(db, signedIn.id);
  if (needsRehash(passwordHash!)) await replacePasswordHash(db, signedIn.id, await hashPassword(options.password));
  return { ...signedIn, failed_sign_ins: 0, locked_until: null };
}
