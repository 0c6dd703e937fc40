import { isAdminPrincipal } from '../../core/access/role-scopes.ts';
import type { Principal } from '../../core/access/principal.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * The whole audit log is for admins (revenue operations): an admin user, an admin's API key with
 * the `admin` scope, or the operator (CLI on the database host). Everyone else gets FORBIDDEN (403).
 * Narrower reads (a record's own history for those who may see the record) are for the
 * access-control policy to grant.
 */
export function assertMayReadAudit(principal: Principal): void {
  if (isAdminPrincipal(principal)) return;
  throw new AppError('FORBIDDEN', { userMessage: 'only an admin may read the audit log' });
}
