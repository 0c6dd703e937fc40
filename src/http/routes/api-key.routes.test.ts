import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseApiKey } from '../../core/identity/api-key-text.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

describeEachDatabase('API keys', (kind) => {
  let t: TestApp;
  let clock = new Date('2026-11-22T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => clock });
  });
  afterAll(() => t.destroy());

  /** Every text value in the api_keys and audit_log tables, as one string. */
  async function storedText(): Promise<string> {
    const keys = await t.database.db.selectFrom('api_keys').selectAll().execute();
    const audit = await t.database.db.selectFrom('audit_log').selectAll().execute();
    return JSON.stringify({ keys, audit });
  }

  it('shows a new key once, stores only its hash, and lists it without the secret', async () => {
    const user = await t.createUser({ role: 'sales_rep' });
    const session = await t.signIn(user.email, user.password!);
    const created = await t.callAs({ session }, 'POST', '/api/api-keys', { name: 'CRM sync', scopes: ['leads:read', 'leads:write'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'CRM sync', scopes: ['leads:read', 'leads:write'], userId: user.id, userEmail: user.email, lastUsedAt: null, revokedAt: null });
    const parts = parseApiKey(created.body.key)!;
    expect(parts.prefix).toBe(created.body.prefix);
    expect(await storedText()).not.toContain(parts.secret);
    const stored = await t.database.db.selectFrom('api_keys').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);

    const listed = await t.callAs({ session }, 'GET', '/api/api-keys');
    expect(listed.body.apiKeys).toHaveLength(1);
    expect(listed.body.apiKeys[0]).toMatchObject({ id: created.body.id, prefix: parts.prefix });
    expect(JSON.stringify(listed.body)).not.toContain(parts.secret);
    expect(listed.body.apiKeys[0].key).toBeUndefined();

    // The key works as its owner, and the use is recorded (at most once a minute).
    const asKey = await t.callAs({ apiKey: created.body.key }, 'GET', '/api/auth/me');
    expect(asKey.body).toMatchObject({ user: { id: user.id }, authenticatedBy: 'api_key', apiKey: { id: created.body.id, name: 'CRM sync' }, permissions: ['leads:read', 'leads:write'] });
    const firstUse = clock;
    const lastUsed = async () => (await t.database.db.selectFrom('api_keys').select('last_used_at').where('id', '=', created.body.id).executeTakeFirstOrThrow()).last_used_at;
    expect(await lastUsed()).toEqual(firstUse);
    clock = new Date(clock.getTime() + 30_000);
    await t.callAs({ apiKey: created.body.key }, 'GET', '/api/leads');
    expect(await lastUsed()).toEqual(firstUse);
    clock = new Date(clock.getTime() + 31_000);
    await t.callAs({ apiKey: created.body.key }, 'GET', '/api/leads');
    expect(await lastUsed()).toEqual(clock);
  });

  it('refuses a wrong secret, and a revoked key from the moment it is revoked', async () => {
    const user = await t.createUser({ role: 'marketing' });
    const session = await t.signIn(user.email, user.password!);
    const created = await t.callAs({ session }, 'POST', '/api/api-keys', { name: 'Webinar tool', scopes: ['capture'] });
    const { prefix } = parseApiKey(created.body.key)!;
    expect((await t.callAs({ apiKey: `lp_${prefix}_${'A'.repeat(43)}` }, 'POST', '/api/leads', { email: 'x@quartz-labs.com' })).status).toBe(401);
    expect((await t.callAs({ apiKey: created.body.key }, 'POST', '/api/leads', { email: 'key.capture@quartz-labs.com' })).status).toBe(201);

    const revoked = await t.callAs({ session }, 'DELETE', `/api/api-keys/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toBe(clock.toISOString());
    const refused = await t.callAs({ apiKey: created.body.key }, 'POST', '/api/leads', { email: 'after.revoke@quartz-labs.com' });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('UNAUTHENTICATED');
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_type', 'actor_id']).where('entity_type', '=', 'api_key').where('entity_id', '=', created.body.id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'create', actor_type: 'user', actor_id: user.id },
      { action: 'revoke', actor_type: 'user', actor_id: user.id },
    ]);
  });

  it('checks scopes per route: a missing scope is 403, a write scope covers its read', async () => {
    const user = await t.createUser({ role: 'marketing' });
    const captureOnly = await t.createApiKey(user.id, ['capture']);
    const denied = await t.callAs({ apiKey: captureOnly }, 'GET', '/api/leads');
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 'FORBIDDEN', message: 'this API key lacks the scope leads:read' });
    expect((await t.callAs({ apiKey: captureOnly }, 'GET', '/api/accounts')).status).toBe(403);
    expect((await t.callAs({ apiKey: captureOnly }, 'POST', '/api/pact-versions/1/approve', {})).status).toBe(403);

    const form = await t.app.request('/api/capture', { method: 'POST', headers: { authorization: `Bearer ${captureOnly}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=scoped.form%40quartz-labs.com' });
    expect(form.status).toBe(201);
    const readOnly = await t.createApiKey(user.id, ['leads:read']);
    const noCapture = await t.app.request('/api/capture', { method: 'POST', headers: { authorization: `Bearer ${readOnly}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=scoped.form%40quartz-labs.com' });
    expect(noCapture.status).toBe(403);

    const writer = await t.createApiKey(user.id, ['leads:write']);
    expect((await t.callAs({ apiKey: writer }, 'GET', '/api/leads')).status).toBe(200);
  });

  it('records the key as the actor of what it does', async () => {
    const user = await t.createUser({ role: 'sales_rep' });
    const key = await t.createApiKey(user.id, ['leads:write'], 'Form backend');
    const captured = await t.callAs({ apiKey: key }, 'POST', '/api/leads', { email: 'key.actor@quartz-labs.com' });
    const keyId = (await t.database.db.selectFrom('api_keys').select('id').where('prefix', '=', parseApiKey(key)!.prefix).executeTakeFirstOrThrow()).id;
    const event = await t.database.db.selectFrom('lead_events').selectAll().where('lead_id', '=', captured.body.leadId).where('type', '=', 'stage_change').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_type: 'api_key', actor_id: keyId });
    expect(event.reason).toContain('Form backend');
  });

  it('never lets a key exceed its owner: scopes beyond the role are refused, and a demoted owner’s key shrinks', async () => {
    const rep = await t.createUser({ role: 'sales_rep' });
    const session = await t.signIn(rep.email, rep.password!);
    const tooMuch = await t.callAs({ session }, 'POST', '/api/api-keys', { name: 'Greedy', scopes: ['leads:read', 'pact:write', 'admin'] });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['scopes.1', 'scopes.2']);

    const manager = await t.createUser({ role: 'sales_manager' });
    const managerKey = await t.createApiKey(manager.id, ['pact:write', 'leads:read']);
    expect((await t.callAs({ apiKey: managerKey }, 'GET', '/api/auth/me')).body.permissions).toEqual(['pact:write', 'leads:read']);
    await t.database.db.updateTable('users').set({ role: 'sales_rep' }).where('id', '=', manager.id).execute();
    expect((await t.callAs({ apiKey: managerKey }, 'GET', '/api/auth/me')).body.permissions).toEqual(['leads:read']);
    expect((await t.callAs({ apiKey: managerKey }, 'POST', '/api/pact-versions/1/activate')).status).toBe(403);
    // A deactivated owner's keys stop working.
    await t.database.db.updateTable('users').set({ active: false }).where('id', '=', manager.id).execute();
    expect((await t.callAs({ apiKey: managerKey }, 'GET', '/api/leads')).status).toBe(401);
  });

  it('lets only a key with the admin scope manage keys, and only admins touch other people’s', async () => {
    const rep = await t.createUser({ role: 'sales_rep' });
    const repKey = await t.createApiKey(rep.id, ['leads:write']);
    expect((await t.callAs({ apiKey: repKey }, 'POST', '/api/api-keys', { name: 'Minted', scopes: ['leads:write'] })).status).toBe(403);
    expect((await t.callAs({ apiKey: repKey }, 'GET', '/api/api-keys')).status).toBe(403);

    const other = await t.createUser({ role: 'marketing' });
    const otherSession = await t.signIn(other.email, other.password!);
    const repSession = await t.signIn(rep.email, rep.password!);
    const otherKey = await t.callAs({ session: otherSession }, 'POST', '/api/api-keys', { name: 'Theirs', scopes: ['campaigns:write'] });
    expect((await t.callAs({ session: repSession }, 'DELETE', `/api/api-keys/${otherKey.body.id}`)).status).toBe(404);
    expect((await t.callAs({ session: repSession }, 'GET', `/api/api-keys?userId=${other.id}`)).status).toBe(403);
    expect((await t.callAs({ session: repSession }, 'POST', '/api/api-keys', { name: 'For them', scopes: ['capture'], userId: other.id })).status).toBe(403);

    // The admin (through a key with every scope) sees and revokes anyone's keys and makes keys for others.
    const everyone = await t.call('GET', '/api/api-keys?all=true');
    expect(everyone.body.apiKeys.map((key: { id: string }) => key.id)).toContain(otherKey.body.id);
    expect((await t.call('GET', `/api/api-keys?userId=${other.id}`)).body.apiKeys.map((key: { name: string }) => key.name)).toEqual(['Theirs']);
    const forOther = await t.call('POST', '/api/api-keys', { name: 'Made by admin', scopes: ['capture'], userId: other.id });
    expect(forOther.status).toBe(201);
    expect(forOther.body.userId).toBe(other.id);
    expect((await t.call('DELETE', `/api/api-keys/${otherKey.body.id}`)).body.revokedAt).not.toBeNull();
  });

  it('names the field of bad input', async () => {
    const empty = await t.call('POST', '/api/api-keys', { name: '', scopes: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['name', 'scopes']);
    const unknown = await t.call('POST', '/api/api-keys', { name: 'x', scopes: ['everything'] });
    expect(unknown.body.error.issues[0].path).toBe('scopes.0');
    expect((await t.call('DELETE', '/api/api-keys/not-a-uuid')).status).toBe(400);
    expect((await t.call('DELETE', '/api/api-keys/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('keeps no session token or key secret anywhere in the database', async () => {
    const user = await t.createUser({ role: 'marketing' });
    const session = await t.signIn(user.email, user.password!);
    const created = await t.callAs({ session }, 'POST', '/api/api-keys', { name: 'Dump check', scopes: ['leads:read'] });
    const secret = parseApiKey(created.body.key)!.secret;
    const tables = ['users', 'sessions', 'api_keys', 'audit_log', 'sign_in_throttles'];
    for (const table of tables) {
      const dump = JSON.stringify((await sql.raw(`select * from ${table}`).execute(t.database.db)).rows);
      expect(dump, table).not.toContain(session.sessionToken);
      expect(dump, table).not.toContain(secret);
      expect(dump, table).not.toContain(user.password!);
    }
  });
});
