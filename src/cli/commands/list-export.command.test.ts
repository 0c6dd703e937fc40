import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { insertUser } from '../../modules/team/user.repository.ts';
import { registerAccountCommand } from './account.command.ts';
import { registerLeadCommand } from './lead.command.ts';
import { runCommandLine } from './run-command-line.fixture.ts';

const directory = mkdtempSync(join(tmpdir(), 'leadpact-list-export-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeEachDatabase('leadpact lead list / export and account list / export', (kind) => {
  let database: TestDatabase;
  let repEmail: string;
  let acmeId: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    const rep = await insertUser(db, { email: 'rita@example.test', name: 'Rita Rep', role: 'sales_rep' });
    repEmail = rep.email;
    const [acme, globex] = await db
      .insertInto('accounts')
      .values([
        { name: 'Acme Robotics', name_key: 'acme robotics', domain: 'acme-robotics.com', account_class: 'inside', owner_id: rep.id },
        { name: '=cmd|calc', name_key: 'cmd calc', domain: 'formula.test', account_class: 'field' },
      ])
      .returning('id')
      .execute();
    acmeId = acme!.id;
    const lead = (values: { first_name: string; company: string; score: number | null; owner_id: string | null; account_id: string }) => ({
      ...values,
      stage: 'mql' as const,
      email_kind: 'business',
      attributes: '{}',
      stage_changed_at: '2026-03-01T00:00:00Z',
      created_at: '2026-03-01T00:00:00Z',
      updated_at: '2026-03-01T00:00:00Z',
    });
    await db
      .insertInto('leads')
      .values([
        lead({ first_name: 'Ana', company: 'Acme Robotics', score: 80, owner_id: rep.id, account_id: acme!.id }),
        lead({ first_name: 'Ben', company: 'Acme Robotics', score: null, owner_id: null, account_id: acme!.id }),
        lead({ first_name: '+Cy', company: '=cmd|calc', score: 40, owner_id: rep.id, account_id: globex!.id }),
      ])
      .execute();
  });
  afterAll(() => database.destroy());

  /** Runs one command line against the test database; returns what it printed and its exit code. */
  const leadpact = (...args: string[]) => runCommandLine(database.db, { register: [registerLeadCommand, registerAccountCommand], now: new Date('2026-03-02T15:00:00Z') }, args);

  it('lists leads in the order --sort asks, with the total, and filters by an owner’s e-mail', async () => {
    const byScore = await leadpact('lead', 'list', '--sort', '-score', '--json');
    expect(byScore.exitCode, byScore.err).toBe(0);
    const page = JSON.parse(byScore.out);
    expect(page.leads.map((lead: { firstName: string }) => lead.firstName)).toEqual(['Ana', '+Cy', 'Ben']);
    expect(page.total).toBe(3);
    const text = await leadpact('lead', 'list', '--sort', 'name', '--limit', '2');
    expect(text.out).toMatch(/\+Cy[\s\S]*Ana[\s\S]*\n2 of 3\nmore: add --cursor \S+\n$/);
    const mine = JSON.parse((await leadpact('lead', 'list', '--owner', 'RITA@example.test', '--json')).out);
    expect(mine.leads.map((lead: { firstName: string }) => lead.firstName).sort()).toEqual(['+Cy', 'Ana']);
    const ofAcme = JSON.parse((await leadpact('lead', 'list', '--account', acmeId, '--json')).out);
    expect(ofAcme.leads.map((lead: { firstName: string }) => lead.firstName).sort()).toEqual(['Ana', 'Ben']);
    expect(ofAcme.total).toBe(2);
  });

  it('refuses bad options naming them, with exit code 1', async () => {
    const cases: [string[], string][] = [
      [['lead', 'list', '--sort', 'colour'], '--sort'],
      [['lead', 'list', '--owner', 'me'], '--owner'],
      [['lead', 'list', '--owner', 'nobody@example.test'], '--owner'],
      [['lead', 'list', '--stage', 'hot'], '--stage'],
      [['lead', 'list', '--cursor', 'garbage'], '--cursor'],
      [['lead', 'list', '--account', 'acme'], '--account'],
      [['lead', 'export', join(directory, 'x.csv'), '--sort', '-colour'], '--sort'],
      [['lead', 'export', join(directory, 'no-such-dir', 'x.csv')], 'FILE'],
      [['account', 'list', '--sort', 'size'], '--sort'],
      [['account', 'export', join(directory, 'a.csv'), '--class', 'vip'], '--class'],
    ];
    for (const [args, named] of cases) {
      const result = await leadpact(...args);
      expect(result.exitCode, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toContain(named);
    }
  });

  it('exports leads and accounts as CSV files, filtered and sorted, formula cells neutralized', async () => {
    const leadsFile = join(directory, 'leads.csv');
    const leads = await leadpact('lead', 'export', leadsFile, '--owner', repEmail, '--sort', 'company');
    expect(leads).toMatchObject({ exitCode: 0, out: `wrote 2 leads to ${leadsFile}\n` });
    const leadRows = parse(readFileSync(leadsFile, 'utf8'), { columns: true }) as Record<string, string>[];
    // Ordered by the stored company, ignoring case, byte-wise: "=" sorts before letters.
    expect(leadRows.map((row) => [row.first_name, row.company])).toEqual([
      [`'+Cy`, `'=cmd|calc`],
      ['Ana', 'Acme Robotics'],
    ]);

    const accountsFile = join(directory, 'accounts.csv');
    const accounts = await leadpact('account', 'export', accountsFile, '--sort', '-leads');
    expect(accounts).toMatchObject({ exitCode: 0, out: `wrote 2 accounts to ${accountsFile}\n` });
    const accountRows = parse(readFileSync(accountsFile, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(accountRows.map((row) => [row.name, row.leads, row.owner_name])).toEqual([
      ['Acme Robotics', '2', 'Rita Rep'],
      [`'=cmd|calc`, '1', ''],
    ]);
    const listed = JSON.parse((await leadpact('account', 'list', '--owner', repEmail, '--json')).out);
    expect(listed).toMatchObject({ total: 1, accounts: [{ name: 'Acme Robotics' }] });
  });
});
