import type { RecordScope } from '../../core/access/access-policy.ts';
import type { Db } from '../../db/database.ts';
import { opportunityScopeCondition } from '../access/record-access.repository.ts';

export interface OpportunityListFilter {
  status?: 'open' | 'won' | 'lost';
  /** A user id, or 'unassigned'. */
  owner?: string;
  accountId?: string;
  leadId?: string;
}

export interface OpportunityListCursor {
  openedAt: Date;
  id: string;
}

function selectOpportunities(db: Db) {
  return db
    .selectFrom('opportunities')
    .leftJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    .leftJoin('accounts', 'accounts.id', 'opportunities.account_id')
    .selectAll('opportunities')
    .select(['owner.name as owner_name', 'accounts.name as account_name']);
}

export type OpportunityListRow = Awaited<ReturnType<ReturnType<typeof selectOpportunities>['executeTakeFirstOrThrow']>>;

/** Opportunities inside `scope`, most recently opened first, keyset-paginated on (opened_at, id). */
export async function queryOpportunities(db: Db, scope: RecordScope, filter: OpportunityListFilter, cursor: OpportunityListCursor | null, limit: number): Promise<OpportunityListRow[]> {
  let query = selectOpportunities(db).where(opportunityScopeCondition(scope));
  if (filter.status) query = query.where('opportunities.status', '=', filter.status);
  if (filter.owner === 'unassigned') query = query.where('opportunities.owner_id', 'is', null);
  else if (filter.owner) query = query.where('opportunities.owner_id', '=', filter.owner);
  if (filter.accountId) query = query.where('opportunities.account_id', '=', filter.accountId);
  if (filter.leadId) query = query.where('opportunities.lead_id', '=', filter.leadId);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([eb('opportunities.opened_at', '<', cursor.openedAt), eb.and([eb('opportunities.opened_at', '=', cursor.openedAt), eb('opportunities.id', '<', cursor.id)])]),
    );
  }
  return query.orderBy('opportunities.opened_at', 'desc').orderBy('opportunities.id', 'desc').limit(limit).execute();
}

/** One opportunity with its owner's and account's names. */
export async function findOpportunityWithNames(db: Db, id: string): Promise<OpportunityListRow | undefined> {
  return selectOpportunities(db).where('opportunities.id', '=', id).executeTakeFirst();
}
