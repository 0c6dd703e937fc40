import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type SessionCredentials, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

type Page = { leads: { id: string; company: string | null; ownerId: string | null; stage: string }[]; nextCursor: string | null; total: number };

describeEachDatabase('lead list API: sort, total, owner=me, CSV', (kind) => {
  let t: TestApp;
  let rep: { id: string; session: SessionCredentials; apiKey: string };
  let otherRepId: string;
  const leadIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => new Date('2026-11-23T15:00:00Z') });
    const repUser = await t.createUser({ role: 'sales_rep', name: 'Rita Rep' });
    otherRepId = (await t.createUser({ role: 'sales_rep', name: 'Otto Other' })).id;
    rep = { id: repUser.id, session: await t.signIn(repUser.email, repUser.password!), apiKey: await t.createApiKey(repUser.id, ['leads:read']) };
    const companies = ['Zenith Labs', 'acme Robotics', 'Beacon Health', 'Acme Robotics', 'Delta Foods', 'Cobalt Mining', 'Nimbus'];
    for (const [index, company] of companies.entries()) {
      const created = await t.call('POST', '/api/leads', { email: `person${index}@list-sort-${index}.com`, firstName: `Person${index}`, company, source: 'List Test' });
      expect(created.status).toBe(201);
      leadIds.push(created.body.leadId);
    }
    // Ownership set by hand: routing is not what these tests are about.
    const owners = [rep.id, rep.id, rep.id, otherRepId, otherRepId, null, null];
    for (const [index, id] of leadIds.entries()) await t.database.db.updateTable('leads').set({ owner_id: owners[index]! }).where('id', '=', id).execute();
  });
  afterAll(() => t.destroy());

  it('refuses an unknown sort naming sort and listing the keys, and a cursor of another sort naming cursor', async () => {
    const unknown = await t.call('GET', '/api/leads?sort=colour');
    expect(unknown.status).toBe(400);
    const issue = unknown.body.error.issues.find((candidate: { path: string }) => candidate.path === 'query.sort');
    expect(issue.message).toContain('created_at, score, grade, company, name, stage, owner, source, stage_changed_at');
    expect((await t.call('GET', '/api/leads?sort=--score')).status).toBe(400);

    const first: { body: Page } = await t.call('GET', '/api/leads?source=list%20test&sort=company&limit=2');
    expect(first.body.nextCursor).not.toBeNull();
    const mixed = await t.call('GET', `/api/leads?source=list%20test&sort=-company&limit=2&cursor=${first.body.nextCursor}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.issues.map((candidate: { path: string }) => candidate.path)).toEqual(['cursor']);
    const defaultSort = await t.call('GET', `/api/leads?source=list%20test&limit=2&cursor=${first.body.nextCursor}`);
    expect(defaultSort.status).toBe(400);
  });

  it('pages through a sort with the total on every page', async () => {
    const seen: string[] = [];
    const companies: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Page } = await t.call('GET', `/api/leads?source=list%20test&sort=company&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(7);
      seen.push(...page.body.leads.map((lead) => lead.id));
      companies.push(...page.body.leads.map((lead) => lead.company));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen)).toEqual(new Set(leadIds));
    expect(seen).toHaveLength(7);
    const lowered = companies.map((company) => company!.toLowerCase());
    expect(lowered).toEqual([...lowered].sort());
  });

  it('counts only what the caller may see, and owner=me is the caller’s own leads', async () => {
    const adminView: { body: Page } = await t.call('GET', '/api/leads?source=list%20test&limit=1');
    expect(adminView.body.total).toBe(7);
    const repView: { body: Page } = await t.callAs({ session: rep.session }, 'GET', '/api/leads?source=list%20test&limit=50');
    expect(repView.body.total).toBe(3);
    expect(repView.body.leads.map((lead) => lead.ownerId)).toEqual([rep.id, rep.id, rep.id]);
    const filtered: { body: Page } = await t.call('GET', `/api/leads?source=list%20test&owner=${otherRepId}`);
    expect(filtered.body.total).toBe(2);
    const unassigned: { body: Page } = await t.call('GET', '/api/leads?source=list%20test&owner=unassigned');
    expect(unassigned.body.total).toBe(2);

    const mine: { body: Page } = await t.callAs({ session: rep.session }, 'GET', '/api/leads?owner=me');
    expect(mine.body.total).toBe(3);
    const mineByKey: { body: Page } = await t.callAs({ apiKey: rep.apiKey }, 'GET', '/api/leads?owner=me&sort=-company');
    expect(mineByKey.body.leads.map((lead) => lead.id).sort()).toEqual(mine.body.leads.map((lead) => lead.id).sort());
    // The admin's key acts as the admin, who owns no leads.
    const adminMine: { body: Page } = await t.call('GET', '/api/leads?owner=me');
    expect(adminMine.body).toMatchObject({ leads: [], total: 0, nextCursor: null });
    const badOwner = await t.call('GET', '/api/leads?owner=you');
    expect(badOwner.status).toBe(400);
    expect(badOwner.body.error.issues.map((candidate: { path: string }) => candidate.path)).toEqual(['query.owner']);
  });

  it('account=<id> lists that account’s leads, in the list and the CSV; a malformed id is a 400 naming account', async () => {
    const { account_id: accountId } = await t.database.db.selectFrom('leads').select('account_id').where('id', '=', leadIds[1]!).executeTakeFirstOrThrow();
    expect(accountId).not.toBeNull();
    const sameAccount = (await t.database.db.selectFrom('leads').select('id').where('account_id', '=', accountId).where('merged_into_id', 'is', null).execute()).map((row) => row.id);
    expect(sameAccount).toContain(leadIds[1]);
    expect(sameAccount.length).toBeLessThan(leadIds.length);
    const page: { status: number; body: Page } = await t.call('GET', `/api/leads?account=${accountId}`);
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(sameAccount.length);
    expect(page.body.leads.map((lead) => lead.id).sort()).toEqual([...sameAccount].sort());
    const csv = await t.call('GET', `/api/leads.csv?account=${accountId}`);
    expect((parse(csv.body as string, { columns: true }) as { id: string; account_id: string }[]).map((row) => [row.id, row.account_id])).toEqual(page.body.leads.map((lead) => [lead.id, accountId]));
    const bad = await t.call('GET', '/api/leads?account=acme');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((candidate: { path: string }) => candidate.path)).toEqual(['query.account']);
  });

  it('exports the same leads as CSV: streamed, dated file name, formula cells neutralized, access applied', async () => {
    await t.database.db
      .updateTable('leads')
      .set({ company: '=HYPERLINK("http://evil.test","x")', first_name: '+1 call me', last_name: '-2', title: '@SUM(A1)', junk_reason: '\tTabbed', country: '\rCR' })
      .where('id', '=', leadIds[0]!)
      .execute();
    const response = await t.call('GET', '/api/leads.csv?source=list%20test&sort=company');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="leads-2026-11-23.csv"');
    const rows = parse(response.body as string, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(7);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['id', 'first_name', 'last_name', 'email', 'company', 'stage', 'grade', 'score', 'owner_name', 'created_at']));
    const listed: { body: Page } = await t.call('GET', '/api/leads?source=list%20test&sort=company&limit=500');
    expect(rows.map((row) => row.id)).toEqual(listed.body.leads.map((lead) => lead.id));
    const evil = rows.find((row) => row.id === leadIds[0])!;
    expect(evil).toMatchObject({ company: `'=HYPERLINK("http://evil.test","x")`, first_name: `'+1 call me`, last_name: `'-2`, title: `'@SUM(A1)`, junk_reason: `'\tTabbed`, country: `'\rCR` });

    const repCsv = await t.callAs({ session: rep.session }, 'GET', '/api/leads.csv?source=list%20test');
    expect((parse(repCsv.body as string, { columns: true }) as { id: string }[]).map((row) => row.id).sort()).toEqual(leadIds.slice(0, 3).sort());
    const none = await t.call('GET', '/api/leads.csv?owner=me');
    expect(none.body).toBe(`${'id,first_name,last_name,email,title,company,country,source,stage,grade,score,fit_score,engagement_score,account_class,account_id,account_name,owner_id,owner_name,junk_reason,created_at,stage_changed_at'}\n`);
    const badSort = await t.call('GET', '/api/leads.csv?sort=-colour');
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.issues.map((candidate: { path: string }) => candidate.path)).toEqual(['query.sort']);
  });

  it('documents the CSV export as text/csv and the list’s sort values', async () => {
    const document = (await t.call('GET', '/openapi.json')).body;
    expect(Object.keys(document.paths['/api/leads.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    const sort = document.paths['/api/leads'].get.parameters.find((parameter: { name: string }) => parameter.name === 'sort');
    expect(sort.schema.enum).toEqual(expect.arrayContaining(['created_at', '-created_at', 'owner', '-stage_changed_at']));
  });
});
