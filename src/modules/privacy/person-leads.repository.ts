import type { Db, LeadRow } from '../../db/database.ts';

/** Every lead with this e-mail match key, live or merged away; row-locked when `lock` (erasure). */
export async function findLeadsByEmailKey(db: Db, emailKey: string, lock: boolean): Promise<LeadRow[]> {
  const query = db.selectFrom('leads').selectAll().where('email_key', '=', emailKey).orderBy('created_at').orderBy('id');
  return lock ? query.forUpdate().execute() : query.execute();
}

/** The leads merged into any of `ids`, and the leads any of `ids` were merged into. */
export async function findMergeRelatives(db: Db, ids: readonly string[], lock: boolean): Promise<LeadRow[]> {
  if (ids.length === 0) return [];
  const query = db
    .selectFrom('leads')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('merged_into_id', 'in', [...ids]),
        eb('id', 'in', eb.selectFrom('leads as merged').select('merged.merged_into_id').where('merged.id', 'in', [...ids]).where('merged.merged_into_id', 'is not', null)),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id');
  return lock ? query.forUpdate().execute() : query.execute();
}
