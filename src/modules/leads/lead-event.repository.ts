import { sql } from 'kysely';
import { bulkInsert, type ColumnTypes } from '../../db/bulk-insert.ts';
import type { ActorType, Db, StageValue } from '../../db/database.ts';

export interface LeadEventToInsert {
  lead_id: string;
  type: 'stage_change' | 'assignment' | 'merged' | 'duplicate_flagged' | 'rescored' | 'updated';
  from_stage: StageValue | null;
  to_stage: StageValue | null;
  at: Date;
  actor_type: ActorType;
  actor_id: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
}

/** Columns written when an event is stored, with their PostgreSQL types (see bulkInsert). */
export const leadEventColumnTypes: ColumnTypes = { lead_id: 'uuid', type: 'text', from_stage: 'text', to_stage: 'text', at: 'timestamptz', actor_type: 'text', actor_id: 'text', reason: 'text', detail: 'jsonb' };

export async function insertLeadEvents(db: Db, events: readonly LeadEventToInsert[]): Promise<void> {
  await bulkInsert(db, 'lead_events', leadEventColumnTypes, events as unknown as Record<string, unknown>[]);
}

/** A lead's timeline, oldest first, with the name of the user or API key that acted (null for others). */
export async function listEventsOfLead(db: Db, leadId: string) {
  return db
    .selectFrom('lead_events')
    .leftJoin('users', (join) => join.on(sql<boolean>`lead_events.actor_type = 'user' and lead_events.actor_id = users.id::text`))
    .leftJoin('api_keys', (join) => join.on(sql<boolean>`lead_events.actor_type = 'api_key' and lead_events.actor_id = api_keys.id::text`))
    .select([
      'lead_events.id',
      'lead_events.type',
      'lead_events.from_stage',
      'lead_events.to_stage',
      'lead_events.at',
      'lead_events.actor_type',
      'lead_events.actor_id',
      'users.name as actor_name',
      'api_keys.name as api_key_name',
      'lead_events.reason',
      'lead_events.detail',
    ])
    .where('lead_events.lead_id', '=', leadId)
    .orderBy('lead_events.at')
    .orderBy('lead_events.id')
    .execute();
}
