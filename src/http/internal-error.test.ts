import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { describeEachDatabase } from '../../test/support/test-database.ts';

describeEachDatabase('an unexpected error', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.destroy());

  it('answers 500 with the request id and nothing of the cause; the log has the cause under the same id', async () => {
    const logLines: Record<string, any>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const quietLogger = t.services.logger;
    const realBatcher = t.services.captureBatcher;
    t.services.logger = pino({ level: 'info' }, sink);
    const cause = new Error('duplicate key value violates unique constraint "leads_email_key_unique" in insert into leads (email) values ($1)');
    t.services.captureBatcher = { capture: () => Promise.reject(cause), drain: () => realBatcher.drain() };
    try {
      const response = await t.call('POST', '/api/leads', { email: 'boom@internal-error.com' });
      expect(response.status).toBe(500);
      expect(response.body.error.code).toBe('INTERNAL');
      const text = JSON.stringify(response.body);
      for (const leak of ['insert into', 'constraint', 'leads_email_key', 'Error:', '.ts:', '    at ']) expect(text).not.toContain(leak);
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toEqual(expect.any(String));
      expect(response.body.error.requestId).toBe(requestId);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");

      const logged = logLines.find((line) => line.level === 50);
      expect(logged?.requestId).toBe(requestId);
      expect(logged?.err?.message).toContain('insert into leads');
      expect(logged?.err?.stack).toContain('internal-error.test.ts');
    } finally {
      t.services.logger = quietLogger;
      t.services.captureBatcher = realBatcher;
    }
  });
});
