import type { Kysely } from 'kysely';
import { passwordIssues } from '../../core/identity/password-rules.ts';
import { isUuid } from '../../core/identity/uuid.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { findUserByEmailIgnoringCase, findUserById } from '../team/user.repository.ts';
import { setPasswordHash } from './credential.repository.ts';
import { generatePassword, hashPassword } from './password-hash.ts';
import { deleteUserSessions } from './session.repository.ts';

export interface PasswordSet {
  user: { id: string; email: string };
  /** The password that was generated because none was given — to be shown once; null when one was given. */
  generatedPassword: string | null;
}

/**
 * Sets (or resets) a user's password — an admin's or the operator's act, not a self-service change.
 * `user` is an id or an e-mail. Without a password one is generated (and returned once). Checks the
 * password rules, lifts any lockout and ends all the user's sessions. Audited without the password.
 */
export async function setUserPassword(
  db: Kysely<Database>,
  options: { user: string; password?: string; now: Date; actor: AuditActor; path?: string },
): Promise<PasswordSet> {
  const path = options.path ?? 'password';
  const user = isUuid(options.user) ? await findUserById(db, options.user) : await findUserByEmailIgnoringCase(db, options.user);
  if (!user) throw AppError.notFound('user', options.user);
  const password = options.password ?? generatePassword();
  const issues = passwordIssues(password, { path, email: user.email });
  if (issues.length > 0) throw AppError.validation(issues);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, user.id, passwordHash, options.now);
    await deleteUserSessions(trx, user.id);
    await recordAudit(trx, { actor: options.actor, action: 'update', entityType: 'user', entityId: user.id, newValues: { password: '(set)' } });
  });
  return { user: { id: user.id, email: user.email }, generatedPassword: options.password === undefined ? password : null };
}
