import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

// Found by the API fuzzer: erasing a person rewrites their e-mail wherever it is stored, and a
// campaign named after them became `Invite [erased]` — a name another campaign already had — so
// the erasure failed with a unique violation (500) and the person stayed.
describeEachDatabase('erasure where the redacted text collides with a unique value', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.destroy());

  it('erases the person and numbers the colliding text instead of failing', async () => {
    expect((await t.call('POST', '/api/leads', { email: 'evan.unique@initech.example', firstName: 'Evan' })).status).toBe(201);
    const named = await t.call('POST', '/api/campaigns', { name: 'Invite evan.unique@initech.example', channel: 'email' });
    expect((await t.call('POST', '/api/campaigns', { name: 'Invite [erased]', channel: 'email' })).status).toBe(201);
    expect((await t.call('POST', '/api/campaigns', { name: 'Invite [erased] (2)', channel: 'email' })).status).toBe(201);

    const erasure = await t.call('POST', '/api/privacy/erasures', { email: 'evan.unique@initech.example', reason: 'request 2026-7' });
    expect(erasure.status).toBe(200);
    const campaign = await t.call('GET', `/api/campaigns/${named.body.id}`);
    expect(campaign.body.name).toBe('Invite [erased] (3)');
    expect(JSON.stringify((await t.call('GET', '/api/campaigns')).body)).not.toContain('evan.unique');
  });
});
