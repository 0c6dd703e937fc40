import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import { insertTeam } from '../../modules/team/user.repository.ts';

describeEachDatabase('changing a lead by hand (PATCH /api/leads/{id})', (kind) => {
  let t: TestApp;
  let logLines: Record<string, unknown>[];
  const keys: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const as = (who: string) => ({ apiKey: keys[who]! });

  beforeAll(async () => {
    t = await createTestApp(kind);
    logLines = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (logLines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) });
    t.services.logger = pino({ level: 'warn' }, sink);
    const east = await insertTeam(t.database.db, { name: 'East', account_class: 'inside' });
    const west = await insertTeam(t.database.db, { name: 'West', account_class: 'inside' });
    const people = [
      ['rep1', 'sales_rep', east.id],
      ['rep2', 'sales_rep', east.id],
      ['manager', 'sales_manager', east.id],
      ['westRep', 'sales_rep', west.id],
      ['westManager', 'sales_manager', west.id],
      ['marketing', 'marketing', null],
    ] as const;
    for (const [name, role, teamId] of people) {
      const user = await t.createUser({ role, teamId, password: null, name });
      ids[name] = user.id;
      keys[name] = await t.createApiKey(user.id);
    }
  });
  afterAll(() => t.destroy());

  const openCount = async (who: string) => (await t.database.db.selectFrom('users').select('open_lead_count').where('id', '=', ids[who]!).executeTakeFirstOrThrow()).open_lead_count;
  const events = (leadId: string) => t.database.db.selectFrom('lead_events').selectAll().where('lead_id', '=', leadId).orderBy('id').execute();
  const audit = (leadId: string) => t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'lead').where('entity_id', '=', leadId).orderBy('id').execute();

  it('moves owner and stage under the policy, keeping open-lead counts, the timeline and the audit log true', async () => {
    const captured = await t.call('POST', '/api/leads', { email: 'quinn.hale@lattice-works.com', firstName: 'Quinn', lastName: 'Hale', company: 'Lattice Works' });
    const leadId = captured.body.leadId as string;
    const path = `/api/leads/${leadId}`;

    // Nobody's yet: a rep does not see it, marketing may not hand it out, an admin may.
    expect((await t.callAs(as('rep1'), 'PATCH', path, { stage: 'mql' })).status).toBe(404);
    expect((await t.callAs(as('marketing'), 'PATCH', path, { ownerId: ids.rep1 })).status).toBe(403);
    const assigned = await t.call('PATCH', path, { ownerId: ids.rep1, reason: 'Met at the trade show' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ ownerId: ids.rep1, stage: captured.body.stage });
    expect(await openCount('rep1')).toBe(1);

    // The owner takes one step; skipping, choosing an owner and setting the score are not theirs.
    expect((await t.callAs(as('rep1'), 'PATCH', path, { stage: 'mql', reason: 'Asked for pricing' })).body.stage).toBe('mql');
    const skip = await t.callAs(as('rep1'), 'PATCH', path, { stage: 'sql' });
    expect(skip.status).toBe(403);
    expect((await t.callAs(as('rep1'), 'PATCH', path, { ownerId: ids.rep2 })).status).toBe(403);
    const score = await t.callAs(as('rep1'), 'PATCH', path, { score: 99, grade: 'A' });
    expect(score.status).toBe(400);
    expect(score.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(['score', 'grade']);
    expect((await t.callAs(as('rep1'), 'PATCH', path, { stage: 'mql' })).status).toBe(409);
    expect((await t.callAs(as('rep1'), 'PATCH', path, { stage: 'junk' })).status).toBe(400);

    // Contact corrections are normalized and the lead is rescored.
    const corrected = await t.callAs(as('rep1'), 'PATCH', path, { title: 'VP  Sales', country: 'us', phone: '(415) 555-2671' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ title: 'VP Sales', seniority: 'vp', country: 'US', phone: '+14155552671', phoneValid: true });
    expect(corrected.body.scoreExplanation).not.toBeNull();

    // The other team's manager cannot see it; the lead's manager hands it on within the team only.
    expect((await t.callAs(as('westManager'), 'PATCH', path, { ownerId: ids.westRep })).status).toBe(404);
    expect((await t.callAs(as('manager'), 'PATCH', path, { ownerId: ids.westRep })).status).toBe(403);
    expect((await t.callAs(as('manager'), 'PATCH', path, { ownerId: ids.rep2 })).status).toBe(200);
    expect([await openCount('rep1'), await openCount('rep2')]).toEqual([0, 1]);
    expect((await t.callAs(as('rep1'), 'GET', path)).status).toBe(404);

    // Closing needs the disposition; closing frees capacity; an admin may reopen two steps back.
    const noReason = await t.callAs(as('rep2'), 'PATCH', path, { stage: 'disqualified' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe('dispositionCode');
    const closed = await t.callAs(as('rep2'), 'PATCH', path, { stage: 'disqualified', dispositionCode: 'wrong_target' });
    expect(closed.body).toMatchObject({ stage: 'disqualified', dispositionCode: 'wrong_target' });
    expect(await openCount('rep2')).toBe(0);
    expect((await t.callAs(as('rep2'), 'PATCH', path, { stage: 'sal' })).status).toBe(403);
    const reopened = await t.call('PATCH', path, { stage: 'sal', reason: 'Disqualified by mistake' });
    expect(reopened.body).toMatchObject({ stage: 'sal', dispositionCode: null });
    expect(await openCount('rep2')).toBe(1);

    const timeline = await events(leadId);
    // From the first hand-made change on (capture wrote the ones before).
    const manual = timeline.slice(timeline.findIndex((event) => event.type === 'assignment'));
    expect(manual.map((event) => [event.type, event.to_stage])).toEqual([
      ['assignment', null],
      ['stage_change', 'mql'],
      ['updated', null],
      ['assignment', null],
      ['stage_change', 'disqualified'],
      ['stage_change', 'sal'],
    ]);
    expect(manual[0]!.reason).toContain('Met at the trade show');
    // The person's own words apart from the composed reason; null when they gave none.
    expect(manual.map((event) => (event.detail as { note?: string | null } | null)?.note)).toEqual(['Met at the trade show', 'Asked for pricing', null, null, null, 'Disqualified by mistake']);
    const shown = (await t.call('GET', path)).body.events as { toStage: string | null; detail: { note?: string | null } | null }[];
    expect(shown.filter((event) => event.toStage === 'disqualified' || event.toStage === 'sal').map((event) => event.detail?.note)).toEqual([null, 'Disqualified by mistake']);
    const entries = (await audit(leadId)).filter((entry) => entry.actor_type === 'api_key');
    expect(entries.some((entry) => entry.new_values?.owner_id === ids.rep2 && entry.old_values?.owner_id === ids.rep1)).toBe(true);
    expect(entries.some((entry) => entry.new_values?.stage === 'disqualified' && entry.new_values.disposition_code === 'wrong_target')).toBe(true);
  });

  it('recycles a lead back to marketing without an owner, dated by the disposition', async () => {
    const captured = await t.call('POST', '/api/leads', { email: 'robin.vale@lattice-works.com' });
    const path = `/api/leads/${captured.body.leadId}`;
    await t.call('PATCH', path, { ownerId: ids.rep1 });
    const before = await openCount('rep1');
    const recycled = await t.callAs(as('rep1'), 'PATCH', path, { stage: 'recycled', dispositionCode: 'bad_timing' });
    expect(recycled.status).toBe(200);
    expect(recycled.body).toMatchObject({ stage: 'recycled', ownerId: null, dispositionCode: 'bad_timing' });
    expect(new Date(recycled.body.recycleUntil).getTime()).toBeGreaterThan(Date.now() + 80 * 86_400_000);
    expect(await openCount('rep1')).toBe(before - 1);
  });

  it('logs every denial with who, what and which record — and the denied answer carries none of the lead', async () => {
    const captured = await t.call('POST', '/api/leads', { email: 'secret.person@hidden-co.com', firstName: 'Secretia', company: 'Hidden Co' });
    const leadId = captured.body.leadId as string;
    await t.call('PATCH', `/api/leads/${leadId}`, { ownerId: ids.westRep });
    logLines.length = 0;
    const denied = await t.callAs(as('rep1'), 'GET', `/api/leads/${leadId}`);
    const missing = await t.callAs(as('rep1'), 'GET', '/api/leads/00000000-0000-4000-8000-000000000000');
    expect(denied.status).toBe(404);
    expect(denied.body.error.message).toBe(`lead ${leadId} not found`);
    expect(missing.body.error.message).toBe('lead 00000000-0000-4000-8000-000000000000 not found');
    expect(JSON.stringify(denied.body)).not.toMatch(/secret|hidden|Secretia/i);
    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatchObject({ msg: 'access denied', answer: 'NOT_FOUND', action: 'lead:read', target: { type: 'lead', id: leadId }, principal: { kind: 'api_key', userId: ids.rep1, role: 'sales_rep' } });
    const executive = await t.createUser({ role: 'executive', password: null });
    await t.callAs({ apiKey: await t.createApiKey(executive.id) }, 'GET', '/api/leads');
    expect(logLines[1]).toMatchObject({ msg: 'access denied', answer: 'FORBIDDEN', action: 'lead:list', principal: { role: 'executive' } });
  });
});
