import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, sessionTokenOf, testOrigin, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import { sha256Hex } from '../../modules/identity/secret-token.ts';

describeEachDatabase('sign-in, sessions and CSRF', (kind) => {
  let t: TestApp;
  let clock = new Date('2026-11-22T09:00:00Z');
  const advance = (milliseconds: number) => {
    clock = new Date(clock.getTime() + milliseconds);
  };
  const minute = 60_000;
  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => clock });
  });
  afterAll(() => t.destroy());

  const signInRaw = (email: string, password: string, headers: Record<string, string> = {}) => t.callAs('anonymous', 'POST', '/api/auth/sign-in', { email, password }, headers);
  const storedSessionIds = async (userId: string) => (await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).map((row) => row.id);

  it('sets an HttpOnly, SameSite=Lax session cookie (Secure only over TLS) with a new session each time', async () => {
    const rep = await t.createUser({ role: 'sales_rep' });
    const first = await signInRaw(rep.email.toUpperCase(), rep.password!, { 'user-agent': 'test browser' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ user: { id: rep.id, role: 'sales_rep' }, authenticatedBy: 'session', isAdmin: false, csrfToken: expect.any(String) });
    expect(first.body.permissions).toContain('leads:write');
    const cookie = first.headers.getSetCookie().find((line) => line.startsWith('leadpact_session='))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Secure/i);
    const firstToken = sessionTokenOf(first.headers)!;
    // The token is never stored, only its hash.
    expect(await storedSessionIds(rep.id)).toEqual([sha256Hex(firstToken)]);
    const session = await t.database.db.selectFrom('sessions').selectAll().where('id', '=', sha256Hex(firstToken)).executeTakeFirstOrThrow();
    expect(session).toMatchObject({ user_agent: 'test browser', created_at: clock, expires_at: new Date(clock.getTime() + 12 * 60 * minute) });

    // Signing in again from the same browser: a new id, and the old session is gone.
    const second = await signInRaw(rep.email, rep.password!, { cookie: `leadpact_session=${firstToken}` });
    const secondToken = sessionTokenOf(second.headers)!;
    expect(secondToken).not.toBe(firstToken);
    expect(await storedSessionIds(rep.id)).toEqual([sha256Hex(secondToken)]);
    expect((await t.callAs({ session: { sessionToken: firstToken, csrfToken: first.body.csrfToken } }, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await t.callAs({ session: { sessionToken: secondToken, csrfToken: second.body.csrfToken } }, 'GET', '/api/auth/me')).body.user.email).toBe(rep.email);
  });

  it('marks the cookie Secure when a trusted proxy says the browser came over https', async () => {
    const behindProxy = await createTestApp(kind, { env: { LEADPACT_TRUST_PROXY: 'true' } });
    try {
      const user = await behindProxy.createUser({ role: 'marketing' });
      const direct = await behindProxy.callAs('anonymous', 'POST', '/api/auth/sign-in', { email: user.email, password: user.password }, { 'x-forwarded-proto': 'https' });
      expect(direct.headers.getSetCookie().find((line) => line.startsWith('leadpact_session='))).toMatch(/; Secure/i);
    } finally {
      await behindProxy.destroy();
    }
    // Without trusting the proxy the header is anybody's claim and changes nothing.
    const user = await t.createUser({ role: 'marketing' });
    const untrusted = await signInRaw(user.email, user.password!, { 'x-forwarded-proto': 'https' });
    expect(untrusted.headers.getSetCookie().find((line) => line.startsWith('leadpact_session='))).not.toMatch(/; Secure/i);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const user = await t.createUser({ role: 'marketing' });
    const crossSite = await signInRaw(user.email, user.password!, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(sessionTokenOf(crossSite.headers)).toBeNull();
    expect((await signInRaw(user.email, user.password!, { origin: testOrigin })).status).toBe(200);
  });

  it('answers a wrong password and an unknown address alike (401, same message)', async () => {
    const user = await t.createUser({ role: 'marketing' });
    const wrongPassword = await signInRaw(user.email, 'not the password at all');
    const unknown = await signInRaw('nobody-here@leadpact.test', 'not the password at all');
    const noPassword = await t.createUser({ role: 'marketing', password: null });
    const withoutPassword = await signInRaw(noPassword.email, 'not the password at all');
    for (const response of [wrongPassword, unknown, withoutPassword]) {
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'the e-mail address or the password is wrong' });
      expect(sessionTokenOf(response.headers)).toBeNull();
    }
  });

  it('locks an address after 5 failures (429 + Retry-After), longer each time, then lets the right password in', async () => {
    const user = await t.createUser({ role: 'sales_manager' });
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await signInRaw(user.email, `wrong guess ${attempt}`)).status).toBe(401);
    const locked = await signInRaw(user.email, user.password!);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    expect(locked.headers.get('retry-after')).toBe('60');
    advance(30_000);
    expect((await signInRaw(user.email, user.password!)).headers.get('retry-after')).toBe('30');

    // The lock passes; one more failure locks for twice as long.
    advance(30_000);
    expect((await signInRaw(user.email, 'wrong guess 6')).status).toBe(401);
    expect((await signInRaw(user.email, user.password!)).headers.get('retry-after')).toBe('120');
    advance(2 * minute);
    const success = await signInRaw(user.email, user.password!);
    expect(success.status).toBe(200);
    const row = await t.database.db.selectFrom('users').select(['failed_sign_ins', 'locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_sign_ins: 0, locked_until: null });
  });

  it('counts failures for an address nobody has exactly the same way, without storing the address', async () => {
    const ghost = 'Ghost.User@leadpact.test';
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await signInRaw(ghost, 'some guess here')).status).toBe(401);
    const locked = await signInRaw(ghost.toLowerCase(), 'some guess here');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    const throttles = await t.database.db.selectFrom('sign_in_throttles').selectAll().execute();
    expect(JSON.stringify(throttles)).not.toMatch(/ghost/i);
    expect(throttles.find((row) => row.email_hash === sha256Hex(ghost.toLowerCase()))).toMatchObject({ failed_sign_ins: 5 });
  });

  it('ends the session at sign-out, and the cookie no longer works', async () => {
    const user = await t.createUser({ role: 'executive' });
    const session = await t.signIn(user.email, user.password!);
    // An executive reads the pact (and reports), not lead records.
    expect((await t.callAs({ session }, 'GET', '/api/pact')).status).toBe(200);
    const signedOut = await t.callAs({ session }, 'POST', '/api/auth/sign-out');
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.getSetCookie().join('\n')).toMatch(/leadpact_session=;.*Max-Age=0/i);
    expect(await storedSessionIds(user.id)).toEqual([]);
    const after = await t.callAs({ session }, 'GET', '/api/pact');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    // Signing out without a session is nothing to do, not an error.
    expect((await t.callAs('anonymous', 'POST', '/api/auth/sign-out')).status).toBe(204);
  });

  it('expires a session after 12 idle hours, and after 7 days however active', async () => {
    const user = await t.createUser({ role: 'sales_rep' });
    const idle = await t.signIn(user.email, user.password!);
    advance(11 * 60 * minute);
    expect((await t.callAs({ session: idle }, 'GET', '/api/auth/me')).status).toBe(200);
    advance(11 * 60 * minute); // 22 h after sign-in, 11 h after the last use: still alive (sliding)
    expect((await t.callAs({ session: idle }, 'GET', '/api/auth/me')).status).toBe(200);
    advance(12 * 60 * minute + 1);
    const expired = await t.callAs({ session: idle }, 'GET', '/api/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.headers.getSetCookie().join('\n')).toMatch(/leadpact_session=;/);
    expect(await storedSessionIds(user.id)).toEqual([]);

    const busy = await t.signIn(user.email, user.password!);
    for (let hour = 0; hour < 7 * 24 - 6; hour += 6) {
      advance(6 * 60 * minute);
      expect((await t.callAs({ session: busy }, 'GET', '/api/auth/me')).status, `hour ${hour + 6}`).toBe(200);
    }
    advance(6 * 60 * minute);
    expect((await t.callAs({ session: busy }, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('refuses a deactivated user’s session', async () => {
    const user = await t.createUser({ role: 'sales_rep' });
    const session = await t.signIn(user.email, user.password!);
    await t.database.db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute();
    expect((await t.callAs({ session }, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await signInRaw(user.email, user.password!)).status).toBe(401);
  });

  it('refuses cookie-authenticated writes without the CSRF token or from another origin (403); API keys need neither', async () => {
    const user = await t.createUser({ role: 'marketing' });
    const session = await t.signIn(user.email, user.password!);
    const campaign = { name: `CSRF test ${Date.now()}`, channel: 'webinar' };
    const cookie = `leadpact_session=${session.sessionToken}`;

    const noToken = await t.callAs('anonymous', 'POST', '/api/campaigns', campaign, { cookie, origin: testOrigin });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('FORBIDDEN');
    const wrongToken = await t.callAs('anonymous', 'POST', '/api/campaigns', campaign, { cookie, origin: testOrigin, 'x-csrf-token': 'x'.repeat(43) });
    expect(wrongToken.status).toBe(403);
    const crossSite = await t.callAs({ session }, 'POST', '/api/campaigns', campaign, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.issues[0].path).toBe('(origin)');
    const crossSiteForm = await t.callAs({ session }, 'POST', '/api/campaigns', 'name=x&channel=y', { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' });
    expect(crossSiteForm.status).toBe(403);
    const fetchCrossSite = await t.callAs('anonymous', 'POST', '/api/campaigns', campaign, { cookie, 'x-csrf-token': session.csrfToken, 'sec-fetch-site': 'cross-site' });
    expect(fetchCrossSite.status).toBe(403);
    expect(await t.database.db.selectFrom('campaigns').select('id').where('name', '=', campaign.name).execute()).toEqual([]);

    // Reads need no token; the right token from this origin writes.
    expect((await t.callAs('anonymous', 'GET', '/api/campaigns', undefined, { cookie })).status).toBe(200);
    const allowed = await t.callAs({ session }, 'POST', '/api/campaigns', campaign);
    expect(allowed.status).toBe(201);

    // An API key is not sent by a browser on its own: no token, any Origin.
    const key = await t.createApiKey(user.id, ['campaigns:write']);
    const withKey = await t.callAs({ apiKey: key }, 'POST', '/api/campaigns', { name: `${campaign.name} (key)`, channel: 'webinar' }, { origin: 'https://elsewhere.example' });
    expect(withKey.status).toBe(201);
  });

  it('says who is calling and what they may do; the CSRF token comes with it', async () => {
    const user = await t.createUser({ role: 'executive', name: 'Eve Exec' });
    const session = await t.signIn(user.email, user.password!);
    const me = await t.callAs({ session }, 'GET', '/api/auth/me');
    expect(me.body).toMatchObject({ user: { email: user.email, name: 'Eve Exec', role: 'executive', teamId: null }, authenticatedBy: 'session', apiKey: null, isAdmin: false, csrfToken: session.csrfToken });
    expect(me.body.permissions).not.toContain('leads:write');
    const asKey = await t.call('GET', '/api/auth/me');
    expect(asKey.body).toMatchObject({ user: { id: t.admin.id }, authenticatedBy: 'api_key', apiKey: { name: 'test admin key' }, isAdmin: true, csrfToken: null });
  });

  it('keeps /api private and the health check, web-form capture, sign-in and the docs public', async () => {
    const anonymous = await t.callAs('anonymous', 'GET', '/api/leads');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ code: 'UNAUTHENTICATED', requestId: anonymous.headers.get('x-request-id') });
    for (const [method, path] of [['GET', '/api/leads/00000000-0000-4000-8000-000000000000'], ['POST', '/api/leads'], ['GET', '/api/auth/me'], ['GET', '/api/api-keys'], ['GET', '/api/users'], ['GET', '/api/no-such-route']] as const) {
      expect((await t.callAs('anonymous', method, path, method === 'POST' ? {} : undefined)).status, `${method} ${path}`).toBe(401);
    }
    expect((await t.callAs('anonymous', 'GET', '/api/health')).status).toBe(200);
    expect((await t.callAs('anonymous', 'GET', '/openapi.json')).status).toBe(200);
    expect((await t.callAs('anonymous', 'GET', '/docs')).status).toBe(200);
    // The web app's front door is public (200, or 503 when web/dist is not built); never a 401.
    expect((await t.callAs('anonymous', 'GET', '/')).status).not.toBe(401);
    expect((await t.callAs('anonymous', 'POST', '/api/auth/sign-in', { email: 'a@b.c', password: 'x' })).status).toBe(401);
    const form = await t.app.request('/api/capture', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=public.form%40quartz-labs.com' });
    expect(form.status).toBe(201);
  });

  it('documents how to authenticate in the OpenAPI document, and which operations are public', async () => {
    const document = (await t.callAs('anonymous', 'GET', '/openapi.json')).body;
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['apiKey', 'session']);
    expect(document.security).toEqual([{ apiKey: [] }, { session: [] }]);
    expect(document.paths['/api/health'].get.security).toEqual([]);
    expect(document.paths['/api/auth/sign-in'].post.security).toEqual([]);
    expect(document.paths['/api/leads'].get.security).toBeUndefined();
  });

  it('keeps changes to users and teams for admins (a rep cannot promote themselves)', async () => {
    const rep = await t.createUser({ role: 'sales_rep' });
    const session = await t.signIn(rep.email, rep.password!);
    const promote = await t.callAs({ session }, 'PATCH', `/api/users/${rep.id}`, { role: 'admin' });
    expect(promote.status).toBe(403);
    expect((await t.callAs({ session }, 'POST', '/api/teams', { name: 'Rogue Team', accountClass: 'inside' })).status).toBe(403);
    // Reading the organisation is for admins, marketing and sales managers (see the access matrix).
    expect((await t.callAs({ session }, 'GET', '/api/users')).status).toBe(403);
    expect((await t.database.db.selectFrom('users').select('role').where('id', '=', rep.id).executeTakeFirstOrThrow()).role).toBe('sales_rep');
  });

  it('refuses a malformed or unknown Authorization header with 401 even on public routes', async () => {
    expect((await t.callAs('anonymous', 'GET', '/api/leads', undefined, { authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(401);
    expect((await t.callAs('anonymous', 'GET', '/api/leads', undefined, { authorization: 'Bearer not-a-key' })).status).toBe(401);
    expect((await t.callAs({ apiKey: `lp_000000000000_${'a'.repeat(43)}` }, 'GET', '/api/health')).status).toBe(401);
  });

  it('records the signed-in user as the actor of what they do', async () => {
    const user = await t.createUser({ role: 'sales_rep' });
    const session = await t.signIn(user.email, user.password!);
    const captured = await t.callAs({ session }, 'POST', '/api/leads', { email: 'actor.check@quartz-labs.com', company: 'Quartz Labs' });
    expect(captured.status).toBe(201);
    const event = await t.database.db.selectFrom('lead_events').selectAll().where('lead_id', '=', captured.body.leadId).where('type', '=', 'stage_change').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_type: 'user', actor_id: user.id });
    expect(event.reason).toContain(user.email);
  });

  it('changes one’s own password (other sessions end) and lets an admin reset anyone’s', async () => {
    const user = await t.createUser({ role: 'marketing' });
    const here = await t.signIn(user.email, user.password!);
    const elsewhere = await t.signIn(user.email, user.password!);
    const tooShort = await t.callAs({ session: here }, 'POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'short' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.issues[0].path).toBe('newPassword');
    const wrongCurrent = await t.callAs({ session: here }, 'POST', '/api/auth/password', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
    expect(wrongCurrent.status).toBe(403);
    expect((await t.callAs({ session: here }, 'POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'a brand new passphrase' })).status).toBe(204);
    expect((await t.callAs({ session: here }, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await t.callAs({ session: elsewhere }, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await signInRaw(user.email, user.password!)).status).toBe(401);
    expect((await signInRaw(user.email, 'a brand new passphrase')).status).toBe(200);

    // An API key cannot change a password, nor can a non-admin reset one.
    expect((await t.call('POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'a brand new passphrase' })).status).toBe(403);
    expect((await t.callAs({ session: here }, 'POST', `/api/users/${t.admin.id}/password`, {})).status).toBe(403);

    const reset = await t.call('POST', `/api/users/${user.id}/password`, {});
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ userId: user.id, generatedPassword: expect.stringMatching(/^[a-z2-9-]{23}$/) });
    expect((await t.callAs({ session: here }, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await signInRaw(user.email, reset.body.generatedPassword)).status).toBe(200);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', user.id).execute();
    expect(JSON.stringify(audit)).not.toContain(reset.body.generatedPassword);
    expect(JSON.stringify(audit)).not.toContain('a brand new passphrase');
  });
});
