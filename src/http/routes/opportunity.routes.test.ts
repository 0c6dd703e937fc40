import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';
import { insertTeam } from '../../modules/team/user.repository.ts';

describeEachDatabase('opportunities API', (kind) => {
  let t: TestApp;
  const keys: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const opportunityOf: Record<string, string> = {};
  const as = (who: string) => ({ apiKey: keys[who]! });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const east = await insertTeam(t.database.db, { name: 'East', account_class: 'inside' });
    const west = await insertTeam(t.database.db, { name: 'West', account_class: 'inside' });
    const people = [
      ['rep1', 'sales_rep', east.id],
      ['rep2', 'sales_rep', east.id],
      ['manager', 'sales_manager', east.id],
      ['westRep', 'sales_rep', west.id],
      ['marketing', 'marketing', null],
      ['executive', 'executive', null],
    ] as const;
    for (const [name, role, teamId] of people) {
      const user = await t.createUser({ role, teamId, password: null, name });
      ids[name] = user.id;
      keys[name] = await t.createApiKey(user.id);
    }
    for (const owner of ['rep1', 'rep2', 'westRep']) {
      const row = await t.database.db
        .insertInto('opportunities')
        .values({ owner_id: ids[owner]!, name: `Deal of ${owner}`, amount_minor: 1_000_000, expected_close_on: '2026-06-30', status: 'open', opened_at: new Date('2026-01-0' + (Object.keys(opportunityOf).length + 1) + 'T10:00:00Z') })
        .returning('id')
        .executeTakeFirstOrThrow();
      opportunityOf[owner] = row.id;
    }
  });
  afterAll(() => t.destroy());

  const listed = async (who: string) => ((await t.callAs(as(who), 'GET', '/api/opportunities')).body.opportunities as { id: string }[]).map((row) => row.id).sort();

  it('lists only what the caller may see: all for marketing, the team for its manager, their own for a rep; executives none', async () => {
    expect(await listed('marketing')).toEqual(Object.values(opportunityOf).sort());
    expect(await listed('manager')).toEqual([opportunityOf.rep1, opportunityOf.rep2].sort());
    expect(await listed('rep1')).toEqual([opportunityOf.rep1]);
    expect((await t.callAs(as('executive'), 'GET', '/api/opportunities')).status).toBe(403);
    const page = await t.call('GET', '/api/opportunities?limit=2');
    expect(page.body.opportunities).toHaveLength(2);
    const rest = await t.call('GET', `/api/opportunities?limit=2&cursor=${page.body.nextCursor}`);
    expect(rest.body.opportunities.map((row: { name: string }) => row.name)).toEqual(['Deal of rep1']);
    expect((await t.call('GET', '/api/opportunities?cursor=nonsense')).status).toBe(400);
  });

  it('lets the owner change and close their deal, once, with the reason, audited; others get 403 or 404', async () => {
    const path = `/api/opportunities/${opportunityOf.rep1}`;
    expect((await t.callAs(as('westRep'), 'GET', path)).status).toBe(404);
    expect((await t.callAs(as('rep2'), 'PATCH', path, { amountMinor: 1 })).status).toBe(404);
    expect((await t.callAs(as('marketing'), 'GET', path)).status).toBe(200);
    expect((await t.callAs(as('marketing'), 'PATCH', path, { amountMinor: 1 })).status).toBe(403);
    const changed = await t.callAs(as('rep1'), 'PATCH', path, { amountMinor: 2_500_000, expectedCloseOn: '2026-05-15' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ amountMinor: 2_500_000, expectedCloseOn: '2026-05-15', ownerName: 'rep1' });
    expect((await t.callAs(as('rep1'), 'PATCH', path, { status: 'won' })).status).toBe(400);
    const won = await t.callAs(as('manager'), 'PATCH', path, { status: 'won', closeReason: 'Signed the annual plan' });
    expect(won.body).toMatchObject({ status: 'won', closeReason: 'Signed the annual plan' });
    expect(won.body.closedAt).toEqual(expect.any(String));
    expect((await t.callAs(as('rep1'), 'PATCH', path, { status: 'lost', closeReason: 'changed my mind' })).status).toBe(409);
    const entries = await t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'opportunity').where('entity_id', '=', opportunityOf.rep1!).orderBy('id').execute();
    expect(entries.map((entry) => [entry.actor_type, entry.old_values, entry.new_values])).toEqual([
      ['api_key', { amount_minor: 1_000_000, expected_close_on: '2026-06-30' }, { amount_minor: 2_500_000, expected_close_on: '2026-05-15' }],
      ['api_key', { status: 'open', closed_at: null, close_reason: null }, { status: 'won', closed_at: expect.any(String), close_reason: 'Signed the annual plan' }],
    ]);
  });
});
