import { sql, type Kysely } from 'kysely';
import type { Database, RoleValue } from '../../db/database.ts';
import { insertUser } from '../team/user.repository.ts';
import { countUsersWithPassword, findFirstActiveAdmin, findUsersWithoutPasswordAtDomain, setPasswordHash, setPasswordHashForUsers } from './credential.repository.ts';
import { generatePassword, hashPassword } from './password-hash.ts';

export const bootstrapAdminEmail = 'admin@localhost';

export interface FirstSignIn {
  /** Who to sign in as first: the admin, then (demo) one user per role worth trying. */
  accounts: { email: string; role: RoleValue }[];
  /** The one-time password of all of them. Print it once; it is stored only as a hash. */
  password: string;
  /** True when the accounts are the demo organisation's (all its users share the password). */
  demo: boolean;
}

/**
 * Makes sure somebody can sign in. Does nothing (null) once any user has a password. Otherwise:
 * with the demo organisation loaded (users at `demoEmailDomain` without a password), every demo user
 * gets one shared random password; else the longest-standing active admin gets a random password,
 * or, with no admin at all, `admin@localhost` is created as the admin. The password is returned to
 * be shown once. Serialised by an advisory lock, so two servers starting together make one admin.
 */
export async function ensureFirstSignIn(db: Kysely<Database>, options: { now: Date; demoEmailDomain: string; featuredDemoEmails?: readonly string[] }): Promise<FirstSignIn | null> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('leadpact first sign-in'))`.execute(trx);
    if ((await countUsersWithPassword(trx)) > 0) return null;
    const password = generatePassword();
    const passwordHash = await hashPassword(password);

    const demoUsers = await findUsersWithoutPasswordAtDomain(trx, options.demoEmailDomain);
    if (demoUsers.some((user) => user.role === 'admin')) {
      await setPasswordHashForUsers(trx, demoUsers.map((user) => user.id), passwordHash, options.now);
      const featured = new Set(options.featuredDemoEmails ?? []);
      const shown = demoUsers.filter((user) => featured.has(user.email));
      const roleOrder: RoleValue[] = ['admin', 'marketing', 'sales_manager', 'sales_rep', 'executive'];
      shown.sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
      return { accounts: shown.length > 0 ? shown.map(({ email, role }) => ({ email, role })) : demoUsers.filter((user) => user.role === 'admin').map(({ email, role }) => ({ email, role })), password, demo: true };
    }

    const admin = (await findFirstActiveAdmin(trx)) ?? (await insertUser(trx, { email: bootstrapAdminEmail, name: 'Administrator', role: 'admin' }));
    await setPasswordHash(trx, admin.id, passwordHash, options.now);
    return { accounts: [{ email: admin.email, role: 'admin' as const }], password, demo: false };
  });
}
