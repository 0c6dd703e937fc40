import type { Db, RoleValue, SessionRow } from '../../db/database.ts';

export async function insertSession(db: Db, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export interface SessionWithUser extends SessionRow {
  email: string;
  role: RoleValue;
  team_id: string | null;
  active: boolean;
}

/** The session stored under this id (the hash of its token) with the user it belongs to. */
export async function findSessionWithUser(db: Db, id: string): Promise<SessionWithUser | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select(['users.email', 'users.role', 'users.team_id', 'users.active'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

/** Records a use: the new last-seen time and the expiry it slides to. */
export async function touchSession(db: Db, id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (password changed or reset), except the one given. */
export async function deleteUserSessions(db: Db, userId: string, exceptId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  await query.execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
