import { sql } from 'kysely';
import { erasedLeadColumns } from '../../core/privacy/lead-erasure-policy.ts';
import type { Db, LeadUpdate } from '../../db/database.ts';

/** Nulls every personal column of the leads (attributes become `{}`) and marks them erased at `now`. */
export async function eraseLeadColumns(db: Db, leadIds: readonly string[], now: Date): Promise<void> {
  if (leadIds.length === 0) return;
  const changes: Record<string, unknown> = Object.fromEntries(erasedLeadColumns.map((column) => [column, null]));
  changes.attributes = '{}';
  changes.erased_at = now;
  changes.updated_at = now;
  await db
    .updateTable('leads')
    .set(changes as LeadUpdate)
    .where('id', 'in', [...leadIds])
    .execute();
}

/**
 * Drops what the source sent with each touch of the leads (free-form detail) and replaces the
 * dedupe key — a hash computed from the e-mail match key — with one that says nothing. Type, time,
 * source, channel and campaign stay: attribution counts them. Returns how many touches.
 */
export async function eraseTouchDetails(db: Db, leadIds: readonly string[]): Promise<number> {
  if (leadIds.length === 0) return 0;
  const result = await db
    .updateTable('touches')
    .set({ detail: null, dedupe_key: sql<string>`'erased:' || id::text` })
    .where('lead_id', 'in', [...leadIds])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Ids of the records that belong to the leads: touches, opportunities, consents (audit entries name them). */
export async function findRecordIdsOfLeads(db: Db, leadIds: readonly string[]): Promise<string[]> {
  if (leadIds.length === 0) return [];
  const [touches, opportunities, consents] = await Promise.all([
    db.selectFrom('touches').select('id').where('lead_id', 'in', [...leadIds]).execute(),
    db.selectFrom('opportunities').select('id').where('lead_id', 'in', [...leadIds]).execute(),
    db.selectFrom('lead_consents').select('id').where('lead_id', 'in', [...leadIds]).execute(),
  ]);
  return [...touches, ...opportunities, ...consents].map((row) => row.id);
}
