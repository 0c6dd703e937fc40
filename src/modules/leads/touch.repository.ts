import { sql } from 'kysely';
import { bulkInsert, type ColumnTypes } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/database.ts';

export interface TouchToInsert {
  id: string;
  lead_id: string;
  campaign_id: string | null;
  type: string;
  occurred_at: Date;
  source: string | null;
  channel: string | null;
  dedupe_key: string;
  detail: Record<string, unknown> | null;
}

/** Columns written when a touch is stored, with their PostgreSQL types (see bulkInsert). */
export const touchColumnTypes: ColumnTypes = { id: 'uuid', lead_id: 'uuid', campaign_id: 'uuid', type: 'text', occurred_at: 'timestamptz', source: 'text', channel: 'text', dedupe_key: 'text', detail: 'jsonb' };

/** Inserts touches, skipping any whose dedupe key is already stored; returns the ids inserted. */
export async function insertTouches(db: Db, touches: readonly TouchToInsert[]): Promise<Set<string>> {
  const inserted = await bulkInsert<{ id: string }>(db, 'touches', touchColumnTypes, touches as unknown as Record<string, unknown>[], {
    conflict: sql`on conflict (dedupe_key) do nothing`,
    returning: ['id'],
  });
  return new Set(inserted.map((row) => row.id));
}

export interface TouchForLead {
  lead_id: string;
  type: string;
  occurred_at: Date;
}

/** Every touch of the given leads (what engagement scoring needs), oldest first. */
export async function findTouchesForLeads(db: Db, leadIds: readonly string[]): Promise<TouchForLead[]> {
  if (leadIds.length === 0) return [];
  return db
    .selectFrom('touches')
    .select(['lead_id', 'type', 'occurred_at'])
    .where('lead_id', 'in', [...leadIds])
    .orderBy('occurred_at')
    .execute();
}

export async function listTouchesOfLead(db: Db, leadId: string) {
  return db
    .selectFrom('touches')
    .leftJoin('campaigns', 'campaigns.id', 'touches.campaign_id')
    .select([
      'touches.id',
      'touches.type',
      'touches.occurred_at',
      'touches.source',
      'touches.channel',
      'touches.detail',
      'touches.campaign_id',
      'campaigns.name as campaign_name',
    ])
    .where('touches.lead_id', '=', leadId)
    .orderBy('touches.occurred_at')
    .execute();
}

/** Moves every touch of one lead to another (a merge). */
export async function moveTouches(db: Db, fromLeadId: string, toLeadId: string): Promise<void> {
  await db.updateTable('touches').set({ lead_id: toLeadId }).where('lead_id', '=', fromLeadId).execute();
}
