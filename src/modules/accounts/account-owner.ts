import type { Db, UserRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { findUserByEmailIgnoringCase, findUserById } from '../team/user.repository.ts';

const ownerRoles: readonly UserRow['role'][] = ['sales_rep', 'sales_manager'];

/**
 * The user an account is to belong to, named by `ownerId` or `ownerEmail`: an existing, active
 * sales rep or sales manager (account-owner routing hands them the account's leads). Undefined when
 * neither is given, null when the one given is null (no owner). Anything else is a 400 naming the
 * field that was used.
 */
export async function resolveAccountOwner(db: Db, reference: { ownerId?: string | null | undefined; ownerEmail?: string | null | undefined }): Promise<UserRow | null | undefined> {
  const path = reference.ownerId !== undefined ? 'ownerId' : reference.ownerEmail !== undefined ? 'ownerEmail' : null;
  if (path === null) return undefined;
  const value = path === 'ownerId' ? reference.ownerId : reference.ownerEmail;
  if (value === null || value === undefined) return null;
  const user = path === 'ownerId' ? await findUserById(db, value) : await findUserByEmailIgnoringCase(db, value);
  if (!user) throw AppError.validation([{ path, message: `no user ${value}` }]);
  if (!user.active) throw AppError.validation([{ path, message: `${user.email} is not active` }]);
  if (!ownerRoles.includes(user.role)) {
    throw AppError.validation([{ path, message: `${user.email} has role ${user.role}; an account owner is a sales_rep or sales_manager` }]);
  }
  return user;
}
