import type { UserPrincipal } from '../../core/access/principal.ts';
import { isLastUseStale, slidingExpiry, type SessionLifetime } from '../../core/identity/session-expiry.ts';
import type { Db } from '../../db/database.ts';
import { sha256Hex } from './secret-token.ts';
import { deleteSession, findSessionWithUser, touchSession } from './session.repository.ts';

/**
 * The signed-in user behind a session token, or null when the token is unknown, the session has
 * expired (it is then deleted) or the user was deactivated. A use slides the expiry forward (idle
 * timeout), never past the absolute lifetime; the write happens at most once a minute per session.
 */
export async function resolveSession(db: Db, options: { token: string; now: Date; lifetime: SessionLifetime }): Promise<UserPrincipal | null> {
  if (options.token.length === 0 || options.token.length > 200) return null;
  const session = await findSessionWithUser(db, sha256Hex(options.token));
  if (!session) return null;
  if (session.expires_at.getTime() <= options.now.getTime()) {
    await deleteSession(db, session.id);
    return null;
  }
  if (!session.active) return null;
  if (isLastUseStale(session.last_seen_at, options.now)) {
    await touchSession(db, session.id, options.now, slidingExpiry(session.created_at, options.now, options.lifetime));
  }
  return { kind: 'user', userId: session.user_id, role: session.role, teamId: session.team_id, email: session.email, sessionId: session.id };
}
