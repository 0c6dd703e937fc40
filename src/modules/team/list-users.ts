import type { AccessContext } from '../../core/access/access-context.ts';
import type { Db, RoleValue } from '../../db/database.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { resolveTeam } from './resolve-team.ts';
import { queryUsers } from './user.repository.ts';

/**
 * The people of the sales organisation with their team and routing load, by name, optionally only
 * one role, one team (id or name; an unknown team is a 400 naming `team`) or active/inactive ones.
 * For admins, marketing (the pact routes to teams and names territory reps) and sales managers; 403
 * for reps and executives.
 */
export async function listOrganisationUsers(db: Db, filter: { role?: RoleValue | undefined; team?: string | undefined; active?: boolean | undefined; access: AccessContext }) {
  assertRoleMay(filter.access, 'organisation:read');
  const team = filter.team ? await resolveTeam(db, filter.team, 'team') : null;
  return queryUsers(db, {
    ...(filter.role ? { role: filter.role } : {}),
    ...(team ? { teamId: team.id } : {}),
    ...(filter.active !== undefined ? { active: filter.active } : {}),
  });
}
