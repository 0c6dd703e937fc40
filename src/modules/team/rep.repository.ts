import type { Db, TeamRow, UserRow } from '../../db/database.ts';

export async function findTeamsByNames(db: Db, names: readonly string[]): Promise<TeamRow[]> {
  if (names.length === 0) return [];
  return db.selectFrom('teams').selectAll().where('name', 'in', [...names]).execute();
}

/**
 * The sales reps of the given teams plus the given account owners, rows locked until the
 * transaction ends, in id order (the same order everywhere, so two captures cannot deadlock).
 * Holding these locks is what keeps concurrent captures from assigning past a rep's capacity.
 */
export async function lockRoutableReps(db: Db, teamIds: readonly string[], ownerIds: readonly string[]): Promise<UserRow[]> {
  if (teamIds.length === 0 && ownerIds.length === 0) return [];
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => {
      const clauses = [];
      if (teamIds.length > 0) clauses.push(eb.and([eb('team_id', 'in', [...teamIds]), eb('role', '=', 'sales_rep')]));
      if (ownerIds.length > 0) clauses.push(eb('id', 'in', [...ownerIds]));
      return eb.or(clauses);
    })
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function saveRepCounters(db: Db, reps: readonly { id: string; openLeads: number; roundRobinAssigned: number }[]): Promise<void> {
  for (const rep of reps) {
    await db
      .updateTable('users')
      .set({ open_lead_count: rep.openLeads, round_robin_count: rep.roundRobinAssigned })
      .where('id', '=', rep.id)
      .execute();
  }
}

/** Keeps a rep's open-lead counter true when one of their leads opens or closes outside routing. */
export async function adjustOpenLeadCount(db: Db, userId: string, delta: number): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ open_lead_count: eb.fn('greatest', [eb.lit(0), eb('open_lead_count', '+', delta)]) }))
    .where('id', '=', userId)
    .execute();
}
