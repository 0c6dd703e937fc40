import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

// Found by the API fuzzer: the lead id in the path was only documented as a uuid, not checked, so
// `POST /api/leads/1.5/junk` reached SQL and failed there with a 500.
describeEachDatabase('a lead id in the path that is not a uuid is a 400, on every lead route', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.destroy());

  it.each([
    ['GET', '/api/leads/1.5', undefined],
    ['PATCH', '/api/leads/null', { stage: 'sal' }],
    ['POST', '/api/leads/1.5/junk', { reason: 'spam submission' }],
    ['POST', '/api/leads/null/restore', { reason: 'restored after review' }],
    ['POST', "/api/leads/'--/merge", { otherLeadId: '00000000-0000-4000-8000-000000000000' }],
  ])('%s %s', async (method, path, body) => {
    const response = await t.call(method, path, body);
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toMatch(/id$/);
  });
});
