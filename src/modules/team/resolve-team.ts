import type { Db, TeamRow, UserRow } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { findTeamById, findTeamByNameIgnoringCase, findUserByEmailIgnoringCase } from './user.repository.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The team a reference names (its id, or its name in any letter case); a 400 naming `path` when none. */
export async function resolveTeam(db: Db, reference: string, path: string): Promise<TeamRow> {
  const team = uuidPattern.test(reference) ? await findTeamById(db, reference) : await findTeamByNameIgnoringCase(db, reference);
  if (!team) throw AppError.validation([{ path, message: `no team "${reference}"` }]);
  return team;
}

/**
 * The user who is to manage a team: an existing, active sales manager (escalations go to them).
 * Anyone else is a 400 naming `path`.
 */
export async function resolveTeamManager(db: Db, email: string, path: string): Promise<UserRow> {
  const user = await findUserByEmailIgnoringCase(db, email);
  if (!user) throw AppError.validation([{ path, message: `no user with e-mail ${email}` }]);
  if (!user.active) throw AppError.validation([{ path, message: `${user.email} is not active` }]);
  if (user.role !== 'sales_manager') throw AppError.validation([{ path, message: `${user.email} has role ${user.role}; a team is managed by a sales_manager` }]);
  return user;
}
