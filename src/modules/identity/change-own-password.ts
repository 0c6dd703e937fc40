import type { Kysely } from 'kysely';
import { passwordIssues } from '../../core/identity/password-rules.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { setPasswordHash } from './credential.repository.ts';
import { hashPassword } from './password-hash.ts';
import { deleteUserSessions } from './session.repository.ts';
import { verifyCredentials } from './verify-credentials.ts';

/**
 * A signed-in user changes their own password: the current one is checked under the same lockout
 * as sign-in (a stolen session cannot guess it at leisure), the new one against the password rules.
 * Every other session of the user ends; `keepSessionId` (the caller's) stays. Audited without the password.
 */
export async function changeOwnPassword(
  db: Kysely<Database>,
  options: { userId: string; email: string; currentPassword: string; newPassword: string; keepSessionId: string | null; now: Date },
): Promise<void> {
  const issues = passwordIssues(options.newPassword, { path: 'newPassword', email: options.email });
  if (issues.length > 0) throw AppError.validation(issues);
  try {
    await verifyCredentials(db, { email: options.email, password: options.currentPassword, now: options.now });
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
      throw new AppError('FORBIDDEN', { userMessage: 'the current password is wrong', issues: [{ path: 'currentPassword', message: 'is not your current password' }] });
    }
    throw error;
  }
  const passwordHash = await hashPassword(options.newPassword);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, options.userId, passwordHash, options.now);
    await deleteUserSessions(trx, options.userId, options.keepSessionId ?? undefined);
    await recordAudit(trx, { actor: { type: 'user', id: options.userId }, action: 'update', entityType: 'user', entityId: options.userId, newValues: { password: '(changed)' } });
  });
}
