import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

const pathsOf = (body: { error: { issues: { path: string }[] } }) => body.error.issues.map((issue) => issue.path);

describeEachDatabase('campaigns API', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => new Date('2026-03-02T15:00:00Z') });
  });
  afterAll(() => t.destroy());

  it('creates a campaign with cost in minor units and counts its leads and touches', async () => {
    const created = await t.call('POST', '/api/campaigns', { name: 'Q1 Pipeline Webinar', channel: 'webinar', source: 'webinar', costMinor: 1_200_000, currency: 'EUR', startsOn: '2026-01-01', endsOn: '2026-01-31' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Q1 Pipeline Webinar', channel: 'webinar', costMinor: 1_200_000, currency: 'EUR', startsOn: '2026-01-01', endsOn: '2026-01-31', leadCount: 0, touchCount: 0 });
    const minimal = await t.call('POST', '/api/campaigns', { name: 'Partner referrals', channel: 'partner' });
    expect(minimal.body).toMatchObject({ costMinor: 0, currency: 'USD', startsOn: null, endsOn: null, source: null });

    const lead = await t.call('POST', '/api/leads', { email: 'kim@campaign-test.com', campaign: 'Q1 Pipeline Webinar', touch: { type: 'webinar' } });
    expect(lead.status).toBe(201);
    await t.call('POST', '/api/touches', { leadId: lead.body.leadId, type: 'email_click', campaign: created.body.id, occurredAt: '2026-01-05T10:00:00Z' });
    const detail = await t.call('GET', `/api/campaigns/${created.body.id}`);
    expect(detail.body).toMatchObject({ leadCount: 1, touchCount: 2 });
    const list = await t.call('GET', '/api/campaigns');
    expect(list.body.campaigns.map((campaign: { name: string; leadCount: number }) => [campaign.name, campaign.leadCount])).toEqual([
      ['Q1 Pipeline Webinar', 1],
      ['Partner referrals', 0],
    ]);
    const [audit] = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', created.body.id).execute();
    expect(audit).toMatchObject({ action: 'create', entity_type: 'campaign', new_values: { name: 'Q1 Pipeline Webinar', cost_minor: 1_200_000, currency: 'EUR' } });
  });

  it('refuses a taken name with 409 and bad input with 400 naming the field', async () => {
    const taken = await t.call('POST', '/api/campaigns', { name: 'q1 pipeline webinar', channel: 'email' });
    expect(taken.status).toBe(409);
    expect(pathsOf(taken.body)).toEqual(['name']);
    const base = { name: 'Fresh campaign', channel: 'event' };
    const cases: [unknown, string][] = [
      [{ channel: 'event' }, 'name'],
      [{ ...base, channel: 'carrier_pigeon' }, 'channel'],
      [{ ...base, costMinor: -1 }, 'costMinor'],
      [{ ...base, costMinor: 99.5 }, 'costMinor'],
      [{ ...base, costMinor: '1200' }, 'costMinor'],
      [{ ...base, currency: 'Dollars' }, 'currency'],
      [{ ...base, currency: 'ZZZ' }, 'currency'],
      [{ ...base, startsOn: '2026-13-01' }, 'startsOn'],
      [{ ...base, endsOn: '31/01/2026' }, 'endsOn'],
      [{ ...base, startsOn: '2026-02-01', endsOn: '2026-01-31' }, 'endsOn'],
    ];
    for (const [body, path] of cases) {
      const response = await t.call('POST', '/api/campaigns', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(pathsOf(response.body), JSON.stringify(body)).toContain(path);
    }
    expect((await t.call('GET', '/api/campaigns/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.call('GET', '/api/campaigns/q1')).status).toBe(400);
  });

  it('updates cost, dates and name, checking dates against the stored ones, and audits old and new values', async () => {
    const [webinar] = (await t.call('GET', '/api/campaigns')).body.campaigns;
    const updated = await t.call('PATCH', `/api/campaigns/${webinar.id}`, { costMinor: 1_500_000, endsOn: '2026-02-15', name: 'Q1 Webinar' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ costMinor: 1_500_000, endsOn: '2026-02-15', name: 'Q1 Webinar', startsOn: '2026-01-01', leadCount: 1 });
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', webinar.id).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(audit.old_values).toEqual({ name: 'Q1 Pipeline Webinar', cost_minor: 1_200_000, ends_on: '2026-01-31' });
    expect(audit.new_values).toEqual({ name: 'Q1 Webinar', cost_minor: 1_500_000, ends_on: '2026-02-15' });

    const endsTooSoon = await t.call('PATCH', `/api/campaigns/${webinar.id}`, { endsOn: '2025-12-31' });
    expect(endsTooSoon.status).toBe(400);
    expect(pathsOf(endsTooSoon.body)).toEqual(['endsOn']);
    const startsTooLate = await t.call('PATCH', `/api/campaigns/${webinar.id}`, { startsOn: '2026-03-01' });
    expect(startsTooLate.status).toBe(400);
    expect(pathsOf(startsTooLate.body)).toEqual(['startsOn']);
    const renamedOnto = await t.call('PATCH', `/api/campaigns/${webinar.id}`, { name: 'PARTNER REFERRALS' });
    expect(renamedOnto.status).toBe(409);
    expect(pathsOf(renamedOnto.body)).toEqual(['name']);
    expect((await t.call('PATCH', `/api/campaigns/${webinar.id}`, { costMinor: -5 })).status).toBe(400);
    expect((await t.call('PATCH', `/api/campaigns/${webinar.id}`, { leadCount: 5 })).status).toBe(400);
    expect((await t.call('PATCH', '/api/campaigns/00000000-0000-4000-8000-000000000000', { costMinor: 5 })).status).toBe(404);
  });

  it('documents its paths in the OpenAPI document', async () => {
    const document = await t.call('GET', '/openapi.json');
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/campaigns', '/api/campaigns/{id}']));
  });
});
