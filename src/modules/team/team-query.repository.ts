import { openStages } from '../../core/pact/pact-schema.ts';
import type { Db, TeamRow } from '../../db/database.ts';

export interface TeamWithCounts extends TeamRow {
  manager_name: string | null;
  manager_email: string | null;
  member_count: number;
  active_member_count: number;
  /** Live leads routed to the team that are still being worked (inquiry, MQL, SAL, SQL). */
  open_lead_count: number;
}

/** Every team (or the one with `teamId`) with its manager, member counts and open leads, in one query, by name. */
export async function listTeamsWithCounts(db: Db, teamId?: string): Promise<TeamWithCounts[]> {
  let query = db
    .selectFrom('teams')
    .leftJoin('users as manager', 'manager.id', 'teams.manager_id')
    .selectAll('teams')
    .select((eb) => [
      'manager.name as manager_name',
      'manager.email as manager_email',
      eb.selectFrom('users').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('users.team_id', '=', 'teams.id').as('member_count'),
      eb
        .selectFrom('users')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('users.team_id', '=', 'teams.id')
        .where('users.active', '=', true)
        .as('active_member_count'),
      eb
        .selectFrom('leads')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('leads.team_id', '=', 'teams.id')
        .where('leads.stage', 'in', [...openStages])
        .where('leads.merged_into_id', 'is', null)
        .as('open_lead_count'),
    ]);
  if (teamId !== undefined) query = query.where('teams.id', '=', teamId);
  const rows = await query.orderBy('teams.name').execute();
  return rows.map((row) => ({
    ...row,
    member_count: Number(row.member_count ?? 0),
    active_member_count: Number(row.active_member_count ?? 0),
    open_lead_count: Number(row.open_lead_count ?? 0),
  }));
}

export async function findTeamWithCounts(db: Db, id: string): Promise<TeamWithCounts | undefined> {
  const [team] = await listTeamsWithCounts(db, id);
  return team;
}
