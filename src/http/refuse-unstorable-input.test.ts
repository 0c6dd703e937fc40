import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { describeEachDatabase } from '../../test/support/test-database.ts';
import { firstUnstorableIssue, maxJsonDepth, unstorableTextReason } from './refuse-unstorable-input.ts';

describe('unstorableTextReason', () => {
  it('refuses NUL and unpaired surrogates, and nothing else', () => {
    expect(unstorableTextReason('a\u0000b')).toMatch(/NUL/);
    expect(unstorableTextReason('\ud800')).toMatch(/surrogate/);
    expect(unstorableTextReason('x\udc00')).toMatch(/surrogate/);
    expect(unstorableTextReason('😀 Zoë 山田')).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(unstorableTextReason(text.replace(/\u0000/g, ''))).toBeNull();
      }),
    );
  });

  it('names the path of the first bad value or key, and refuses nesting past the limit without recursing', () => {
    expect(firstUnstorableIssue({ touch: { detail: { note: 'a\u0000' } } }, '(body)')).toEqual({ path: 'touch.detail.note', message: expect.stringMatching(/NUL/) });
    expect(firstUnstorableIssue({ attributes: { 'k\ud800': 1 } }, '(body)')?.path).toBe('attributes.k\ud800');
    expect(firstUnstorableIssue([['ok'], ['\u0000']], '(body)')?.path).toBe('1.0');
    expect(firstUnstorableIssue({ fine: ['a', 1, null, { b: true }] }, '(body)')).toBeNull();
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`) as unknown;
    expect(firstUnstorableIssue(deep, '(body)')?.message).toBe(`nested deeper than ${maxJsonDepth} levels`);
  });
});

describeEachDatabase('input PostgreSQL cannot store is a 400 naming the field, not a 500', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { LEADPACT_CAPTURE_RATE_LIMIT: '100000' } });
  });
  afterAll(() => t.destroy());

  it.each([
    ['POST', '/api/leads', { email: 'nul@acme-robotics.com', firstName: 'a\u0000b' }, 'firstName'],
    ['POST', '/api/leads', { email: 'key@acme-robotics.com', attributes: { 'colour\u0000': 'blue' } }, 'attributes.colour\u0000'],
    ['POST', '/api/leads', { email: 'surrogate@acme-robotics.com', touch: { type: 'webinar', detail: { note: '\ud83d' } } }, 'touch.detail.note'],
    ['POST', '/api/campaigns', { name: 'Spring\u0000', channel: 'email' }, 'name'],
    ['POST', '/api/capture', { email: 'form@acme-robotics.com', message: 'hi\u0000' }, 'message'],
  ])('%s %s with %j', async (method, path, body, field) => {
    const response = await t.call(method, path, body);
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toBe(field);
  });

  it('refuses a NUL in a query parameter, a form field and a multipart form', async () => {
    const query = await t.call('GET', '/api/leads?q=%00');
    expect(query.status).toBe(400);
    expect(query.body.error.issues[0].path).toBe('query.q');
    const form = await t.callAs('anonymous', 'POST', '/api/capture', 'email=form2%40acme-robotics.com&company=Ac%00me', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    expect(form.body.error.issues[0].path).toBe('company');
    const multipart = new FormData();
    multipart.append('email', 'form3@acme-robotics.com');
    multipart.append('company', 'Ac\u0000me');
    const response = await t.app.request('/api/capture', { method: 'POST', body: multipart });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('company');
  });

  it('refuses JSON nested deeper than the limit before any route parses it (it used to overflow the stack in capture)', async () => {
    const nested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const response = await t.call('POST', '/api/capture', `{"email":"deep@acme-robotics.com","extra":${nested}}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/nested deeper than/);
  });

  it('still stores what PostgreSQL can: astral characters, combining marks, right-to-left text', async () => {
    const response = await t.call('POST', '/api/leads', { email: 'unicode@acme-robotics.com', firstName: 'Zoë 😀', lastName: 'e\u0301 \u202eabc' });
    expect(response.status).toBe(201);
  });
});
