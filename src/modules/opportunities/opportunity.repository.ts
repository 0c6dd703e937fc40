import type { Selectable, Updateable } from 'kysely';
import type { Db, OpportunitiesTable } from '../../db/database.ts';

export type OpportunityRow = Selectable<OpportunitiesTable>;

/** The opportunity row locked until the transaction ends. */
export async function lockOpportunityById(db: Db, id: string): Promise<OpportunityRow | undefined> {
  return db.selectFrom('opportunities').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateOpportunity(db: Db, id: string, changes: Updateable<OpportunitiesTable>): Promise<OpportunityRow> {
  return db.updateTable('opportunities').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
