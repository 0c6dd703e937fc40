import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { describeEachDatabase } from '../../test/support/test-database.ts';

describeEachDatabase('rate limits', (kind) => {
  let t: TestApp;
  let nowMs = new Date('2026-11-22T10:00:00Z').getTime();
  beforeAll(async () => {
    t = await createTestApp(kind, {
      now: () => new Date(nowMs),
      env: { LEADPACT_RATE_LIMIT_PER_MINUTE: '3', LEADPACT_IP_RATE_LIMIT_PER_MINUTE: '2', LEADPACT_TRUST_PROXY: 'true' },
    });
  });
  afterAll(() => t.destroy());
  const from = (address: string) => ({ 'x-forwarded-for': address });

  it('limits each API key per minute: 429 with Retry-After and RateLimit headers, other keys unaffected, a new window lets it in', async () => {
    nowMs += 60_000;
    const statuses: number[] = [];
    let last = await t.call('GET', '/api/health');
    statuses.push(last.status);
    expect(last.headers.get('ratelimit-limit')).toBe('3');
    expect(last.headers.get('ratelimit-remaining')).toBe('2');
    expect(last.headers.get('ratelimit-policy')).toBe('3;w=60');
    for (let index = 0; index < 3; index += 1) {
      last = await t.call('POST', '/api/leads', { email: `limit${index}@rate-test.com` });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 201, 201, 429]);
    expect(last.body.error.code).toBe('RATE_LIMITED');
    expect(last.body.error.message).toContain('this API key');
    const retryAfter = Number(last.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last.headers.get('ratelimit-remaining')).toBe('0');
    expect(last.headers.get('x-request-id')).toBe(last.body.error.requestId);
    // Still refused until the window ends.
    expect((await t.call('GET', '/api/health')).status).toBe(429);

    const other = await t.createUser({ role: 'sales_rep' });
    const otherKey = await t.createApiKey(other.id, ['leads:read']);
    expect((await t.callAs({ apiKey: otherKey }, 'GET', '/api/health')).status).toBe(200);

    nowMs += retryAfter * 1000;
    expect((await t.call('GET', '/api/health')).status).toBe(200);
  });

  it('limits a signed-in user per minute, whatever address they come from', async () => {
    nowMs += 60_000;
    const user = await t.createUser({ role: 'marketing' });
    const session = await t.signIn(user.email, user.password!);
    const statuses = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await t.callAs({ session }, 'GET', '/api/auth/me', undefined, from(`198.51.100.${index}`))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('limits requests without credentials per IP address, each address on its own', async () => {
    nowMs += 60_000;
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await t.callAs('anonymous', 'GET', '/api/health', undefined, from('203.0.113.7'))).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await t.callAs('anonymous', 'GET', '/api/health', undefined, from('203.0.113.7'));
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body.error.message).toContain('this address');
    expect((await t.callAs('anonymous', 'GET', '/api/health', undefined, from('203.0.113.8'))).status).toBe(200);
    // The web-form endpoint counts against the same address.
    expect((await t.callAs('anonymous', 'POST', '/api/capture', { email: 'form@rate-test.com' }, from('203.0.113.7'))).status).toBe(429);
  });

  it('counts failed authentications against the address and then answers 429 instead of 401', async () => {
    nowMs += 60_000;
    const badKey = { apiKey: 'lp_000000000000_notarealsecretnotarealsecretnotareal' };
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await t.callAs(badKey, 'GET', '/api/health', undefined, from('192.0.2.44'))).status);
    expect(statuses).toEqual([401, 401, 429]);
    // Anonymous requests from that address are held back as well; a valid key from it is not.
    expect((await t.callAs('anonymous', 'GET', '/api/health', undefined, from('192.0.2.44'))).status).toBe(429);
    expect((await t.call('GET', '/api/health', undefined, from('192.0.2.44'))).status).toBe(200);
  });

  it('counts a wrong sign-in password once against the address', async () => {
    nowMs += 60_000;
    const user = await t.createUser({ role: 'marketing' });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await t.callAs('anonymous', 'POST', '/api/auth/sign-in', { email: user.email, password: 'not the password at all' }, { ...from('192.0.2.99'), origin: 'http://localhost' })).status);
    expect(statuses).toEqual([401, 401, 429]);
  });
});
