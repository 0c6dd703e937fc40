import type { AccessContext } from '../../core/access/access-context.ts';
import type { Db } from '../../db/database.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { listTeamsWithCounts, type TeamWithCounts } from './team-query.repository.ts';

/** Every team with its manager, member counts and open leads, by name. Same readers as the users list (403 otherwise). */
export async function listTeams(db: Db, options: { access: AccessContext }): Promise<TeamWithCounts[]> {
  assertRoleMay(options.access, 'organisation:read');
  return listTeamsWithCounts(db);
}
