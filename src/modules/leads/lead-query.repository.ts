import { sql } from 'kysely';
import type { RecordScope } from '../../core/access/access-policy.ts';
import type { KeysetCursor, ListSort } from '../../core/listing/list-sort.ts';
import { lifecycleStages } from '../../core/pact/pact-schema.ts';
import type { Db, StageValue } from '../../db/database.ts';
import { keysetSegments, sortValueSql, type SortKeySql } from '../../db/keyset-page.ts';
import { leadScopeCondition } from '../access/record-access.repository.ts';

export interface LeadListFilter {
  stages?: StageValue[] | undefined;
  grades?: ('A' | 'B' | 'C' | 'D')[] | undefined;
  /** A user id, 'unassigned', or 'me' (which listLeads resolves to the caller before any SQL). */
  owner?: string | undefined;
  source?: string | undefined;
  accountClass?: 'field' | 'inside' | 'marketing_led' | undefined;
  teamId?: string | undefined;
  /** Only the leads of this account. */
  accountId?: string | undefined;
  createdFrom?: Date | undefined;
  createdTo?: Date | undefined;
  /** Matches e-mail, names and company, ignoring case. */
  text?: string | undefined;
}

export const leadSortKeys = ['created_at', 'score', 'grade', 'company', 'name', 'stage', 'owner', 'source', 'stage_changed_at'] as const;
export type LeadSortKey = (typeof leadSortKeys)[number];

// The expressions are repeated verbatim in the indexes of 2026-11-23-0001-list-sort-indexes.ts;
// change one and the index no longer serves the order.
const stageOrder = sql.raw(`case leads.stage ${lifecycleStages.map((stage, position) => `when '${stage}' then ${position}`).join(' ')} end`);
const leadSortSql: Record<LeadSortKey, SortKeySql> = {
  created_at: { expression: sql`leads.created_at`, type: 'timestamptz', nullable: false },
  score: { expression: sql`leads.score`, type: 'integer', nullable: true },
  // Letters sort A before D: ascending is best first.
  grade: { expression: sql`leads.grade`, type: 'text', nullable: true },
  company: { expression: sql`(lower(leads.company) collate "C")`, type: 'text', nullable: true },
  name: { expression: sql`(nullif(lower(btrim(coalesce(leads.first_name, '') || ' ' || coalesce(leads.last_name, ''))), '') collate "C")`, type: 'text', nullable: true },
  // Along the funnel (inquiry, MQL, SAL, SQL, won, lost, then the side exits), not alphabetically.
  stage: { expression: sql`(${stageOrder})`, type: 'integer', nullable: false },
  owner: { expression: sql`(lower(owner.name) collate "C")`, type: 'text', nullable: true },
  source: { expression: sql`(lower(leads.source) collate "C")`, type: 'text', nullable: true },
  stage_changed_at: { expression: sql`leads.stage_changed_at`, type: 'timestamptz', nullable: false },
};

/**
 * The live leads inside `scope` matching the filter. No joins: every condition is on `leads`, and
 * `countLeads` must stay a scan of leads alone — with the owner and account left-joined, PostgreSQL
 * drops the joins but still reads the whole table instead of an index-only scan (1.5 s against
 * 0.15 s at 100,000 leads on PGlite, see `npm run bench -- web`). queryLeads joins what it shows.
 */
function matchingLeads(db: Db, scope: RecordScope, filter: LeadListFilter) {
  let query = db
    .selectFrom('leads')
    .where('leads.merged_into_id', 'is', null)
    .where(leadScopeCondition(scope));
  if (filter.stages?.length) query = query.where('leads.stage', 'in', filter.stages);
  if (filter.grades?.length) query = query.where('leads.grade', 'in', filter.grades);
  if (filter.owner === 'unassigned') query = query.where('leads.owner_id', 'is', null);
  else if (filter.owner) query = query.where('leads.owner_id', '=', filter.owner);
  // Written like the source sort key so the one index serves both.
  if (filter.source) query = query.where(sql<boolean>`(lower(leads.source) collate "C") = lower(${filter.source})`);
  if (filter.accountClass) query = query.where('leads.account_class', '=', filter.accountClass);
  if (filter.teamId) query = query.where('leads.team_id', '=', filter.teamId);
  if (filter.accountId) query = query.where('leads.account_id', '=', filter.accountId);
  if (filter.createdFrom) query = query.where('leads.created_at', '>=', filter.createdFrom);
  if (filter.createdTo) query = query.where('leads.created_at', '<', filter.createdTo);
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('leads.email', 'ilike', pattern),
        eb('leads.first_name', 'ilike', pattern),
        eb('leads.last_name', 'ilike', pattern),
        eb('leads.company', 'ilike', pattern),
        eb(sql<string>`coalesce(leads.first_name, '') || ' ' || coalesce(leads.last_name, '')`, 'ilike', pattern),
      ]),
    );
  }
  return query;
}

/**
 * One page of the live leads inside `scope` (the access policy's: a rep's list never holds anyone
 * else's lead) that match the filter, in `sort` order with ties broken by id and leads without a
 * value for the key last; keyset-paginated after `cursor`, so a page never repeats or skips a lead
 * while leads keep arriving. Each row carries `sort_value`, the key's value its cursor needs.
 */
export async function queryLeads(db: Db, scope: RecordScope, filter: LeadListFilter, sort: ListSort<LeadSortKey>, cursor: KeysetCursor | null, limit: number) {
  const key = leadSortSql[sort.key];
  const rows = [];
  for (const segment of keysetSegments(key, sql`leads.id`, sort.descending, cursor)) {
    if (rows.length >= limit) break;
    let query = matchingLeads(db, scope, filter)
      .leftJoin('users as owner', 'owner.id', 'leads.owner_id')
      .leftJoin('accounts', 'accounts.id', 'leads.account_id')
      .select([
        'leads.id',
        'leads.email',
        'leads.first_name',
        'leads.last_name',
        'leads.title',
        'leads.company',
        'leads.country',
        'leads.source',
        'leads.stage',
        'leads.grade',
        'leads.score',
        'leads.fit_score',
        'leads.engagement_score',
        'leads.account_class',
        'leads.owner_id',
        'owner.name as owner_name',
        'leads.account_id',
        'accounts.name as account_name',
        'leads.junk_reason',
        'leads.created_at',
        'leads.stage_changed_at',
        sortValueSql(key).as('sort_value'),
      ])
      .where(segment.where);
    for (const [expression, direction] of segment.orderBy) query = query.orderBy(expression, direction);
    rows.push(...(await query.limit(limit - rows.length).execute()));
  }
  return rows;
}

export type LeadListRow = Awaited<ReturnType<typeof queryLeads>>[number];

/** How many live leads inside `scope` match the filter (what a list's `total` says). */
export async function countLeads(db: Db, scope: RecordScope, filter: LeadListFilter): Promise<number> {
  const row = await matchingLeads(db, scope, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
