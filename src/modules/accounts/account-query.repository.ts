import { sql } from 'kysely';
import type { RecordScope } from '../../core/access/access-policy.ts';
import type { KeysetCursor, ListSort } from '../../core/listing/list-sort.ts';
import type { AccountClassValue, AccountRow, Db, StageValue } from '../../db/database.ts';
import { keysetSegments, sortValueSql, type SortKeySql } from '../../db/keyset-page.ts';
import { accountScopeCondition, leadScopeCondition, opportunityScopeCondition } from '../access/record-access.repository.ts';

export interface AccountListFilter {
  /** Matches name or domain, ignoring case. */
  text?: string;
  accountClass?: AccountClassValue;
  /** A user id, or 'unassigned'. */
  owner?: string;
  /** Compared ignoring case. */
  industry?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
}

export const accountSortKeys = ['name', 'domain', 'class', 'leads', 'created_at'] as const;
export type AccountSortKey = (typeof accountSortKeys)[number];

export type AccountListRow = AccountRow & { owner_name: string | null; owner_email: string | null; sort_value: string | number | null };

/**
 * The sort keys as SQL. name, domain, class and created_at repeat, character for character, the
 * expressions of the account indexes of 2026-11-23-0001-list-sort-indexes.ts. `leads` is the number
 * of the account's live leads the caller may see (what its lead counts say), so it is counted per
 * account under `scope` and has no index.
 */
function accountSortSql(key: AccountSortKey, scope: RecordScope): SortKeySql {
  switch (key) {
    case 'name':
      return { expression: sql`(lower(accounts.name) collate "C")`, type: 'text', nullable: false };
    case 'domain':
      return { expression: sql`(accounts.domain collate "C")`, type: 'text', nullable: true };
    case 'class':
      return { expression: sql`accounts.account_class`, type: 'text', nullable: true };
    case 'created_at':
      return { expression: sql`accounts.created_at`, type: 'timestamptz', nullable: false };
    case 'leads':
      return {
        expression: sql`(select count(*) from leads as counted where counted.account_id = accounts.id and counted.merged_into_id is null and ${leadScopeCondition(scope, 'counted')})`,
        type: 'integer',
        nullable: false,
      };
  }
}

/** The accounts inside `scope` matching the filter, with their owner joined. */
function matchingAccounts(db: Db, scope: RecordScope, filter: AccountListFilter) {
  let query = db.selectFrom('accounts').leftJoin('users as owner', 'owner.id', 'accounts.owner_id').where(accountScopeCondition(scope));
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    query = query.where((eb) => eb.or([eb('accounts.name', 'ilike', pattern), eb('accounts.domain', 'ilike', pattern)]));
  }
  if (filter.accountClass) query = query.where('accounts.account_class', '=', filter.accountClass);
  if (filter.owner === 'unassigned') query = query.where('accounts.owner_id', 'is', null);
  else if (filter.owner) query = query.where('accounts.owner_id', '=', filter.owner);
  if (filter.industry) query = query.where(sql<boolean>`lower(accounts.industry) = lower(${filter.industry})`);
  if (filter.country) query = query.where('accounts.country', '=', filter.country);
  return query;
}

/**
 * One page of the accounts inside `scope` matching the filter, in `sort` order with ties broken by
 * id and accounts without a value last; keyset-paginated after `cursor` (a page never repeats or
 * skips an account). Each row carries `sort_value`, the key's value its cursor needs.
 */
export async function queryAccounts(db: Db, scope: RecordScope, filter: AccountListFilter, sort: ListSort<AccountSortKey>, cursor: KeysetCursor | null, limit: number): Promise<AccountListRow[]> {
  const key = accountSortSql(sort.key, scope);
  const rows: AccountListRow[] = [];
  for (const segment of keysetSegments(key, sql`accounts.id`, sort.descending, cursor)) {
    if (rows.length >= limit) break;
    let query = matchingAccounts(db, scope, filter)
      .selectAll('accounts')
      .select(['owner.name as owner_name', 'owner.email as owner_email', sortValueSql(key).as('sort_value')])
      .where(segment.where);
    for (const [expression, direction] of segment.orderBy) query = query.orderBy(expression, direction);
    rows.push(...(await query.limit(limit - rows.length).execute()));
  }
  return rows;
}

/** How many accounts inside `scope` match the filter (what the list's `total` says). */
export async function countAccounts(db: Db, scope: RecordScope, filter: AccountListFilter): Promise<number> {
  const row = await matchingAccounts(db, scope, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Live leads inside `scope` of each account by stage, in one grouped query (a rep's counts hold
 * only leads they may read). Accounts without such leads are absent.
 */
export async function countLeadsByStage(db: Db, accountIds: readonly string[], scope: RecordScope): Promise<Map<string, Partial<Record<StageValue, number>>>> {
  const counts = new Map<string, Partial<Record<StageValue, number>>>();
  if (accountIds.length === 0) return counts;
  const rows = await db
    .selectFrom('leads')
    .select((eb) => ['leads.account_id', 'leads.stage', eb.fn.countAll<number>().as('count')])
    .where('leads.account_id', 'in', [...new Set(accountIds)])
    .where('leads.merged_into_id', 'is', null)
    .where(leadScopeCondition(scope))
    .groupBy(['leads.account_id', 'leads.stage'])
    .execute();
  for (const row of rows) {
    const byStage = counts.get(row.account_id!) ?? {};
    byStage[row.stage] = Number(row.count);
    counts.set(row.account_id!, byStage);
  }
  return counts;
}

/** Open opportunities of the account inside `scope`. */
export async function countOpenOpportunities(db: Db, accountId: string, scope: RecordScope): Promise<number> {
  const row = await db
    .selectFrom('opportunities')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('account_id', '=', accountId)
    .where('status', '=', 'open')
    .where(opportunityScopeCondition(scope))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The account's newest live leads inside `scope`, for its page. */
export async function listRecentLeadsOfAccount(db: Db, accountId: string, scope: RecordScope, limit: number) {
  return db
    .selectFrom('leads')
    .leftJoin('users as owner', 'owner.id', 'leads.owner_id')
    .select(['leads.id', 'leads.email', 'leads.first_name', 'leads.last_name', 'leads.title', 'leads.stage', 'leads.grade', 'leads.score', 'leads.owner_id', 'owner.name as owner_name', 'leads.created_at'])
    .where('leads.account_id', '=', accountId)
    .where('leads.merged_into_id', 'is', null)
    .where(leadScopeCondition(scope))
    .orderBy('leads.created_at', 'desc')
    .orderBy('leads.id', 'desc')
    .limit(limit)
    .execute();
}
