import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { describeEachDatabase } from '../../test/support/test-database.ts';

/** Bodies a careless or hostile client sends. */
const badBodies: (string | undefined)[] = ['{', '[]', 'null', '"text"', '{"unexpected":1}', '{"email":42,"name":[],"version":"x","otherLeadId":"nope","reason":""}', undefined];
const badIds = ['not-a-uuid', '00000000-0000-0000-0000-00000000000g', '123', '00000000-0000-4000-8000-000000000000'];

describeEachDatabase('every endpoint answers bad input with a 4xx naming the problem', (kind) => {
  let t: TestApp;
  let operations: { method: string; path: string; hasParams: boolean }[];
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { LEADPACT_CAPTURE_RATE_LIMIT: '100000' } });
    const document = (await t.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path, hasParams: path.includes('{') })));
  });
  afterAll(() => t.destroy());

  it('never answers 5xx, and every refusal carries a code, a message and a request id', async () => {
    expect(operations.length).toBeGreaterThan(20);
    let refusals = 0;
    for (const operation of operations) {
      const paths = operation.hasParams ? badIds.map((id) => operation.path.replace(/\{[^}]+\}/g, id)) : [operation.path];
      for (const path of paths) {
        for (const body of operation.method === 'GET' ? [undefined] : badBodies) {
          for (const query of ['', '?limit=-5&cursor=%00&stage=x&createdFrom=yesterday&offset=abc']) {
            const authorization = `Bearer ${t.admin.apiKey}`;
            const response = await t.app.request(`${path}${query}`, { method: operation.method, ...(body === undefined ? { headers: { authorization } } : { body, headers: { authorization, 'content-type': 'application/json' } }) });
            const label = `${operation.method} ${path}${query} ${body ?? '(no body)'}`;
            expect(response.status, label).toBeLessThan(500);
            if (response.status >= 400) {
              refusals += 1;
              const payload = (await response.json()) as { error: { code: string; message: string; requestId: string; issues: unknown[] } };
              expect(payload.error.code, label).toEqual(expect.any(String));
              expect(payload.error.message.length, label).toBeGreaterThan(0);
              expect(payload.error.requestId, label).toBe(response.headers.get('x-request-id'));
              expect(JSON.stringify(payload), label).not.toMatch(/at .*\.ts:\d+|select .* from|syntax error at or near/i);
            }
          }
        }
      }
    }
    expect(refusals).toBeGreaterThan(operations.length);
  });
});
