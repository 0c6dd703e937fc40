import type { Principal } from '../../core/access/principal.ts';
import { isAdminPrincipal } from '../../core/access/role-scopes.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * Exporting and erasing a person, and recording consents, are for admins (revenue operations): an
 * admin user, an admin's API key with the `admin` scope, or the operator (CLI on the database
 * host). Everyone else gets FORBIDDEN (403).
 */
export function assertMayManagePrivacy(principal: Principal): void {
  if (isAdminPrincipal(principal)) return;
  throw new AppError('FORBIDDEN', { userMessage: 'only an admin may export or erase a person or change their consent' });
}
