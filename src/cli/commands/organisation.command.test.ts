import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { installDefaultPact } from '../../modules/pact/install-default-pact.ts';
import { registerAccountCommand } from './account.command.ts';
import { registerCampaignCommand } from './campaign.command.ts';
import { registerTeamCommand } from './team.command.ts';
import { runCommandLine } from './run-command-line.fixture.ts';

describeEachDatabase('leadpact team, user, account and campaign commands', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
  });
  afterAll(() => database.destroy());

  /** Runs one command line against the test database; returns what it printed and its exit code. */
  const leadpact = (...args: string[]) => runCommandLine(database.db, { register: [registerTeamCommand, registerAccountCommand, registerCampaignCommand], now: new Date('2026-03-02T15:00:00Z') }, args);
  const json = async (...args: string[]) => {
    const result = await leadpact(...args, '--json');
    expect(result.exitCode, result.err).toBe(0);
    return JSON.parse(result.out);
  };

  it('builds the sales organisation: teams, people, updates', async () => {
    expect(await json('team', 'add', 'Inside Sales', '--class', 'inside')).toMatchObject({ name: 'Inside Sales', accountClass: 'inside', memberCount: 0 });
    expect((await leadpact('team', 'add', 'Digital Sales', '--class', 'marketing_led')).out).toMatch(/^created team Digital Sales \(/);
    const rep = await json('user', 'add', 'Ivan@Example.com', '--name', 'Ivan Inside', '--role', 'sales_rep', '--team', 'Inside Sales', '--capacity', '100', '--weight', '2', '--away-until', '2026-12-24');
    expect(rep).toMatchObject({ email: 'ivan@example.com', teamName: 'Inside Sales', capacity: 100, weight: 2, awayUntil: '2026-12-24T05:00:00.000Z' });
    await json('user', 'add', 'sam@example.com', '--name', 'Sam Manager', '--role', 'sales_manager');
    expect(await json('team', 'update', 'inside sales', '--manager', 'sam@example.com')).toMatchObject({ managerEmail: 'sam@example.com', memberCount: 1 });

    const updated = await json('user', 'update', 'IVAN@example.com', '--capacity', '80', '--away-until', 'none', '--active', 'false', '--team', 'Digital Sales');
    expect(updated).toMatchObject({ capacity: 80, awayUntil: null, active: false, teamName: 'Digital Sales', weight: 2 });
    const audit = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', rep.id).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_type: 'cli', old_values: { capacity: 100, active: true }, new_values: { capacity: 80, active: false } });

    const teams = await leadpact('team', 'list');
    expect(teams.out).toMatch(/^Digital Sales\s+marketing_led\s+1 members\s+0 open leads\s+no manager\n/m);
    expect(teams.out).toMatch(/^Inside Sales\s+inside\s+0 members\s+0 open leads\s+managed by Sam Manager <sam@example.com>\n/m);
    const users = await json('user', 'list', '--role', 'sales_rep');
    expect(users.map((user: { email: string }) => user.email)).toEqual(['ivan@example.com']);
    expect((await leadpact('user', 'list')).out).toMatch(/ivan@example\.com\s+Ivan Inside\s+sales_rep\s+Digital Sales\s+cap\s+80\s+w 2\s+open\s+0\s+inactive\n/);
  });

  it('refuses bad input with exit code 1 naming the option', async () => {
    const cases: [string[], string][] = [
      [['team', 'add', 'Field Sales', '--class', 'outside'], '--class'],
      [['team', 'add', 'inside SALES', '--class', 'inside'], 'NAME'],
      [['team', 'add', 'Field Sales', '--class', 'field', '--manager', 'ivan@example.com'], '--manager'],
      [['user', 'add', 'new@example.com', '--name', 'New', '--role', 'sales_rep', '--capacity', 'lots'], '--capacity'],
      [['user', 'add', 'new@example.com', '--name', 'New', '--role', 'sales_rep'], '--capacity'],
      [['user', 'add', 'new@example.com', '--name', 'New', '--role', 'sales_rep', '--capacity', '5', '--weight', '11'], '--weight'],
      [['user', 'add', 'new@example.com', '--name', 'New', '--role', 'wizard'], '--role'],
      [['user', 'add', 'new@example.com', '--name', 'New', '--role', 'marketing', '--team', 'Nowhere'], '--team'],
      [['user', 'add', 'new@example.com', '--name', 'New', '--role', 'marketing', '--away-until', 'soon'], '--away-until'],
      [['user', 'add', 'not-an-email', '--name', 'New', '--role', 'marketing'], 'EMAIL'],
      [['user', 'add', 'IVAN@example.com', '--name', 'Twin', '--role', 'marketing'], 'EMAIL'],
      [['user', 'update', 'ivan@example.com', '--active', 'maybe'], '--active'],
      [['user', 'update', 'ivan@example.com', '--capacity', '-1'], '--capacity'],
      [['user', 'update', 'ivan@example.com'], 'nothing to change'],
      [['user', 'update', 'nobody@example.com', '--capacity', '3'], 'nobody@example.com'],
      [['user', 'list', '--role', 'wizard'], '--role'],
      [['campaign', 'add', 'Webinar', '--channel', 'tv'], '--channel'],
      [['campaign', 'add', 'Webinar', '--channel', 'webinar', '--cost', '12.345'], '--cost'],
      [['campaign', 'add', 'Webinar', '--channel', 'webinar', '--cost', 'a lot'], '--cost'],
      [['campaign', 'add', 'Webinar', '--channel', 'webinar', '--currency', 'usd'], '--currency'],
      [['campaign', 'add', 'Webinar', '--channel', 'webinar', '--starts', '2026-02-01', '--ends', '2026-01-31'], '--ends'],
      [['campaign', 'add', 'Webinar', '--channel', 'webinar', '--starts', '2026-02-30'], '--starts'],
      [['account', 'list', '--class', 'vip'], '--class'],
      [['account', 'list', '--country', 'Atlantis'], '--country'],
      [['account', 'list', '--limit', '0'], '--limit'],
      [['account', 'list', '--cursor', 'garbage'], '--cursor'],
    ];
    for (const [args, named] of cases) {
      const result = await leadpact(...args);
      expect(result.exitCode, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toContain(named);
    }
  });

  it('adds campaigns with the cost in currency units, stored in minor units, and lists them', async () => {
    const webinar = await json('campaign', 'add', 'Q1 Webinar', '--channel', 'webinar', '--cost', '12000.00', '--starts', '2026-01-01', '--ends', '2026-01-31');
    expect(webinar).toMatchObject({ name: 'Q1 Webinar', costMinor: 1_200_000, currency: 'USD', startsOn: '2026-01-01', endsOn: '2026-01-31' });
    expect(await json('campaign', 'add', 'Tokyo Expo', '--channel', 'event', '--cost', '350000', '--currency', 'JPY')).toMatchObject({ costMinor: 350_000, currency: 'JPY' });
    const taken = await leadpact('campaign', 'add', 'q1 webinar', '--channel', 'email');
    expect(taken.exitCode).toBe(1);
    expect(taken.err).toContain('NAME');
    const list = await leadpact('campaign', 'list');
    expect(list.out).toMatch(/^Q1 Webinar\s+webinar\s+USD 12,000\.00\s+2026-01-01 – 2026-01-31\s+0 leads\s+0 touches\n/m);
    expect(list.out).toMatch(/^Tokyo Expo\s+event\s+JPY 350,000\s+no dates/m);
    expect((await json('campaign', 'list')).map((campaign: { name: string }) => campaign.name)).toEqual(['Q1 Webinar', 'Tokyo Expo']);
  });

  it('lists accounts with their lead counts', async () => {
    await database.db
      .insertInto('accounts')
      .values([
        { name: 'Acme Robotics', name_key: 'acme robotics', domain: 'acme-robotics.com', country: 'US', account_class: 'inside' },
        { name: 'Globex', name_key: 'globex', domain: 'globex.com', country: 'DE', account_class: 'field' },
      ])
      .execute();
    const page = await json('account', 'list', '--q', 'acme');
    expect(page.accounts).toEqual([expect.objectContaining({ name: 'Acme Robotics', leadCounts: expect.objectContaining({ total: 0 }) })]);
    expect(page.nextCursor).toBeNull();
    const text = await leadpact('account', 'list', '--limit', '1');
    expect(text.out).toMatch(/^Acme Robotics\s+acme-robotics\.com\s+inside\s+US\s+no owner\s+no leads\n1 of 2\nmore: add --cursor \S+\n$/);
    expect((await json('account', 'list', '--country', 'germany')).accounts.map((account: { name: string }) => account.name)).toEqual(['Globex']);
  });
});
