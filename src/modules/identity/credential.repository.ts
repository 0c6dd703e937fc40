import type { Db, RoleValue } from '../../db/database.ts';

/** What sign-in needs to know about the user behind an e-mail address. */
export interface SignInUser {
  id: string;
  email: string;
  name: string;
  role: RoleValue;
  team_id: string | null;
  active: boolean;
  password_hash: string | null;
  failed_sign_ins: number;
  locked_until: Date | null;
}

/** The user with this e-mail (any letter case), with their password hash and lockout state. */
export async function findSignInUser(db: Db, email: string): Promise<SignInUser | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'team_id', 'active', 'password_hash', 'failed_sign_ins', 'locked_until'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
}

/** Counts one more failed sign-in (atomically) and returns the new count. */
export async function incrementUserFailures(db: Db, userId: string): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_sign_ins')
    .executeTakeFirstOrThrow();
  return row.failed_sign_ins;
}

export async function setUserLockedUntil(db: Db, userId: string, lockedUntil: Date | null): Promise<void> {
  await db.updateTable('users').set({ locked_until: lockedUntil }).where('id', '=', userId).execute();
}

/** A successful sign-in: the failure count starts again. */
export async function clearUserFailures(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', userId).where('failed_sign_ins', '>', 0).execute();
}

/** Stores a new password hash and lifts any lockout. */
export async function setPasswordHash(db: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null, updated_at: now }).where('id', '=', userId).execute();
}

/** Replaces a hash made with weaker parameters, without touching anything else. */
export async function replacePasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function countUsersWithPassword(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('password_hash', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The longest-standing active admin, if any. */
export async function findFirstActiveAdmin(db: Db): Promise<{ id: string; email: string } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Ids of the users whose e-mail is at `domain` and who have no password yet. */
export async function findUsersWithoutPasswordAtDomain(db: Db, domain: string): Promise<{ id: string; email: string; role: RoleValue }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'role'])
    .where('password_hash', 'is', null)
    .where('email', 'like', `%@${domain.replace(/[%_\\]/g, '\\$&')}`)
    .orderBy('email')
    .execute();
}

/** Sets the same password hash on many users (the demo organisation's shared password). */
export async function setPasswordHashForUsers(db: Db, userIds: readonly string[], passwordHash: string, now: Date): Promise<void> {
  if (userIds.length === 0) return;
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', 'in', userIds).execute();
}
