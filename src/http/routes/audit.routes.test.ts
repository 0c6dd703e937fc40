import { OpenAPIHono } from '@hono/zod-openapi';
import { operatorAccess } from '../../core/access/access-context.ts';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Principal } from '../../core/access/principal.ts';
import { recordAuditBatch, type AuditEntry } from '../../modules/audit/record-audit.ts';
import { createCampaign } from '../../modules/campaigns/create-campaign.ts';
import { updateCampaign } from '../../modules/campaigns/update-campaign.ts';
import { captureLeads } from '../../modules/capture/capture-leads.ts';
import { markLeadJunk } from '../../modules/leads/change-junk-status.ts';
import { createSalesOrg } from '../../../test/support/sales-org.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { AppEnv, AppServices } from '../app-env.ts';
import { respondWithError, validationHook } from '../error-response.ts';
import { auditRoutes } from './audit.routes.ts';

const alice = '0a11ce00-0000-4000-8000-000000000001';
const bob = '0b0b0000-0000-4000-8000-000000000002';
const adminUser: Principal = { kind: 'user', userId: alice, role: 'admin', teamId: null, email: 'alice@example.test', sessionId: null };

/**
 * The audit routes behind a stand-in for `authenticate` that sets the given principal (or none),
 * so these tests pin the routes' own behaviour and access check, whatever the sign-in wiring.
 */
function auditApp(services: AppServices, principal: Principal | null) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', async (c, next) => {
    c.set('services', services);
    c.set('requestId', 'test');
    if (principal) c.set('principal', principal);
    await next();
  });
  app.route('/', auditRoutes());
  app.onError((error, c) => respondWithError(error, c));
  return app;
}

describeEachDatabase('audit API', (kind) => {
  let t: TestApp;
  let firstAt: Date;
  const get = async (path: string, principal: Principal | null = adminUser) => {
    const response = await auditApp(t.services, principal).request(path);
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };
  beforeAll(async () => {
    t = await createTestApp(kind);
    await createSalesOrg(t.database.db);
    const entries: AuditEntry[] = [];
    for (let index = 1; index <= 7; index += 1) {
      entries.push({ actor: { type: 'user', id: index % 2 ? alice : bob }, action: index === 1 ? 'create' : 'update', entityType: 'widget', entityId: `w-${index <= 4 ? 1 : 2}`, oldValues: index === 1 ? null : { n: index - 1 }, newValues: { n: index } });
    }
    await recordAuditBatch(t.database.db, entries);
    firstAt = (await t.database.db.selectFrom('audit_log').select('at').where('entity_type', '=', 'widget').orderBy('id').executeTakeFirstOrThrow()).at;
  });
  afterAll(() => t.destroy());

  it('shows what use cases recorded, newest first, camelCase, with old and new values and the actor', async () => {
    const actor = { type: 'user' as const, id: bob };
    const campaign = await createCampaign(t.database.db, { input: { name: 'Autumn webinar', channel: 'webinar', costMinor: 1000 }, actor, access: operatorAccess });
    await updateCampaign(t.database.db, { campaignId: campaign.id, changes: { costMinor: 2500 }, actor, now: new Date(), access: operatorAccess });
    const page = await get(`/api/audit?entityType=campaign&entityId=${campaign.id}`);
    expect(page.status).toBe(200);
    expect(page.body.entries.map((entry: { action: string }) => entry.action)).toEqual(['update', 'create']);
    expect(page.body.entries[0]).toMatchObject({ entityType: 'campaign', entityId: campaign.id, oldValues: { cost_minor: 1000 }, newValues: { cost_minor: 2500 }, actorType: 'user', actorId: bob });
    expect(Date.parse(page.body.entries[0].at)).not.toBeNaN();
    expect(page.body.nextCursor).toBeNull();
  });

  it('is for admins only: 401 without a principal, 403 for other roles and for an admin key without the admin scope', async () => {
    const rep: Principal = { kind: 'user', userId: bob, role: 'sales_rep', teamId: null, email: 'bob@example.test', sessionId: null };
    const narrowKey: Principal = { kind: 'api_key', keyId: 'k1', keyName: 'sync', scopes: ['leads:read'], userId: alice, role: 'admin', teamId: null, email: 'alice@example.test' };
    const adminKey: Principal = { ...narrowKey, scopes: ['admin'] };
    for (const path of ['/api/audit', '/api/audit.csv', `/api/leads/${alice}/audit`]) {
      expect((await get(path, null)).status, path).toBe(401);
      const refused = await get(`${path}${path.includes('?') ? '&' : '?'}limit=0`, rep);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect((await get(path, narrowKey)).status, path).toBe(403);
      expect((await get(path, adminKey)).status, path).toBe(200);
      expect((await get(path, { kind: 'operator', label: 'CLI' })).status, path).toBe(200);
    }
  });

  it('filters by entity, actor, action and time', async () => {
    const ids = async (query: string) => {
      const response = await get(`/api/audit?${query}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.entries.map((entry: { newValues: { n: number } }) => entry.newValues.n);
    };
    expect(await ids('entityType=widget')).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(await ids('entityType=widget&entityId=w-1')).toEqual([4, 3, 2, 1]);
    expect(await ids(`entityType=widget&actorId=${bob}`)).toEqual([6, 4, 2]);
    expect(await ids('entityType=widget&actorType=user&action=create')).toEqual([1]);
    expect(await ids(`entityType=widget&from=${encodeURIComponent(firstAt.toISOString())}`)).toHaveLength(7);
    expect(await ids(`entityType=widget&to=${encodeURIComponent(firstAt.toISOString())}`)).toEqual([]);
    expect(await ids(`entityType=widget&from=${encodeURIComponent(new Date(firstAt.getTime() + 1).toISOString())}`)).toEqual([]);
  });

  it('paginates with a cursor: every entry once, in order, then a null cursor', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/audit?entityType=widget&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await get(query);
      expect(page.status).toBe(200);
      expect(page.body.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.entries.map((entry: { newValues: { n: number } }) => entry.newValues.n));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(pages).toBe(3);
  });

  it('refuses bad filters with a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['cursor=bm9wZQ', 'cursor'],
      ['action=erase', 'action'],
      ['actorType=robot', 'actorType'],
      ['from=yesterday', 'from'],
      ['from=2026-02-01&to=2026-01-01', 'to'],
      ['entity=lead', 'entity'],
    ];
    for (const [query, path] of cases) {
      const response = await get(`/api/audit?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.issues.map((issue: { path: string }) => issue.path).join(' '), query).toContain(path);
    }
    expect((await get('/api/audit.csv?to=nope')).status).toBe(400);
  });

  it('exports CSV with the same filters, every cell that would run as a formula neutralized', async () => {
    await recordAuditBatch(t.database.db, [
      { actor: { type: 'import', id: '=HYPERLINK("http://evil.test","x")' }, action: 'create', entityType: 'formula', entityId: '+1+1', newValues: { name: '=1+1' } },
      { actor: { type: 'import', id: '@SUM(A1)' }, action: 'update', entityType: 'formula', entityId: '-2', oldValues: { name: 'a' }, newValues: { name: 'b' } },
      { actor: { type: 'import', id: '\tcmd' }, action: 'update', entityType: 'formula', entityId: '\r=1', newValues: { name: 'c' } },
    ]);
    const response = await get('/api/audit.csv?entityType=formula');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="audit.csv"/);
    const rows = parse(response.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.actor_id, row.entity_id])).toEqual([
      ["'\tcmd", "'\r=1"],
      ["'@SUM(A1)", "'-2"],
      [`'=HYPERLINK("http://evil.test","x")`, "'+1+1"],
    ]);
    expect(JSON.parse(rows[2]!.new_values!)).toEqual({ name: '=1+1' });
    expect(rows[1]).toMatchObject({ action: 'update', entity_type: 'formula', old_values: '{"name":"a"}' });
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('shows one lead’s entries at /api/leads/{id}/audit', async () => {
    const [captured] = await captureLeads(t.database.db, { items: [{ input: { email: 'jo.audit@acme-robotics.com', firstName: 'Jo', company: 'Acme Robotics' } }], actor: { type: 'api_key', id: 'k1', label: 'API' }, now: new Date(), defaultTouchType: 'form_fill' });
    const leadId = (captured as { leadId: string }).leadId;
    await markLeadJunk(t.database.db, { leadId, reason: 'a test record', actor: { type: 'user', id: alice, label: 'API' }, now: new Date(), access: operatorAccess });
    const page = await get(`/api/leads/${leadId.toUpperCase()}/audit`);
    expect(page.status).toBe(200);
    const junk = page.body.entries.find((entry: { newValues: { stage?: string } }) => entry.newValues?.stage === 'junk');
    expect(junk).toMatchObject({ entityType: 'lead', entityId: leadId, action: 'update', actorId: alice, newValues: { junk_reason: 'a test record' } });
    expect(page.body.entries.every((entry: { entityId: string }) => entry.entityId === leadId)).toBe(true);
    expect((await get('/api/leads/not-a-uuid/audit')).status).toBe(400);
  });

  it('through the whole app: a change made with the admin’s key is recorded as that key; reading needs an admin', async () => {
    const created = await t.call('POST', '/api/campaigns', { name: 'Keyed campaign', channel: 'email' });
    expect(created.status).toBe(201);
    const page = await t.call('GET', `/api/audit?entityType=campaign&entityId=${created.body.id}`);
    expect(page.status).toBe(200);
    const keyId = (await t.database.db.selectFrom('api_keys').select('id').where('user_id', '=', t.admin.id).executeTakeFirstOrThrow()).id;
    expect(page.body.entries).toEqual([expect.objectContaining({ action: 'create', actorType: 'api_key', actorId: keyId, newValues: expect.objectContaining({ name: 'Keyed campaign' }) })]);
    const csv = await t.call('GET', '/api/audit.csv?entityType=campaign');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('Keyed campaign');

    const rep = await t.createUser({ role: 'sales_rep' });
    const repKey = await t.createApiKey(rep.id, ['leads:read']);
    const repSession = await t.signIn(rep.email, rep.password!);
    for (const path of ['/api/audit', '/api/audit.csv', `/api/leads/${created.body.id}/audit`]) {
      expect((await t.callAs('anonymous', 'GET', path)).status, path).toBe(401);
      expect((await t.callAs({ apiKey: repKey }, 'GET', path)).status, path).toBe(403);
      expect((await t.callAs({ session: repSession }, 'GET', path)).status, path).toBe(403);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const document = await t.call('GET', '/openapi.json');
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/audit', '/api/audit.csv', '/api/leads/{id}/audit']));
  });
});
