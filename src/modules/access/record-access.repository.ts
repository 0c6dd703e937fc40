import { sql, type RawBuilder } from 'kysely';
import type { RecordScope } from '../../core/access/access-policy.ts';
import type { AccountAccessFacts, LeadAccessFacts, OpportunityAccessFacts, Viewer } from '../../core/access/record-relation.ts';
import type { Db } from '../../db/database.ts';

/**
 * The access policy's record scope as SQL: a condition on a table alias that holds exactly for the
 * rows the principal may read (see recordScopeOf and record-relation.ts, which these mirror).
 * Every list, search and count of leads, accounts, opportunities and touches adds one, so a rep's
 * page, cursor and totals never include anyone else's rows.
 */
type ScopeCondition = RawBuilder<boolean>;

const always = sql<boolean>`true`;
const never = sql<boolean>`false`;

function teamMembers(teamId: string) {
  return sql`(select members.id from users as members where members.team_id = ${teamId})`;
}

/** Leads (`alias.owner_id`, `alias.team_id`) the scope may read. */
export function leadScopeCondition(scope: RecordScope, alias = 'leads'): ScopeCondition {
  if (scope.kind === 'all') return always;
  if (scope.kind === 'none') return never;
  const owner = sql.ref(`${alias}.owner_id`);
  if (scope.teamId === null) return sql<boolean>`(${owner} = ${scope.userId})`;
  return sql<boolean>`(${owner} = ${scope.userId} or ${sql.ref(`${alias}.team_id`)} = ${scope.teamId} or ${owner} in ${teamMembers(scope.teamId)})`;
}

/** Accounts (`alias.id`, `alias.owner_id`) the scope may read: owned, of one's own leads, or of the team. */
export function accountScopeCondition(scope: RecordScope, alias = 'accounts'): ScopeCondition {
  if (scope.kind === 'all') return always;
  if (scope.kind === 'none') return never;
  const owner = sql.ref(`${alias}.owner_id`);
  const accountId = sql.ref(`${alias}.id`);
  const ownLead = sql`exists (select 1 from leads as scope_lead where scope_lead.account_id = ${accountId} and scope_lead.merged_into_id is null and scope_lead.owner_id = ${scope.userId})`;
  if (scope.teamId === null) return sql<boolean>`(${owner} = ${scope.userId} or ${ownLead})`;
  const teamLead = sql`exists (select 1 from leads as scope_lead where scope_lead.account_id = ${accountId} and scope_lead.merged_into_id is null
    and (scope_lead.team_id = ${scope.teamId} or scope_lead.owner_id in ${teamMembers(scope.teamId)}))`;
  return sql<boolean>`(${owner} = ${scope.userId} or ${ownLead} or ${owner} in ${teamMembers(scope.teamId)} or ${teamLead})`;
}

/** Opportunities (`alias.owner_id`) the scope may read: owned, or owned by a member of the team. */
export function opportunityScopeCondition(scope: RecordScope, alias = 'opportunities'): ScopeCondition {
  if (scope.kind === 'all') return always;
  if (scope.kind === 'none') return never;
  const owner = sql.ref(`${alias}.owner_id`);
  if (scope.teamId === null) return sql<boolean>`(${owner} = ${scope.userId})`;
  return sql<boolean>`(${owner} = ${scope.userId} or ${owner} in ${teamMembers(scope.teamId)})`;
}

/** What the policy needs to know about one lead; undefined when there is no such lead. */
export async function findLeadAccessFacts(db: Db, leadId: string): Promise<LeadAccessFacts | undefined> {
  const row = await db
    .selectFrom('leads')
    .leftJoin('users as owner', 'owner.id', 'leads.owner_id')
    .select(['leads.owner_id', 'leads.team_id', 'owner.team_id as owner_team_id'])
    .where('leads.id', '=', leadId)
    .executeTakeFirst();
  return row ? { ownerId: row.owner_id, teamId: row.team_id, ownerTeamId: row.owner_team_id } : undefined;
}

/** What the policy needs to know about one account, seen by `viewer` (null: no user to relate to). */
export async function findAccountAccessFacts(db: Db, accountId: string, viewer: Viewer | null): Promise<AccountAccessFacts | undefined> {
  const userId = viewer?.userId ?? null;
  const teamId = viewer?.teamId ?? null;
  const row = await db
    .selectFrom('accounts')
    .leftJoin('users as owner', 'owner.id', 'accounts.owner_id')
    .select([
      'accounts.owner_id',
      'owner.team_id as owner_team_id',
      sql<boolean>`${userId}::uuid is not null and exists (select 1 from leads as l where l.account_id = accounts.id and l.merged_into_id is null and l.owner_id = ${userId}::uuid)`.as('has_own_lead'),
      sql<boolean>`${teamId}::uuid is not null and exists (select 1 from leads as l where l.account_id = accounts.id and l.merged_into_id is null
        and (l.team_id = ${teamId}::uuid or l.owner_id in (select m.id from users as m where m.team_id = ${teamId}::uuid)))`.as('has_team_lead'),
    ])
    .where('accounts.id', '=', accountId)
    .executeTakeFirst();
  return row
    ? { ownerId: row.owner_id, ownerTeamId: row.owner_team_id, hasLeadOwnedByViewer: Boolean(row.has_own_lead), hasLeadOfViewerTeam: Boolean(row.has_team_lead) }
    : undefined;
}

/** What the policy needs to know about one opportunity; undefined when there is none. */
export async function findOpportunityAccessFacts(db: Db, opportunityId: string): Promise<OpportunityAccessFacts | undefined> {
  const row = await db
    .selectFrom('opportunities')
    .leftJoin('users as owner', 'owner.id', 'opportunities.owner_id')
    .select(['opportunities.owner_id', 'owner.team_id as owner_team_id'])
    .where('opportunities.id', '=', opportunityId)
    .executeTakeFirst();
  return row ? { ownerId: row.owner_id, ownerTeamId: row.owner_team_id } : undefined;
}
