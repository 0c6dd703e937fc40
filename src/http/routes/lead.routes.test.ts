import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSalesOrg } from '../../../test/support/sales-org.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

describeEachDatabase('leads API', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await createSalesOrg(t.database.db);
  });
  afterAll(() => t.destroy());

  it('captures a lead and shows it with the score explanation, routing reason and timeline', async () => {
    const created = await t.call('POST', '/api/leads', { email: 'Ana.Silva@Orbit-Analytics.io', firstName: 'Ana', lastName: 'Silva', title: 'Director of Marketing', company: 'Orbit Analytics GmbH', employees: 250, country: 'Germany', touch: { type: 'demo_request' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ outcome: 'created', stage: 'mql' });
    const detail = await t.call('GET', `/api/leads/${created.body.leadId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.lead.email).toBe('ana.silva@orbit-analytics.io');
    expect(detail.body.lead.country).toBe('DE');
    const explanation = detail.body.lead.scoreExplanation;
    expect(explanation.fit.length).toBeGreaterThan(0);
    expect(explanation.fit[0]).toEqual({ ruleId: expect.any(String), label: expect.any(String), points: expect.any(Number) });
    expect(explanation.engagement[0]).toMatchObject({ touchType: 'demo_request', touches: 1, counted: 1 });
    expect(explanation.grade).toEqual({ basis: expect.stringMatching(/^(fit|total)$/), value: expect.any(Number), thresholds: { A: expect.any(Number), B: expect.any(Number), C: expect.any(Number) }, grade: detail.body.lead.grade });
    expect(explanation.handRaiser).toBe(true);
    expect(detail.body.lead.routing).toMatchObject({ reason: expect.any(String), strategy: expect.any(String), skipped: expect.any(Array), ownerId: detail.body.lead.ownerId });
    expect(detail.body.owner).not.toBeNull();
    expect(detail.body.account).toMatchObject({ name: expect.any(String), domain: 'orbit-analytics.io', accountClass: detail.body.lead.accountClass });
    expect(detail.body.account.id).toBe(detail.body.lead.accountId);
    expect(detail.body.touches).toEqual([
      { id: expect.any(String), type: 'demo_request', occurredAt: expect.any(String), source: null, channel: null, campaignId: null, campaignName: null, detail: null },
    ]);
    const events = detail.body.events as { type: string; toStage: string | null; fromStage: string | null; at: string; actor: { type: string; id: string | null; label: string }; detail: Record<string, unknown> | null }[];
    expect(events.map((event) => event.toStage).filter(Boolean)).toEqual(['inquiry', 'mql']);
    // `call` acts as the admin's API key: the timeline names it.
    expect(events.find((event) => event.toStage === 'inquiry')?.actor).toEqual({ type: 'api_key', id: expect.any(String), label: expect.stringMatching(/^API key "/) });
    const assignment = events.find((event) => event.type === 'assignment');
    expect(assignment?.detail).toMatchObject({ strategy: detail.body.lead.routing.strategy, ownerId: detail.body.lead.ownerId, skipped: expect.any(Array) });
    expect(assignment?.actor).toEqual({ type: 'system', id: null, label: 'leadpact' });
    const again = await t.call('POST', '/api/leads', { email: 'ana.silva+webinar@orbit-analytics.io', touch: { type: 'webinar' } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: 'merged', leadId: created.body.leadId });
  });

  it('answers bad input with 400 naming the field, never a 500', async () => {
    const cases: [unknown, string][] = [
      [{ email: 'nobody-at-example.com' }, 'email'],
      [{ firstName: 'No identity' }, 'email'],
      [{ email: 'a@b.io', employees: 'many' }, 'employees'],
      [{ email: 'a@b.io', touch: { type: 'carrier_pigeon' } }, 'touch.type'],
      [{ email: 'a@b.io', surprise: true }, 'surprise'],
      [{ email: 'a@b.io', externalId: '42' }, 'externalSource'],
    ];
    for (const [body, path] of cases) {
      const response = await t.call('POST', '/api/leads', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
      expect(response.body.error.requestId).toEqual(expect.any(String));
    }
    const broken = await t.call('POST', '/api/leads', '{"email": ', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('VALIDATION_FAILED');
    const badFilter = await t.call('GET', '/api/leads?stage=hot&limit=0');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['query.limit', 'query.stage']);
    expect((await t.call('GET', '/api/leads/not-a-uuid')).status).toBe(400);
    expect((await t.call('GET', '/api/leads/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.call('GET', '/api/leads?cursor=garbage')).status).toBe(400);
  });

  it('lists with filters, text search and cursor pagination without repeats', async () => {
    for (let index = 0; index < 7; index += 1) {
      await t.call('POST', '/api/leads', { email: `list${index}@paging-test.com`, firstName: `Pager${index}`, source: 'Paging Source' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { leads: { id: string; source: string }[]; nextCursor: string | null } } = await t.call('GET', `/api/leads?source=paging%20source&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.leads.map((lead) => lead.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const search = await t.call('GET', '/api/leads?q=pager3');
    expect(search.body.leads.map((lead: { firstName: string }) => lead.firstName)).toEqual(['Pager3']);
    const junk = await t.call('POST', '/api/leads', { email: 'qwe@yopmail.com', firstName: 'Qwe' });
    expect(junk.body.outcome).toBe('junk');
    const junkList = await t.call('GET', '/api/leads?stage=junk');
    expect(junkList.body.leads.map((lead: { id: string }) => lead.id)).toContain(junk.body.leadId);
  });

  it('merges a duplicate keeping both histories, and junk is reversible', async () => {
    const first = await t.call('POST', '/api/leads', { email: 'sam.lee@merge-co.com', firstName: 'Sam', lastName: 'Lee', phone: '+1 212 555 0147' });
    const second = await t.call('POST', '/api/leads', { email: 'samlee77@gmail.com', firstName: 'Sam', lastName: 'Lee', phone: '(212) 555-0147', country: 'US' });
    const flagged = await t.call('GET', `/api/leads/${second.body.leadId}`);
    expect(flagged.body.duplicates).toEqual([
      {
        id: expect.any(String),
        otherLead: { id: first.body.leadId, name: 'Sam Lee', email: 'sam.lee@merge-co.com', company: null, stage: expect.any(String), grade: expect.any(String), mergedIntoId: null },
        matchKind: 'phone',
        reason: expect.stringContaining('same phone'),
        status: 'open',
        flaggedAt: expect.any(String),
        resolvedAt: null,
      },
    ]);
    const merged = await t.call('POST', `/api/leads/${first.body.leadId}/merge`, { otherLeadId: second.body.leadId });
    expect(merged.status).toBe(200);
    const survivor = await t.call('GET', `/api/leads/${first.body.leadId}`);
    expect(survivor.body.touches).toHaveLength(2);
    const gone = await t.call('GET', `/api/leads/${second.body.leadId}`);
    expect(gone.body.lead.mergedIntoId).toBe(first.body.leadId);
    expect(gone.body.events.find((event: { type: string }) => event.type === 'merged')?.detail).toMatchObject({ survivorId: first.body.leadId, mergedId: second.body.leadId });
    expect(gone.body.duplicates[0]).toMatchObject({ status: 'merged', resolvedAt: expect.any(String) });
    const recapture = await t.call('POST', '/api/leads', { email: 'sam.lee.77@gmail.com' });
    expect(recapture.body).toMatchObject({ outcome: 'merged', leadId: first.body.leadId });
    expect((await t.call('POST', `/api/leads/${first.body.leadId}/merge`, { otherLeadId: second.body.leadId })).status).toBe(409);

    const junked = await t.call('POST', `/api/leads/${first.body.leadId}/junk`, { reason: 'Agency reselling our product' });
    expect(junked.body.stage).toBe('junk');
    const restored = await t.call('POST', `/api/leads/${first.body.leadId}/restore`, { reason: 'It is a real prospect' });
    expect(restored.status).toBe(200);
    expect(['inquiry', 'mql']).toContain(restored.body.stage);
    expect((await t.call('POST', `/api/leads/${first.body.leadId}/restore`, { reason: 'again' })).status).toBe(409);
  });

  it('serves the OpenAPI 3.1 document and a readable docs page', async () => {
    const document = await t.call('GET', '/openapi.json');
    expect(document.body.openapi).toBe('3.1.0');
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/leads', '/api/leads/{id}', '/api/capture', '/api/pact-versions']));
    const docs = await t.app.request('/docs');
    expect(await docs.text()).toContain('/api/leads/{id}');
  });
});
