import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { describeEachDatabase } from '../../test/support/test-database.ts';

function expectSecurityHeaders(headers: Headers, what: string): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).not.toMatch(/script-src[^;]*unsafe/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('permissions-policy'), what).toContain('camera=()');
  expect(headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(headers.get('x-request-id'), what).toEqual(expect.any(String));
}

describeEachDatabase('security headers', (kind) => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    proxied = await createTestApp(kind, { env: { LEADPACT_TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await t.destroy();
    await proxied.destroy();
  });

  it('are on successes, errors of every kind and the pages outside /api', async () => {
    const responses: [string, Response][] = [
      ['health', await t.app.request('/api/health')],
      ['created', await t.app.request('/api/leads', { method: 'POST', headers: { authorization: `Bearer ${t.admin.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'headers@header-test.com' }) })],
      ['400', await t.app.request('/api/leads', { method: 'POST', headers: { authorization: `Bearer ${t.admin.apiKey}`, 'content-type': 'application/json' }, body: '{' })],
      ['401', await t.app.request('/api/leads')],
      ['404', await t.app.request('/api/no-such-thing', { headers: { authorization: `Bearer ${t.admin.apiKey}` } })],
      ['openapi', await t.app.request('/openapi.json')],
      ['front door', await t.app.request('/', { headers: { accept: 'text/html' } })],
    ];
    for (const [what, response] of responses) expectSecurityHeaders(response.headers, what);
    expect(responses.slice(0, 6).map(([what, response]) => `${what} ${response.status}`)).toEqual(['health 200', 'created 201', '400 400', '401 401', '404 404', 'openapi 200']);
  });

  it('let the API reference page render: its inline <style> is allowed, scripts are not', async () => {
    const docs = await t.app.request('/docs');
    expect(docs.status).toBe(200);
    expectSecurityHeaders(docs.headers, 'docs');
    const html = await docs.text();
    expect(html).toContain('<style>');
    expect(html).not.toContain('<script');
    expect(docs.headers.get('content-security-policy')).toMatch(/style-src 'self' 'unsafe-inline'/);
  });

  it('send Strict-Transport-Security only over TLS (directly, or from a trusted proxy that says so)', async () => {
    expect((await t.app.request('http://localhost/api/health')).headers.get('strict-transport-security')).toBeNull();
    expect((await t.app.request('https://localhost/api/health')).headers.get('strict-transport-security')).toContain('max-age=31536000');
    // An untrusted client claiming https changes nothing; through a trusted proxy it does.
    expect((await t.app.request('/api/health', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
    const viaProxy = await proxied.app.request('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaProxy.headers.get('strict-transport-security')).toContain('max-age=31536000');
    expect((await proxied.app.request('/api/no-such-thing', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toContain('max-age');
  });
});
