import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

// Found by the API fuzzer: a version number past PostgreSQL's integer range reached SQL
// ("value 2147483648 is out of range for type integer") and came back as a 500.
describeEachDatabase('pact version numbers beyond a PostgreSQL integer are a 400', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.destroy());

  it.each([
    ['GET', '/api/pact-versions/2147483648'],
    ['GET', '/api/pact-versions/1/diff?against=2147483648'],
    ['GET', '/api/pact-versions/99999999999999999999/diff'],
    ['POST', '/api/pact-versions/2147483648/activate'],
    ['POST', '/api/pact-versions/2147483648/approve'],
  ])('%s %s', async (method, path) => {
    const response = await t.call(method, path);
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toMatch(/version|against/);
  });

  it('the largest integer is simply a version that does not exist', async () => {
    expect((await t.call('GET', '/api/pact-versions/2147483647')).status).toBe(404);
  });
});
