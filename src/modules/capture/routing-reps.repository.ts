import { sql, type RawBuilder } from 'kysely';
import type { Db, TeamRow, UserRow } from '../../db/database.ts';

/** What routing reads of a user (never credentials). */
export type RoutableUser = Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'team_id' | 'capacity' | 'weight' | 'away_until' | 'active' | 'open_lead_count' | 'round_robin_count'>;

/**
 * In one statement: the teams with these names, and the sales reps of those teams plus the given
 * account owners with their rows locked until the transaction ends, in id order (the same order
 * everywhere, so two captures cannot deadlock). Holding these locks is what keeps concurrent
 * captures from assigning past a rep's capacity.
 */
export async function lockTeamReps(db: Db, teamNames: readonly string[], ownerIds: readonly string[]): Promise<{ teams: Pick<TeamRow, 'id' | 'name'>[]; reps: RoutableUser[] }> {
  if (teamNames.length === 0 && ownerIds.length === 0) return { teams: [], reps: [] };
  const names = [...teamNames];
  const owners = [...ownerIds];
  const result = await sql<RoutableUser & { teams: Pick<TeamRow, 'id' | 'name'>[] | null }>`
    with locked as (
      select u.id, u.email, u.name, u.role, u.team_id, u.capacity, u.weight, u.away_until, u.active, u.open_lead_count, u.round_robin_count
      from users u
      where (u.role = 'sales_rep' and u.team_id in (select t.id from teams t where t.name = any(${names}::text[]))) or u.id = any(${owners}::uuid[])
      order by u.id
      for update
    )
    select l.*, null::jsonb as teams from locked l
    union all
    select null, null, null, null, null, null, null, null, null, null, null,
      coalesce((select jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name)) from teams t where t.name = any(${names}::text[])), '[]'::jsonb)
  `.execute(db);
  const reps: RoutableUser[] = [];
  let teams: Pick<TeamRow, 'id' | 'name'>[] = [];
  for (const row of result.rows) {
    if (row.teams) teams = row.teams;
    else {
      const { teams: _, ...rep } = row;
      reps.push(rep);
    }
  }
  // Id order, as locked (the union does not promise to keep it).
  reps.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { teams, reps };
}

/** Writes the routing counters of the given reps, in one statement. */
export async function saveRepCounters(db: Db, reps: readonly { id: string; openLeads: number; roundRobinAssigned: number }[]): Promise<void> {
  if (reps.length === 0) return;
  await repCountersUpdate(reps).execute(db);
}

/**
 * The update statement of saveRepCounters, unexecuted (to run as one step of a `with` statement);
 * with `onlyIf`, only when that condition holds.
 */
export function repCountersUpdate(reps: readonly { id: string; openLeads: number; roundRobinAssigned: number }[], onlyIf?: RawBuilder<unknown>): RawBuilder<unknown> {
  const payload = JSON.stringify(reps.map((rep) => ({ id: rep.id, open: rep.openLeads, assigned: rep.roundRobinAssigned })));
  return sql`
    update users set open_lead_count = r.open, round_robin_count = r.assigned
    from jsonb_to_recordset(${payload}::jsonb) as r(id uuid, open integer, assigned integer)
    where users.id = r.id${onlyIf ? sql` and ${onlyIf}` : sql``}`;
}
