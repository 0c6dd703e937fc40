import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import type { Principal } from '../../core/access/principal.ts';
import { captureLeads } from '../../modules/capture/capture-leads.ts';
import type { AppEnv, AppServices } from '../app-env.ts';
import { respondWithError, validationHook } from '../error-response.ts';
import { privacyRoutes } from './privacy.routes.ts';

const admin: Principal = { kind: 'user', userId: '0a11ce00-0000-4000-8000-000000000001', role: 'admin', teamId: null, email: 'alice@example.test', sessionId: null };
const rep: Principal = { ...admin, userId: '0b0b0000-0000-4000-8000-000000000002', role: 'sales_rep', email: 'bob@example.test' };
const adminKeyWithoutAdminScope: Principal = { kind: 'api_key', keyId: 'k1', keyName: 'CRM sync', scopes: ['leads:write'], userId: admin.userId, role: 'admin', teamId: null, email: admin.email };

/** The privacy routes behind a stand-in for `authenticate` that sets the given principal (or none). */
function privacyApp(services: AppServices, principal: Principal | null) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', async (c, next) => {
    c.set('services', services);
    c.set('requestId', 'test');
    if (principal) c.set('principal', principal);
    await next();
  });
  app.route('/', privacyRoutes());
  app.onError((error, c) => respondWithError(error, c));
  return app;
}

describeEachDatabase('privacy API', (kind) => {
  let t: TestApp;
  let leadId: string;
  const call = async (principal: Principal | null, method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) };
    const response = await privacyApp(t.services, principal).request(path, init);
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => new Date('2026-11-22T10:00:00Z') });
    const [result] = await captureLeads(t.database.db, {
      items: [{ input: { email: 'ana.silva@acme-robotics.com', firstName: 'Ana', lastName: 'Silva', phone: '(415) 867-5309' } }],
      actor: { type: 'api_key', id: null, label: 'API' },
      now: new Date('2026-11-21T10:00:00Z'),
      defaultTouchType: 'form_fill',
    });
    leadId = (result as { leadId: string }).leadId;
  });
  afterAll(() => t.destroy());

  it('is for admins only: 401 without a principal, 403 for a rep, a form or an admin key without the admin scope', async () => {
    expect((await call(null, 'GET', '/api/privacy/export?email=ana.silva@acme-robotics.com')).status).toBe(401);
    for (const principal of [rep, { kind: 'form' } as Principal, adminKeyWithoutAdminScope]) {
      expect((await call(principal, 'GET', '/api/privacy/export?email=ana.silva@acme-robotics.com')).status).toBe(403);
      expect((await call(principal, 'POST', '/api/privacy/erasures', { email: 'ana.silva@acme-robotics.com', reason: 'request 1' })).status).toBe(403);
      expect((await call(principal, 'POST', `/api/leads/${leadId}/consents`, { action: 'record', basis: 'consent' })).status).toBe(403);
    }
    const lead = await t.database.db.selectFrom('leads').select('email').where('id', '=', leadId).executeTakeFirstOrThrow();
    expect(lead.email).toBe('ana.silva@acme-robotics.com');
  });

  it('records and withdraws consent, camelCase out, naming the field of a bad request', async () => {
    const recorded = await call(admin, 'POST', `/api/leads/${leadId}/consents`, { action: 'record', basis: 'consent', marketingEmail: true, source: 'newsletter box' });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ changed: 1, consents: [{ leadId, basis: 'consent', marketingEmail: true, source: 'newsletter box', withdrawnAt: null }] });
    const withdrawn = await call(admin, 'POST', `/api/leads/${leadId}/consents`, { action: 'withdraw', source: 'unsubscribe link', withdrawnAt: '2026-11-22T09:00:00Z' });
    expect(withdrawn.body.consents[0]).toMatchObject({ withdrawnAt: '2026-11-22T09:00:00.000Z', withdrawalSource: 'unsubscribe link' });

    const badBasis = await call(admin, 'POST', `/api/leads/${leadId}/consents`, { action: 'record', basis: 'because' });
    expect(badBasis.status).toBe(400);
    expect(badBasis.body.error.issues[0].path).toBe('basis');
    const badAction = await call(admin, 'POST', `/api/leads/${leadId}/consents`, { action: 'forget' });
    expect(badAction.status).toBe(400);
    expect(badAction.body.error.issues[0].path).toBe('action');
    expect((await call(admin, 'POST', '/api/leads/not-a-uuid/consents', { action: 'withdraw' })).body.error.issues[0].path).toBe('param.id');
    expect((await call(admin, 'POST', `/api/leads/${leadId}/consents`, { action: 'withdraw' })).status).toBe(409);
  });

  it('exports a person, not cached, with 400 naming the e-mail when it is missing or malformed', async () => {
    const exported = await call(admin, 'GET', '/api/privacy/export?email=Ana.Silva%2Bnews@ACME-robotics.com');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('cache-control')).toBe('no-store');
    expect(exported.body.leads).toEqual([expect.objectContaining({ id: leadId, email: 'ana.silva@acme-robotics.com', phone: '+14158675309' })]);
    expect(exported.body.consents).toHaveLength(1);
    for (const [path, field] of [['/api/privacy/export', 'query.email'], ['/api/privacy/export?email=ana-at-acme', 'email']] as const) {
      const refused = await call(admin, 'GET', path);
      expect(refused.status).toBe(400);
      expect(refused.body.error.issues[0].path).toBe(field);
    }
  });

  it('erases, then answers already_erased, 404 for an address never held, 400 for a reason that quotes the person', async () => {
    const quoting = await call(admin, 'POST', '/api/privacy/erasures', { email: 'ana.silva@acme-robotics.com', reason: 'Ana Silva phoned' });
    expect(quoting.status).toBe(400);
    expect(quoting.body.error.issues[0].path).toBe('reason');
    expect((await call(admin, 'POST', '/api/privacy/erasures', { email: 'ana.silva@acme-robotics.com' })).body.error.issues[0].path).toBe('reason');

    const erased = await call(admin, 'POST', '/api/privacy/erasures', { email: 'ana.silva@acme-robotics.com', reason: 'request #31' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ status: 'erased', leadIds: [leadId], suppressedAt: '2026-11-22T10:00:00.000Z' });
    const again = await call(admin, 'POST', '/api/privacy/erasures', { email: 'ANA.SILVA@acme-robotics.com', reason: 'request #31' });
    expect(again.body).toMatchObject({ status: 'already_erased', leadIds: [] });
    const unknown = await call(admin, 'POST', '/api/privacy/erasures', { email: 'nobody@fabrikam-systems.com', reason: 'request #32' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/suppression list/u);

    const audit = await t.database.db.selectFrom('audit_log').select(['actor_type', 'actor_id', 'new_values']).where('entity_id', '=', leadId).where('action', '=', 'update').execute();
    expect(audit).toContainEqual({ actor_type: 'user', actor_id: admin.userId, new_values: { erased_at: '2026-11-22T10:00:00.000Z', erasure_reason: 'request #31' } });
  });

  it('documents the three endpoints in the OpenAPI document', () => {
    const document = privacyApp(t.services, admin).getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '0' } });
    expect(Object.keys(document.paths ?? {}).sort()).toEqual(['/api/leads/{id}/consents', '/api/privacy/erasures', '/api/privacy/export']);
  });
});
