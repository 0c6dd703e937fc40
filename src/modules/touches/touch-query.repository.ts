import type { RecordScope } from '../../core/access/access-policy.ts';
import type { Db } from '../../db/database.ts';
import { leadScopeCondition } from '../access/record-access.repository.ts';

export interface TouchListFilter {
  leadId?: string;
  campaignId?: string;
  type?: string;
}

export interface TouchListCursor {
  occurredAt: Date;
  id: string;
}

function selectTouches(db: Db) {
  return db
    .selectFrom('touches')
    .innerJoin('leads', 'leads.id', 'touches.lead_id')
    .leftJoin('campaigns', 'campaigns.id', 'touches.campaign_id')
    .select([
      'touches.id',
      'touches.lead_id',
      'leads.email as lead_email',
      'touches.type',
      'touches.occurred_at',
      'touches.campaign_id',
      'campaigns.name as campaign_name',
      'touches.source',
      'touches.channel',
      'touches.detail',
      'touches.created_at',
    ]);
}

export type TouchListRow = Awaited<ReturnType<ReturnType<typeof selectTouches>['executeTakeFirstOrThrow']>>;

/** Touches of leads inside `scope`, most recent interaction first, keyset-paginated on (occurred_at, id). */
export async function queryTouches(db: Db, scope: RecordScope, filter: TouchListFilter, cursor: TouchListCursor | null, limit: number): Promise<TouchListRow[]> {
  let query = selectTouches(db).where(leadScopeCondition(scope));
  if (filter.leadId) query = query.where('touches.lead_id', '=', filter.leadId);
  if (filter.campaignId) query = query.where('touches.campaign_id', '=', filter.campaignId);
  if (filter.type) query = query.where('touches.type', '=', filter.type);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([eb('touches.occurred_at', '<', cursor.occurredAt), eb.and([eb('touches.occurred_at', '=', cursor.occurredAt), eb('touches.id', '<', cursor.id)])]),
    );
  }
  return query.orderBy('touches.occurred_at', 'desc').orderBy('touches.id', 'desc').limit(limit).execute();
}

export async function findTouchByDedupeKey(db: Db, dedupeKey: string): Promise<TouchListRow | undefined> {
  return selectTouches(db).where('touches.dedupe_key', '=', dedupeKey).executeTakeFirst();
}
