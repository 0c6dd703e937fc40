import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { accountOnlyFacts } from '../../core/lead/build-lead-facts.ts';
import { normalizeCompanyName } from '../../core/normalize/normalize-company.ts';
import type { DemoOrganisation } from '../../core/demo/demo-organisation.ts';
import { classifyAccount } from '../../core/routing/classify-account.ts';
import { bulkInsert } from '../../db/bulk-insert.ts';
import type { Database, Db } from '../../db/database.ts';
import { auditEntriesForCreatedRows } from '../audit/capture-plan-audit.ts';
import { recordAuditBatch, systemActor } from '../audit/record-audit.ts';
import { loadActivePact } from '../pact/load-active-pact.ts';

export async function countLeads(db: Db): Promise<number> {
  const row = await db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Teams, then users, then each team's manager. Returns database ids by demo key. */
export async function insertDemoStaff(db: Kysely<Database>, organisation: DemoOrganisation): Promise<{ teamIds: Map<string, string>; userIds: Map<string, string> }> {
  const teamIds = new Map(organisation.teams.map((team) => [team.key, randomUUID()]));
  const userIds = new Map(organisation.users.map((user) => [user.key, randomUUID()]));
  await db.transaction().execute(async (trx) => {
    const teams = organisation.teams.map((team) => ({ id: teamIds.get(team.key)!, name: team.name, account_class: team.accountClass }));
    await bulkInsert(trx, 'teams', { id: 'uuid', name: 'text', account_class: 'text' }, teams);
    const users = organisation.users.map((user) => ({
      id: userIds.get(user.key)!,
      email: user.email.toLowerCase(),
      name: user.name,
      role: user.role,
      team_id: user.teamKey ? (teamIds.get(user.teamKey) ?? null) : null,
      capacity: user.capacity,
      weight: user.weight,
      away_until: user.awayUntil,
    }));
    await bulkInsert(trx, 'users', { id: 'uuid', email: 'text', name: 'text', role: 'text', team_id: 'uuid', capacity: 'integer', weight: 'integer', away_until: 'timestamptz' }, users);
    const managerOfTeam = new Map<string, string>();
    for (const manager of organisation.users.filter((user) => user.role === 'sales_manager' && user.teamKey)) {
      managerOfTeam.set(teamIds.get(manager.teamKey!)!, userIds.get(manager.key)!);
      await trx.updateTable('teams').set({ manager_id: userIds.get(manager.key)! }).where('id', '=', teamIds.get(manager.teamKey!)!).execute();
    }
    await recordAuditBatch(trx, [
      ...auditEntriesForCreatedRows(systemActor, 'team', teams.map((team) => ({ ...team, manager_id: managerOfTeam.get(team.id) ?? null }))),
      ...auditEntriesForCreatedRows(systemActor, 'user', users),
    ]);
  });
  return { teamIds, userIds };
}

/** Accounts with their owners, classified by the active pact as any new account is. */
export async function insertDemoAccounts(db: Kysely<Database>, organisation: DemoOrganisation, userIds: Map<string, string>): Promise<Map<string, string>> {
  const { pact } = await loadActivePact(db);
  const ids = new Map(organisation.accounts.map((account) => [account.key, randomUUID()]));
  const rows = organisation.accounts.map((account) => {
    const classification = classifyAccount({
      facts: accountOnlyFacts({ name: account.name, domain: account.domain, industry: account.industry, employees: account.employees, annualRevenue: account.annualRevenueMinor, country: account.country, ownerEmail: null }),
      classification: pact.classification,
    });
    return {
      id: ids.get(account.key)!,
      name: account.name,
      name_key: normalizeCompanyName(account.name).matchKey,
      domain: account.domain,
      website: account.website,
      industry: account.industry,
      employees: account.employees,
      annual_revenue_minor: account.annualRevenueMinor,
      country: account.country,
      owner_id: account.ownerKey ? (userIds.get(account.ownerKey) ?? null) : null,
      account_class: classification.accountClass,
      class_priority: classification.priority,
      class_reason: classification.reason,
    };
  });
  await db.transaction().execute(async (trx) => {
    await bulkInsert(
      trx,
      'accounts',
      { id: 'uuid', name: 'text', name_key: 'text', domain: 'text', website: 'text', industry: 'text', employees: 'integer', annual_revenue_minor: 'bigint', country: 'text', owner_id: 'uuid', account_class: 'text', class_priority: 'integer', class_reason: 'text' },
      rows,
    );
    await recordAuditBatch(trx, auditEntriesForCreatedRows(systemActor, 'account', rows));
  });
  return ids;
}

export async function insertDemoCampaigns(db: Kysely<Database>, organisation: DemoOrganisation): Promise<Map<string, string>> {
  const ids = new Map(organisation.campaigns.map((campaign) => [campaign.key, randomUUID()]));
  const rows = organisation.campaigns.map((campaign) => ({ id: ids.get(campaign.key)!, name: campaign.name, channel: campaign.channel, source: campaign.source, cost_minor: campaign.costMinor, currency: campaign.currency, starts_on: campaign.startsOn, ends_on: campaign.endsOn }));
  await db.transaction().execute(async (trx) => {
    await bulkInsert(trx, 'campaigns', { id: 'uuid', name: 'text', channel: 'text', source: 'text', cost_minor: 'bigint', currency: 'text', starts_on: 'date', ends_on: 'date' }, rows);
    await recordAuditBatch(trx, auditEntriesForCreatedRows(systemActor, 'campaign', rows));
  });
  return ids;
}

/**
 * Dates a pact version's creation (and, when given, its activation) in the demo's past. Creation
 * times are otherwise never changed — this is only for the demo, whose whole history is
 * simulated a year back, so its version history must not read "proposed today, signed last year".
 */
export async function backdateDemoPactVersion(db: Db, id: string, dates: { createdAt: Date; activatedAt?: Date }): Promise<void> {
  await sql`update pact_versions set created_at = ${dates.createdAt}, activated_at = coalesce(${dates.activatedAt ?? null}::timestamptz, activated_at) where id = ${id}`.execute(db);
}
