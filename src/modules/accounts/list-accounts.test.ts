import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { defaultAccessSettings, operatorAccess, type AccessContext } from '../../core/access/access-context.ts';
import type { AccountClassValue } from '../../db/database.ts';
import { insertUser } from '../team/user.repository.ts';
import { exportAccountsCsv } from './export-accounts-csv.ts';
import { accountSortKeys, listAccounts, type AccountSortKey } from './list-accounts.ts';

interface SeededAccount {
  id: string;
  name: string;
  domain: string | null;
  account_class: AccountClassValue | null;
  owner_id: string | null;
  created_at: string;
}

const names = ['Acme', 'acme', 'Beta', 'zeta Labs', 'Zeta labs'];
const classes = [null, 'field', 'inside', 'marketing_led'] as const;
const instants = ['2026-02-01T08:00:00.000001Z', '2026-02-01T08:00:00.000002Z', '2026-02-01T08:00:00.000002Z', '2026-02-05T12:00:00Z'];

describeEachDatabase('listing accounts sorted, paged and counted', (kind) => {
  let database: TestDatabase;
  let seeded: SeededAccount[];
  /** Live leads per account: all of them, and the rep's own. */
  let leadCounts: Map<string, { all: number; rep: number }>;
  let repId: string;
  let repAccess: AccessContext;
  const access = (principal: AccessContext['principal']): AccessContext => ({ principal, settings: defaultAccessSettings });
  const adminAccess = access({ kind: 'user', userId: '00000000-0000-4000-8000-000000000001', role: 'admin', teamId: null, email: 'admin@example.test', sessionId: null });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    const rep = await insertUser(db, { email: 'abe@example.test', name: 'Abe Rep', role: 'sales_rep', team_id: null });
    const other = await insertUser(db, { email: 'uma@example.test', name: 'Uma Rep', role: 'sales_rep', team_id: null });
    repId = rep.id;
    repAccess = access({ kind: 'user', userId: rep.id, role: 'sales_rep', teamId: null, email: rep.email, sessionId: null });
    const owners = [null, rep.id, other.id];
    const accounts = Array.from({ length: 40 }, (_, index) => ({
      name: names[(index * 3) % names.length]!,
      name_key: `key-${index}`,
      domain: index % 5 === 0 ? null : `${['b', 'a', 'c'][index % 3]}${index % 4}-${index}.example`,
      account_class: classes[(index * 7) % classes.length]!,
      owner_id: owners[(index * 5) % owners.length]!,
      created_at: instants[(index * 11) % instants.length]!,
    }));
    const inserted = await db.insertInto('accounts').values(accounts).returning('id').execute();
    // 0–3 leads per account, some the rep's (which makes the account visible to them), one merged away.
    const leads = inserted.flatMap(({ id }, index) =>
      Array.from({ length: index % 4 }, (_, lead) => ({
        account_id: id,
        owner_id: (index + lead) % 3 === 0 ? rep.id : other.id,
        stage: 'inquiry' as const,
        stage_changed_at: '2026-02-06T00:00:00Z',
        created_at: '2026-02-06T00:00:00Z',
        updated_at: '2026-02-06T00:00:00Z',
        email_kind: 'business',
        attributes: '{}',
      })),
    );
    await db.insertInto('leads').values(leads).execute();
    const [survivor] = await db.selectFrom('leads').select('id').limit(1).execute();
    await db.insertInto('leads').values({ ...leads[0]!, merged_into_id: survivor!.id }).execute();
    seeded = (await sql<SeededAccount>`select id, name, domain, account_class, owner_id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as created_at from accounts`.execute(db)).rows;
    const counted = (await sql<{ account_id: string; all: number; rep: number }>`select account_id, count(*)::int as all, (count(*) filter (where owner_id = ${rep.id}))::int as rep
      from leads where merged_into_id is null group by account_id`.execute(db)).rows;
    leadCounts = new Map(counted.map((row) => [row.account_id, { all: row.all, rep: row.rep }]));
  });
  afterAll(() => database.destroy());

  const visibleTo = (asRep: boolean) => seeded.filter((account) => !asRep || account.owner_id === repId || (leadCounts.get(account.id)?.rep ?? 0) > 0);

  function keyOf(account: SeededAccount, key: AccountSortKey, asRep: boolean): string | number | null {
    switch (key) {
      case 'name':
        return account.name.toLowerCase();
      case 'domain':
        return account.domain;
      case 'class':
        return account.account_class;
      case 'created_at':
        return account.created_at;
      case 'leads': {
        const counts = leadCounts.get(account.id);
        return asRep ? (counts?.rep ?? 0) : (counts?.all ?? 0);
      }
    }
  }

  function expectedOrder(key: AccountSortKey, descending: boolean, asRep: boolean): string[] {
    const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    return visibleTo(asRep)
      .sort((a, b) => {
        const [x, y] = [keyOf(a, key, asRep), keyOf(b, key, asRep)];
        if (x === null || y === null) {
          if (x !== y) return x === null ? 1 : -1;
        } else if (x !== y) {
          return descending ? compare(y, x) : compare(x, y);
        }
        return descending ? compare(b.id, a.id) : compare(a.id, b.id);
      })
      .map((account) => account.id);
  }

  it('pages through every sort in both directions: each account once, in order, and as many as the total', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...accountSortKeys), fc.boolean(), fc.integer({ min: 1, max: 20 }), fc.boolean(), async (key, descending, pageSize, asRep) => {
        const expected = expectedOrder(key, descending, asRep);
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await listAccounts(database.db, { sort: { key, descending }, cursor, limit: pageSize, access: asRep ? repAccess : adminAccess });
          expect(page.total).toBe(expected.length);
          seen.push(...page.accounts.map((account) => account.id));
          if (key === 'leads') for (const account of page.accounts) expect(account.leadCounts.total).toBe(keyOf(seeded.find((candidate) => candidate.id === account.id)!, 'leads', asRep));
          cursor = page.nextCursor ?? undefined;
          pages += 1;
        } while (cursor && pages < 100);
        expect(seen).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('counts under filters, resolves owner=me, and refuses a cursor of another sort naming cursor', async () => {
    const inside = await listAccounts(database.db, { accountClass: 'inside', q: 'ACME', limit: 2, access: adminAccess });
    expect(inside.total).toBe(seeded.filter((account) => account.account_class === 'inside' && account.name.toLowerCase().includes('acme')).length);
    const mine = await listAccounts(database.db, { owner: 'me', limit: 500, access: repAccess });
    expect(mine.accounts.map((account) => account.id).sort()).toEqual(seeded.filter((account) => account.owner_id === repId).map((account) => account.id).sort());
    await expect(listAccounts(database.db, { owner: 'me', limit: 5, access: operatorAccess })).rejects.toMatchObject({ issues: [{ path: 'owner' }] });
    const first = await listAccounts(database.db, { sort: { key: 'leads', descending: true }, limit: 2, access: adminAccess });
    await expect(listAccounts(database.db, { cursor: first.nextCursor!, limit: 2, access: adminAccess })).rejects.toMatchObject({ issues: [{ path: 'cursor' }] });
  });

  it('exports every visible matching account as CSV in the list’s order, with the visible lead counts', async () => {
    let text = '';
    for await (const chunk of await exportAccountsCsv(database.db, { sort: { key: 'leads', descending: true }, access: repAccess })) text += chunk;
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('id,name,domain,website,industry,employees,annual_revenue_minor,currency,country,account_class,class_priority,owner_id,owner_name,owner_email,leads,open_leads,created_at');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(expectedOrder('leads', true, true));
    const leadsColumn = lines[0]!.split(',').indexOf('leads');
    expect(lines.slice(1).map((line) => Number(line.split(',')[leadsColumn]))).toEqual(expectedOrder('leads', true, true).map((id) => leadCounts.get(id)?.rep ?? 0));
  });
});
