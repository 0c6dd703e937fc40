import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

const pathsOf = (body: { error: { issues: { path: string }[] } }) => body.error.issues.map((issue) => issue.path);
const now = new Date('2026-03-02T15:00:00Z');

describeEachDatabase('touches API', (kind) => {
  let t: TestApp;
  const reps: Record<string, string> = {};
  let leadId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { now: () => now });
    for (const [name, accountClass] of [['Inside Sales', 'inside'], ['Digital Sales', 'marketing_led'], ['Field Sales', 'field']]) {
      expect((await t.call('POST', '/api/teams', { name, accountClass })).status).toBe(201);
    }
    const people = [
      { email: 'iris@example.com', name: 'Iris Away', team: 'Inside Sales', capacity: 10, awayUntil: '2026-03-09' },
      { email: 'ivan@example.com', name: 'Ivan Inside', team: 'Inside Sales', capacity: 10 },
      { email: 'dora@example.com', name: 'Dora Digital', team: 'Digital Sales', capacity: 10 },
      { email: 'fiona@example.com', name: 'Fiona Field', team: 'Field Sales', capacity: 10 },
    ];
    for (const person of people) {
      const created = await t.call('POST', '/api/users', { ...person, role: 'sales_rep' });
      expect(created.status).toBe(201);
      reps[person.email] = created.body.id;
    }
    // VP at a 400-person software company in the US with a business address: grade A, but a content
    // download alone is not enough engagement and not a raised hand, so it stays an inquiry.
    const captured = await t.call('POST', '/api/leads', {
      email: 'dana.reyes@acme-robotics.com',
      firstName: 'Dana',
      lastName: 'Reyes',
      title: 'VP Sales',
      company: 'Acme Robotics',
      industry: 'software',
      employees: 400,
      country: 'US',
      touch: { type: 'content_download' },
    });
    expect(captured.body).toMatchObject({ outcome: 'created', stage: 'inquiry', grade: 'A' });
    leadId = captured.body.leadId;
    await t.call('POST', '/api/campaigns', { name: 'Spring Webinar', channel: 'webinar', source: 'webinar' });
  });
  afterAll(() => t.destroy());

  it('records a touch, rescores the lead, and a retried post adds nothing', async () => {
    const touch = { leadId, type: 'webinar', occurredAt: '2026-03-01T16:00:00Z', campaign: 'Spring Webinar', detail: { session: 'EMEA' } };
    const first = await t.call('POST', '/api/touches', touch);
    expect(first.status).toBe(201);
    expect(first.body.duplicate).toBe(false);
    expect(first.body.touch).toMatchObject({ leadId, type: 'webinar', occurredAt: '2026-03-01T16:00:00.000Z', campaignName: 'Spring Webinar', channel: 'webinar', source: 'webinar', detail: { session: 'EMEA' } });
    expect(first.body.lead).toMatchObject({ id: leadId, stage: 'inquiry', grade: 'A', ownerId: null });
    expect(first.body.lead.engagementScore).toBeGreaterThan(20);

    const retry = await t.call('POST', '/api/touches', touch);
    expect(retry.status).toBe(200);
    expect(retry.body.duplicate).toBe(true);
    expect(retry.body.touch.id).toBe(first.body.touch.id);
    expect(retry.body.lead.engagementScore).toBe(first.body.lead.engagementScore);
    const racing = { leadId, type: 'visit', occurredAt: '2026-03-02T09:30:00Z' };
    const raced = await Promise.all([t.call('POST', '/api/touches', racing), t.call('POST', '/api/touches', racing)]);
    expect(raced.map((response) => response.status).sort()).toEqual([200, 201]);
    const stored = await t.call('GET', `/api/leads/${leadId}`);
    expect(stored.body.lead.engagementScore).toBe(raced.find((response) => response.status === 201)!.body.lead.engagementScore);
    const listed = await t.call('GET', `/api/touches?leadId=${leadId}`);
    expect(listed.body.touches.map((row: { type: string }) => row.type)).toEqual(['content_download', 'visit', 'webinar']);
  });

  it('turns the inquiry into an MQL on a demo request and routes it to an available inside rep', async () => {
    const raised = await t.call('POST', '/api/touches', { leadId, type: 'demo_request' });
    expect(raised.status).toBe(201);
    expect(raised.body.lead).toMatchObject({ stage: 'mql', grade: 'A', accountClass: 'inside', ownerId: reps['ivan@example.com'], mqlClause: 'Good fit and engaged' });
    expect(raised.body.lead.routing.skipped).toEqual([expect.objectContaining({ repId: reps['iris@example.com'], why: 'away' })]);
    const lead = await t.call('GET', `/api/leads/${leadId}`);
    expect(lead.body.events.map((event: { toStage: string | null }) => event.toStage).filter(Boolean)).toEqual(['inquiry', 'mql']);
    expect(lead.body.touches).toHaveLength(4);
    const users = await t.call('GET', '/api/users?team=Inside%20Sales');
    expect(Object.fromEntries(users.body.users.map((user: { email: string; openLeadCount: number }) => [user.email, user.openLeadCount]))).toEqual({ 'iris@example.com': 0, 'ivan@example.com': 1 });
    const teams = await t.call('GET', '/api/teams');
    expect(teams.body.teams.find((team: { name: string }) => team.name === 'Inside Sales').openLeadCount).toBe(1);

    const later = await t.call('POST', '/api/touches', { leadId, type: 'email_click' });
    expect(later.body.lead).toMatchObject({ stage: 'mql', ownerId: reps['ivan@example.com'] });
    expect((await t.call('GET', '/api/users?team=Inside%20Sales')).body.users.find((user: { email: string }) => user.email === 'ivan@example.com').openLeadCount).toBe(1);
  });

  it('answers bad input with 400 naming the field, an unknown lead with 404 and a merged lead with 409 naming the survivor', async () => {
    const cases: [unknown, string][] = [
      [{ leadId, type: 'webinar', campaign: 'No Such Campaign' }, 'campaign'],
      [{ leadId, type: 'carrier_pigeon' }, 'type'],
      [{ leadId: 'dana', type: 'webinar' }, 'leadId'],
      [{ type: 'webinar' }, 'leadId'],
      [{ leadId, type: 'webinar', occurredAt: 'yesterday' }, 'occurredAt'],
      [{ leadId, type: 'webinar', occurredAt: '2026-04-01T00:00:00Z' }, 'occurredAt'],
      [{ leadId, type: 'webinar', detail: { nested: { no: true } } }, 'detail.nested'],
    ];
    for (const [body, path] of cases) {
      const response = await t.call('POST', '/api/touches', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(pathsOf(response.body), JSON.stringify(body)).toContain(path);
    }
    expect((await t.call('POST', '/api/touches', { leadId: '00000000-0000-4000-8000-000000000000', type: 'webinar' })).status).toBe(404);

    const survivor = await t.call('POST', '/api/leads', { email: 'pat@merge-touch.com', firstName: 'Pat' });
    const duplicate = await t.call('POST', '/api/leads', { email: 'pat.other@merge-touch.com', firstName: 'Pat' });
    expect((await t.call('POST', `/api/leads/${survivor.body.leadId}/merge`, { otherLeadId: duplicate.body.leadId })).status).toBe(200);
    const merged = await t.call('POST', '/api/touches', { leadId: duplicate.body.leadId, type: 'webinar' });
    expect(merged.status).toBe(409);
    expect(merged.body.error.message).toContain(survivor.body.leadId);
    expect(pathsOf(merged.body)).toEqual(['leadId']);
  });

  it('lists touches by campaign and type with cursor pagination', async () => {
    const byCampaign = await t.call('GET', '/api/touches?campaign=Spring%20Webinar');
    expect(byCampaign.body.touches.map((row: { type: string }) => row.type)).toEqual(['webinar']);
    expect(byCampaign.body.touches[0]).toMatchObject({ leadEmail: 'dana.reyes@acme-robotics.com', campaignName: 'Spring Webinar' });
    const clicks = await t.call('GET', '/api/touches?type=email_click');
    expect(clicks.body.touches).toHaveLength(1);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { touches: { id: string }[]; nextCursor: string | null } } = await t.call('GET', `/api/touches?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.touches.map((row) => row.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const total = await t.database.db.selectFrom('touches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(seen).toHaveLength(Number(total.n));
    expect(new Set(seen).size).toBe(seen.length);
    const bad: [string, string][] = [
      ['campaign=Nope', 'campaign'],
      ['type=fax', 'query.type'],
      ['leadId=abc', 'query.leadId'],
      ['cursor=zzz', 'cursor'],
    ];
    for (const [query, path] of bad) {
      const response = await t.call('GET', `/api/touches?${query}`);
      expect(response.status, query).toBe(400);
      expect(pathsOf(response.body), query).toContain(path);
    }
  });

  it('documents its paths in the OpenAPI document', async () => {
    const document = await t.call('GET', '/openapi.json');
    expect(Object.keys(document.body.paths['/api/touches'])).toEqual(expect.arrayContaining(['get', 'post']));
  });
});
