import { sql } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.ts';
import type { AccountRow, AccountsTable, Db, NewAccountRow } from '../../db/database.ts';
import type { Updateable } from 'kysely';

export interface AccountToInsert {
  id: string;
  name: string;
  name_key: string;
  domain: string;
  website: string | null;
  industry: string | null;
  employees: number | null;
  annual_revenue_minor: number | null;
  country: string | null;
  owner_id: string | null;
  account_class: string | null;
  class_priority: number | null;
  class_reason: string | null;
}

export async function findAccountsByDomains(db: Db, domains: readonly string[]): Promise<AccountRow[]> {
  if (domains.length === 0) return [];
  return db.selectFrom('accounts').selectAll().where('domain', 'in', [...domains]).execute();
}

/**
 * Creates accounts for new domains. A domain another capture created meanwhile is skipped; the
 * caller reads the winner back with findAccountsByDomains.
 */
export async function insertAccounts(db: Db, accounts: readonly AccountToInsert[]): Promise<void> {
  await bulkInsert(
    db,
    'accounts',
    {
      id: 'uuid',
      name: 'text',
      name_key: 'text',
      domain: 'text',
      website: 'text',
      industry: 'text',
      employees: 'integer',
      annual_revenue_minor: 'bigint',
      country: 'text',
      owner_id: 'uuid',
      account_class: 'text',
      class_priority: 'integer',
      class_reason: 'text',
    },
    accounts as unknown as Record<string, unknown>[],
    { conflict: sql`on conflict (domain) do nothing` },
  );
}

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAccountsByIds(db: Db, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('accounts').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

/** Inserts one account unless its domain is taken (the unique index decides); undefined when it was. */
export async function insertAccountUnlessDomainTaken(db: Db, account: NewAccountRow): Promise<AccountRow | undefined> {
  return db
    .insertInto('accounts')
    .values(account)
    .onConflict((conflict) => conflict.column('domain').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The account row locked until the transaction ends. */
export async function lockAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateAccount(db: Db, id: string, changes: Updateable<AccountsTable>): Promise<AccountRow> {
  return db.updateTable('accounts').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
