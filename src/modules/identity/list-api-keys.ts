import type { Principal } from '../../core/access/principal.ts';
import { actingUserId } from '../../core/access/acting-user.ts';
import { isAdminPrincipal } from '../../core/access/role-scopes.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { listApiKeysWithOwner, type ApiKeyWithOwner } from './api-key.repository.ts';

/**
 * API keys, newest first, never with a secret: the caller's own by default; an admin may ask for
 * one user's (`userId`) or everyone's (`everyone`). Anyone else asking for others' keys is FORBIDDEN.
 */
export async function listApiKeys(db: Db, options: { principal: Principal; userId?: string; everyone?: boolean }): Promise<ApiKeyWithOwner[]> {
  const self = actingUserId(options.principal);
  const wantsOthers = options.everyone === true || (options.userId !== undefined && options.userId !== self);
  if (wantsOthers && !isAdminPrincipal(options.principal)) throw new AppError('FORBIDDEN', { userMessage: 'only an admin may list other people’s API keys' });
  if (options.everyone) return listApiKeysWithOwner(db, {});
  const userId = options.userId ?? self;
  if (userId === null) throw AppError.validation([{ path: 'userId', message: 'say whose keys to list' }]);
  return listApiKeysWithOwner(db, { userId });
}
