import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

const pathsOf = (body: { error: { issues: { path: string }[] } }) => body.error.issues.map((issue) => issue.path);

describeEachDatabase('accounts API', (kind) => {
  let t: TestApp;
  let repId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.call('POST', '/api/teams', { name: 'Field Sales', accountClass: 'field' });
    repId = (await t.call('POST', '/api/users', { email: 'fiona@example.com', name: 'Fiona Field', role: 'sales_rep', team: 'Field Sales', capacity: 50 })).body.id;
    await t.call('POST', '/api/users', { email: 'mara@example.com', name: 'Mara Marketing', role: 'marketing' });
    const gone = await t.call('POST', '/api/users', { email: 'gone@example.com', name: 'Gone Rep', role: 'sales_rep', capacity: 5 });
    expect((await t.call('PATCH', `/api/users/${gone.body.id}`, { active: false })).status).toBe(200);
  });
  afterAll(() => t.destroy());

  it('creates an account: domain from the website, country normalized, class by the pact, owner by e-mail', async () => {
    const created = await t.call('POST', '/api/accounts', {
      name: '  Globex   Corporation ',
      website: 'https://www.eu.globex.com/about',
      industry: 'manufacturing',
      employees: 2500,
      annualRevenueMinor: 50_000_000_000,
      country: 'Deutschland',
      ownerEmail: 'Fiona@Example.com',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Globex Corporation',
      domain: 'globex.com',
      website: 'https://www.eu.globex.com/about',
      country: 'DE',
      currency: 'USD',
      annualRevenueMinor: 50_000_000_000,
      ownerId: repId,
      accountClass: 'field',
      classPriority: 80,
      classReason: 'classification rule "Enterprise by headcount" matched',
    });
    const [audit] = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', created.body.id).execute();
    expect(audit).toMatchObject({ action: 'create', entity_type: 'account', new_values: { domain: 'globex.com', account_class: 'field', owner_id: repId } });

    const byHand = await t.call('POST', '/api/accounts', { name: 'Tiny Co', domain: 'tiny.co.uk', employees: 3, accountClass: 'inside', ownerId: repId });
    expect(byHand.body).toMatchObject({ domain: 'tiny.co.uk', accountClass: 'inside', classReason: 'set by hand (the pact would say marketing_led)' });
  });

  it('refuses a taken domain with 409 and bad input with 400 naming the field', async () => {
    const taken = await t.call('POST', '/api/accounts', { name: 'Globex Again', domain: 'GLOBEX.com' });
    expect(taken.status).toBe(409);
    expect(pathsOf(taken.body)).toEqual(['domain']);
    const cases: [unknown, string][] = [
      [{ domain: 'nameless.com' }, 'name'],
      [{ name: 'No Domain Inc' }, 'domain'],
      [{ name: 'Bad Domain', domain: 'not a domain' }, 'domain'],
      [{ name: 'Bad Site', website: 'http://localhost:8080' }, 'website'],
      [{ name: 'Nowhere', domain: 'nowhere.io', country: 'Atlantis' }, 'country'],
      [{ name: 'Marketing Owned', domain: 'mo.io', ownerEmail: 'mara@example.com' }, 'ownerEmail'],
      [{ name: 'Inactive Owner', domain: 'io.io', ownerEmail: 'gone@example.com' }, 'ownerEmail'],
      [{ name: 'Ghost Owner', domain: 'go.io', ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId'],
      [{ name: 'Broken Owner', domain: 'bo.io', ownerId: 'fiona' }, 'ownerId'],
      [{ name: 'Negative', domain: 'neg.io', employees: -1 }, 'employees'],
      [{ name: 'Float Money', domain: 'fm.io', annualRevenueMinor: 10.5 }, 'annualRevenueMinor'],
      [{ name: 'Bad Currency', domain: 'bc.io', currency: 'usd' }, 'currency'],
      [{ name: 'Fake Currency', domain: 'fc.io', currency: 'ABC' }, 'currency'],
      [{ name: 'Odd Class', domain: 'oc.io', accountClass: 'vip' }, 'accountClass'],
    ];
    for (const [body, path] of cases) {
      const response = await t.call('POST', '/api/accounts', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(pathsOf(response.body), JSON.stringify(body)).toContain(path);
    }
  });

  it('lists accounts with their leads counted by stage, filtered and paginated by name', async () => {
    const acme = await t.call('POST', '/api/accounts', { name: 'Acme Robotics', domain: 'acme-robotics.com', employees: 400, country: 'US' });
    expect(acme.body.accountClass).toBe('inside');
    const emails = ['ana@acme-robotics.com', 'ben@acme-robotics.com', 'cy@acme-robotics.com'];
    const leadIds: string[] = [];
    for (const email of emails) leadIds.push((await t.call('POST', '/api/leads', { email, firstName: email.split('@')[0], touch: { type: 'email_open' } })).body.leadId);
    expect((await t.call('POST', `/api/leads/${leadIds[2]}/junk`, { reason: 'Our own test address' })).status).toBe(200);

    const list = await t.call('GET', '/api/accounts?q=ACME');
    expect(list.status).toBe(200);
    expect(list.body.accounts).toHaveLength(1);
    expect(list.body.accounts[0].leadCounts).toMatchObject({ total: 3, open: 2, byStage: { inquiry: 2, junk: 1, mql: 0 } });
    const detail = await t.call('GET', `/api/accounts/${acme.body.id}`);
    expect(detail.body).toMatchObject({ leadCounts: { total: 3, open: 2 }, openOpportunities: 0, owner: null });
    expect(detail.body.recentLeads.map((lead: { id: string }) => lead.id).sort()).toEqual([...leadIds].sort());

    const fieldOnly = await t.call('GET', `/api/accounts?class=field&owner=${repId}&country=germany&industry=Manufacturing`);
    expect(fieldOnly.body.accounts.map((account: { name: string }) => account.name)).toEqual(['Globex Corporation']);
    const unowned = await t.call('GET', '/api/accounts?owner=unassigned');
    expect(unowned.body.accounts.map((account: { name: string }) => account.name)).toEqual(['Acme Robotics']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { accounts: { name: string }[]; nextCursor: string | null } } = await t.call('GET', `/api/accounts?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.accounts.map((account) => account.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Acme Robotics', 'Globex Corporation', 'Tiny Co']);

    const bad: [string, string][] = [
      ['country=Atlantis', 'country'],
      ['class=vip', 'query.class'],
      ['owner=somebody', 'query.owner'],
      ['limit=0', 'query.limit'],
      ['cursor=garbage', 'cursor'],
    ];
    for (const [query, path] of bad) {
      const response = await t.call('GET', `/api/accounts?${query}`);
      expect(response.status, query).toBe(400);
      expect(pathsOf(response.body), query).toContain(path);
    }
    expect((await t.call('GET', '/api/accounts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.call('GET', '/api/accounts/nope')).status).toBe(400);
  });

  it('sorts by any key both ways with the total, refuses an unknown sort or a foreign cursor naming it, and exports CSV', async () => {
    type AccountPage = { accounts: { id: string; name: string; domain: string | null; leadCounts: { total: number } }[]; nextCursor: string | null; total: number };
    const byLeads: { status: number; body: AccountPage } = await t.call('GET', '/api/accounts?sort=-leads');
    expect(byLeads.status).toBe(200);
    expect(byLeads.body.total).toBe(3);
    expect(byLeads.body.accounts[0]).toMatchObject({ name: 'Acme Robotics', leadCounts: { total: 3 } });
    const byDomain: { body: AccountPage } = await t.call('GET', '/api/accounts?sort=-domain');
    expect(byDomain.body.accounts.map((account) => account.domain)).toEqual(['tiny.co.uk', 'globex.com', 'acme-robotics.com']);
    const filtered: { body: AccountPage } = await t.call('GET', '/api/accounts?class=field&limit=1');
    expect(filtered.body).toMatchObject({ total: 1, nextCursor: null });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: AccountPage } = await t.call('GET', `/api/accounts?sort=-created_at&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.total).toBe(3);
      seen.push(...page.body.accounts.map((account) => account.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Acme Robotics', 'Tiny Co', 'Globex Corporation']);

    const unknown = await t.call('GET', '/api/accounts?sort=revenue');
    expect(unknown.status).toBe(400);
    expect(pathsOf(unknown.body)).toEqual(['query.sort']);
    expect(unknown.body.error.issues[0].message).toContain('name, domain, class, leads, created_at');
    const first: { body: AccountPage } = await t.call('GET', '/api/accounts?sort=leads&limit=1');
    const foreign = await t.call('GET', `/api/accounts?sort=name&limit=1&cursor=${first.body.nextCursor}`);
    expect(foreign.status).toBe(400);
    expect(pathsOf(foreign.body)).toEqual(['cursor']);

    // The rep sees Globex (theirs) and Tiny Co (theirs); the CSV is the same list, counted as they see it.
    const rep = await t.createApiKey(repId, ['accounts:read']);
    const mine = await t.callAs({ apiKey: rep }, 'GET', '/api/accounts?owner=me');
    expect(mine.body).toMatchObject({ total: 2 });
    await t.database.db.updateTable('accounts').set({ industry: '@SUM(1+1)' }).where('name', '=', 'Tiny Co').execute();
    const csv = await t.callAs({ apiKey: rep }, 'GET', '/api/accounts.csv?sort=-name');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('id,name,domain,website,industry,employees,annual_revenue_minor,currency,country,account_class,class_priority,owner_id,owner_name,owner_email,leads,open_leads,created_at');
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['Tiny Co', 'Globex Corporation']);
    expect(lines[1]).toContain(",'@SUM(1+1),");
    expect((await t.call('GET', '/api/accounts.csv?sort=size')).status).toBe(400);
  });

  it('updates an account, reclassifies it unless its class was set by hand, and audits old and new values', async () => {
    const acme = (await t.call('GET', '/api/accounts?q=acme')).body.accounts[0];
    const grown = await t.call('PATCH', `/api/accounts/${acme.id}`, { employees: 1500, ownerEmail: 'fiona@example.com', country: 'Canada' });
    expect(grown.status).toBe(200);
    expect(grown.body).toMatchObject({ employees: 1500, ownerId: repId, country: 'CA', accountClass: 'field' });
    const [audit] = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', acme.id).where('action', '=', 'update').execute();
    expect(audit!.old_values).toMatchObject({ employees: 400, owner_id: null, country: 'US', account_class: 'inside' });
    expect(audit!.new_values).toMatchObject({ employees: 1500, owner_id: repId, country: 'CA', account_class: 'field' });

    const pinned = await t.call('PATCH', `/api/accounts/${acme.id}`, { accountClass: 'marketing_led' });
    expect(pinned.body).toMatchObject({ accountClass: 'marketing_led', classReason: 'set by hand (the pact would say field)' });
    const stillPinned = await t.call('PATCH', `/api/accounts/${acme.id}`, { employees: 5000, ownerId: null });
    expect(stillPinned.body).toMatchObject({ accountClass: 'marketing_led', ownerId: null });
    const released = await t.call('PATCH', `/api/accounts/${acme.id}`, { accountClass: null });
    expect(released.body).toMatchObject({ accountClass: 'field', classReason: 'classification rule "Enterprise by headcount" matched' });

    const cases: [unknown, string][] = [
      [{ country: 'Narnia' }, 'country'],
      [{ ownerEmail: 'mara@example.com' }, 'ownerEmail'],
      [{ employees: 'lots' }, 'employees'],
      [{ accountClass: 'vip' }, 'accountClass'],
    ];
    for (const [body, path] of cases) {
      const response = await t.call('PATCH', `/api/accounts/${acme.id}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(pathsOf(response.body)).toContain(path);
    }
    expect((await t.call('PATCH', `/api/accounts/${acme.id}`, { domain: 'other.com' })).status).toBe(400);
    expect((await t.call('PATCH', `/api/accounts/${acme.id}`, {})).status).toBe(400);
    expect((await t.call('PATCH', '/api/accounts/00000000-0000-4000-8000-000000000000', { employees: 1 })).status).toBe(404);
  });

  it('documents its paths in the OpenAPI document', async () => {
    const document = await t.call('GET', '/openapi.json');
    expect(Object.keys(document.body.paths['/api/accounts.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/accounts', '/api/accounts/{id}']));
    expect(Object.keys(document.body.paths['/api/accounts/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
  });
});
