import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createSalesOrg, type SalesOrg } from '../../../test/support/sales-org.ts';
import { installDefaultPact } from '../pact/install-default-pact.ts';
import { captureLeads, type CaptureActor, type CaptureItem } from './capture-leads.ts';

const actor: CaptureActor = { type: 'api_key', id: null, label: 'test' };
const now = new Date('2026-11-20T15:00:00Z');

const hotLead = (email: string, extra: Partial<CaptureItem['input']> = {}): CaptureItem => ({
  input: {
    email,
    firstName: 'Dana',
    lastName: 'Reyes',
    title: 'VP of Sales',
    company: 'Acme Robotics Inc.',
    employees: 300,
    industry: 'Software',
    country: 'USA',
    phone: '+1 415 555 0199',
    website: 'https://www.acme-robotics.com',
    touch: { type: 'demo_request' },
    ...extra,
  },
});

describeEachDatabase('captureLeads', (kind) => {
  let database: TestDatabase;
  let org: SalesOrg;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
    org = await createSalesOrg(database.db, { inside: { 'ivan@example.test': 1, 'iris@example.test': 1 } });
  });
  afterAll(() => database.destroy());

  it('creates, scores, grades, qualifies and routes a hot lead with every decision explained', async () => {
    const [result] = await captureLeads(database.db, { items: [hotLead('dana.reyes@acme-robotics.com')], actor, now, defaultTouchType: 'form_fill' });
    expect(result).toMatchObject({ outcome: 'created', stage: 'mql', grade: 'A' });
    if (result?.outcome !== 'created') throw new Error('expected created');
    const lead = await database.db.selectFrom('leads').selectAll().where('id', '=', result.leadId).executeTakeFirstOrThrow();
    expect(lead.country).toBe('US');
    expect(lead.phone).toBe('+14155550199');
    expect(lead.company_key).toBe('acme robotics');
    expect(lead.account_class).toBe('inside');
    expect([org.reps['ivan@example.test'], org.reps['iris@example.test']]).toContain(lead.owner_id);
    const explanation = lead.score_explanation as { fit: { ruleId: string; points: number }[]; engagement: { touchType: string }[] };
    expect(explanation.fit.length).toBeGreaterThan(3);
    expect(explanation.fit.reduce((sum, rule) => sum + rule.points, 0)).toBeGreaterThanOrEqual(lead.fit_score!);
    expect(explanation.engagement.map((rule) => rule.touchType)).toEqual(['demo_request']);
    expect((lead.routing as { reason: string }).reason).toMatch(/round-robin|Account owner/i);
    const account = await database.db.selectFrom('accounts').selectAll().where('id', '=', lead.account_id!).executeTakeFirstOrThrow();
    expect(account.domain).toBe('acme-robotics.com');
    const events = await database.db.selectFrom('lead_events').selectAll().where('lead_id', '=', lead.id).orderBy('id').execute();
    expect(events.map((event) => [event.type, event.from_stage, event.to_stage])).toEqual([
      ['stage_change', null, 'inquiry'],
      ['stage_change', 'inquiry', 'mql'],
      ['assignment', null, null],
    ]);
  });

  it('turns a re-capture of the same person (case, spaces, +tag) into a touch on the same lead', async () => {
    const results = await captureLeads(database.db, { items: [hotLead('  Dana.Reyes+events@ACME-robotics.com ', { touch: { type: 'webinar' } })], actor, now, defaultTouchType: 'form_fill' });
    expect(results[0]).toMatchObject({ outcome: 'merged', changed: true });
    const leads = await database.db.selectFrom('leads').select('id').where('email_key', '=', 'dana.reyes@acme-robotics.com').execute();
    expect(leads).toHaveLength(1);
    const touches = await database.db.selectFrom('touches').select('type').where('lead_id', '=', leads[0]!.id).execute();
    expect(touches.map((touch) => touch.type).sort()).toEqual(['demo_request', 'webinar']);
  });

  it('keeps junk as junk with its reason, and rejects an unusable e-mail naming the field', async () => {
    const results = await captureLeads(database.db, {
      items: [{ input: { email: 'someone@mailinator.com', firstName: 'Real', lastName: 'Person' } }, { input: { email: 'not-an-address' } }],
      actor,
      now,
      defaultTouchType: 'form_fill',
    });
    expect(results[0]).toMatchObject({ outcome: 'junk', stage: 'junk' });
    expect(results[1]).toMatchObject({ outcome: 'rejected' });
    if (results[1]?.outcome !== 'rejected') throw new Error('expected rejection');
    expect(results[1].issues[0]?.path).toBe('email');
    const junk = await database.db.selectFrom('leads').selectAll().where('email', '=', 'someone@mailinator.com').executeTakeFirstOrThrow();
    expect(junk.junk_code).toBe('disposable_email');
    expect(junk.junk_reason).toBeTruthy();
  });

  it('never assigns past capacity: with both inside reps full, the next MQL waits unassigned with a reason', async () => {
    // ivan and iris have capacity 1; the first test used one slot.
    const [second] = await captureLeads(database.db, { items: [hotLead('lee@beta-widgets.com', { firstName: 'Lee', website: 'beta-widgets.com' })], actor, now, defaultTouchType: 'form_fill' });
    const [third] = await captureLeads(database.db, { items: [hotLead('kim@gamma-tools.com', { firstName: 'Kim', website: 'gamma-tools.com' })], actor, now, defaultTouchType: 'form_fill' });
    if (second?.outcome !== 'created' || third?.outcome !== 'created') throw new Error('expected created');
    const rows = await database.db.selectFrom('leads').select(['id', 'owner_id', 'routing']).where('id', 'in', [second.leadId, third.leadId]).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(second.leadId)?.owner_id).not.toBeNull();
    expect(byId.get(third.leadId)?.owner_id).toBeNull();
    expect((byId.get(third.leadId)?.routing as { reason: string }).reason).toMatch(/capacity/);
    const reps = await database.db.selectFrom('users').select(['open_lead_count', 'capacity']).where('role', '=', 'sales_rep').execute();
    for (const rep of reps) expect(rep.open_lead_count).toBeLessThanOrEqual(rep.capacity);
  });

  it('flags a likely duplicate (same phone, another address) for review without merging', async () => {
    const [first] = await captureLeads(database.db, { items: [{ input: { email: 'pat@delta-co.com', firstName: 'Pat', lastName: 'Lo', phone: '+44 20 7946 0123' } }], actor, now, defaultTouchType: 'form_fill' });
    const [second] = await captureLeads(database.db, { items: [{ input: { email: 'pat.lo@gmail.com', firstName: 'Pat', lastName: 'Lo', phone: '020 7946 0123', country: 'GB' } }], actor, now, defaultTouchType: 'form_fill' });
    if (first?.outcome !== 'created' || second?.outcome !== 'created') throw new Error('expected two leads');
    const candidates = await database.db.selectFrom('duplicate_candidates').selectAll().where('lead_id', '=', second.leadId).execute();
    expect(candidates.map((candidate) => candidate.other_lead_id)).toEqual([first.leadId]);
  });

  it('makes one lead of one person however many captures race', async () => {
    const email = 'race@epsilon-labs.com';
    const results = await Promise.all(Array.from({ length: 12 }, () => captureLeads(database.db, { items: [{ input: { email, firstName: 'Ray' } }], actor, now, defaultTouchType: 'form_fill' })));
    const outcomes = results.map((result) => result[0]!.outcome);
    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(1);
    const leads = await database.db.selectFrom('leads').select('id').where('email_key', '=', email).execute();
    expect(leads).toHaveLength(1);
  });
});

