import type { SessionLifetime } from '../../core/identity/session-expiry.ts';
import { slidingExpiry } from '../../core/identity/session-expiry.ts';
import type { Db } from '../../db/database.ts';
import type { SignInUser } from './credential.repository.ts';
import { randomToken, sha256Hex } from './secret-token.ts';
import { deleteExpiredSessions, deleteSession, insertSession } from './session.repository.ts';
import { verifyCredentials } from './verify-credentials.ts';

export interface SignInOptions {
  email: string;
  password: string;
  now: Date;
  lifetime: SessionLifetime;
  userAgent: string | null;
  ip: string | null;
  /** The session token the browser still had: that session ends, whoever it belonged to. */
  previousSessionToken: string | null;
}

export interface SignedIn {
  /** The new session token for the cookie. Never stored: the session row holds its SHA-256. */
  token: string;
  sessionId: string;
  expiresAt: Date;
  user: SignInUser;
}

/**
 * Signs a user in: checks the password under the lockout policy (see verifyCredentials), ends the
 * browser's previous session and starts a new one with a fresh random token — never reusing an id
 * the browser had before, so a planted session id cannot be promoted (session fixation).
 */
export async function signIn(db: Db, options: SignInOptions): Promise<SignedIn> {
  const user = await verifyCredentials(db, { email: options.email, password: options.password, now: options.now });
  if (options.previousSessionToken) await deleteSession(db, sha256Hex(options.previousSessionToken));
  await deleteExpiredSessions(db, options.now);
  const token = randomToken();
  const sessionId = sha256Hex(token);
  const expiresAt = slidingExpiry(options.now, options.now, options.lifetime);
  await insertSession(db, {
    id: sessionId,
    user_id: user.id,
    created_at: options.now,
    last_seen_at: options.now,
    expires_at: expiresAt,
    user_agent: options.userAgent?.slice(0, 500) ?? null,
    ip: options.ip?.slice(0, 100) ?? null,
  });
  return { token, sessionId, expiresAt, user };
}
