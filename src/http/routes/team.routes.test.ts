import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { describeEachDatabase } from '../../../test/support/test-database.ts';

const pathsOf = (body: { error: { issues: { path: string }[] } }) => body.error.issues.map((issue) => issue.path);

describeEachDatabase('teams and users API', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.destroy());

  const auditOf = (entityId: string) =>
    t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('id').execute();

  it('creates teams and people, lists them with members, and audits each creation', async () => {
    const team = await t.call('POST', '/api/teams', { name: 'Inside Sales', accountClass: 'inside' });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ name: 'Inside Sales', accountClass: 'inside', memberCount: 0, openLeadCount: 0, managerId: null });
    const rep = await t.call('POST', '/api/users', { email: 'Ivan.Petrov@Example.com', name: 'Ivan Petrov', role: 'sales_rep', team: 'inside sales', capacity: 100, weight: 2 });
    expect(rep.status).toBe(201);
    expect(rep.body).toMatchObject({ email: 'ivan.petrov@example.com', teamId: team.body.id, teamName: 'Inside Sales', capacity: 100, weight: 2, awayUntil: null, active: true, openLeadCount: 0 });
    const byId = await t.call('POST', '/api/users', { email: 'mara@example.com', name: 'Mara', role: 'marketing', team: team.body.id });
    expect(byId.body).toMatchObject({ teamName: 'Inside Sales', capacity: 0, weight: 1 });

    const teams = await t.call('GET', '/api/teams');
    expect(teams.body.teams).toEqual([expect.objectContaining({ name: 'Inside Sales', memberCount: 2, activeMemberCount: 2 })]);
    const reps = await t.call('GET', '/api/users?role=sales_rep&team=Inside%20Sales');
    expect(reps.body.users.map((user: { email: string }) => user.email)).toEqual(['ivan.petrov@example.com']);

    const [teamAudit] = await auditOf(team.body.id);
    expect(teamAudit).toMatchObject({ action: 'create', entity_type: 'team', new_values: { name: 'Inside Sales', account_class: 'inside' } });
    const [userAudit] = await auditOf(rep.body.id);
    expect(userAudit).toMatchObject({ action: 'create', entity_type: 'user', actor_type: 'api_key', new_values: { email: 'ivan.petrov@example.com', capacity: 100 } });
  });

  it('refuses a taken team name or e-mail with 409 naming the field, in any letter case', async () => {
    const team = await t.call('POST', '/api/teams', { name: 'INSIDE SALES', accountClass: 'field' });
    expect(team.status).toBe(409);
    expect(pathsOf(team.body)).toEqual(['name']);
    const user = await t.call('POST', '/api/users', { email: 'IVAN.PETROV@example.com', name: 'Other Ivan', role: 'sales_rep', capacity: 5 });
    expect(user.status).toBe(409);
    expect(pathsOf(user.body)).toEqual(['email']);
    const racing = await Promise.all(['Twin@Example.com', 'twin@example.COM'].map((email) => t.call('POST', '/api/users', { email, name: 'Twin', role: 'marketing' })));
    expect(racing.map((response) => response.status).sort()).toEqual([201, 409]);
  });

  it('answers bad input with 400 naming the field', async () => {
    const teamCases: [unknown, string][] = [
      [{ accountClass: 'inside' }, 'name'],
      [{ name: 'Weird', accountClass: 'outside' }, 'accountClass'],
      [{ name: 'Managed', accountClass: 'field', managerEmail: 'nobody@example.com' }, 'managerEmail'],
    ];
    for (const [body, path] of teamCases) {
      const response = await t.call('POST', '/api/teams', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(pathsOf(response.body)).toContain(path);
    }
    const base = { email: 'new.rep@example.com', name: 'New Rep', role: 'sales_rep', capacity: 10 };
    const userCases: [unknown, string][] = [
      [{ ...base, email: 'not-an-email' }, 'email'],
      [{ ...base, role: 'overlord' }, 'role'],
      [{ ...base, capacity: -1 }, 'capacity'],
      [{ ...base, capacity: 2.5 }, 'capacity'],
      [{ email: 'x@example.com', name: 'No Capacity', role: 'sales_rep' }, 'capacity'],
      [{ ...base, weight: 0 }, 'weight'],
      [{ ...base, weight: 11 }, 'weight'],
      [{ ...base, team: 'Nowhere Sales' }, 'team'],
      [{ ...base, awayUntil: 'next week' }, 'awayUntil'],
      [{ ...base, awayUntil: '2026-02-30' }, 'awayUntil'],
      [{ ...base, name: '   ' }, 'name'],
    ];
    for (const [body, path] of userCases) {
      const response = await t.call('POST', '/api/users', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(pathsOf(response.body), JSON.stringify(body)).toContain(path);
    }
    const counters = await t.call('POST', '/api/users', { ...base, openLeadCount: 5 });
    expect(counters.status).toBe(400);
    expect(counters.body.error.message).toContain('openLeadCount');
  });

  it('updates a person’s settings, never the routing counters, and audits old and new values', async () => {
    const users = await t.call('GET', '/api/users?role=sales_rep');
    const ivan = users.body.users[0];
    const updated = await t.call('PATCH', `/api/users/${ivan.id}`, { capacity: 80, awayUntil: '2026-12-24', weight: 3 });
    expect(updated.status).toBe(200);
    // A day means the start of that day in the pact calendar's time zone (America/New_York, UTC−5 in winter).
    expect(updated.body).toMatchObject({ capacity: 80, weight: 3, awayUntil: '2026-12-24T05:00:00.000Z' });
    const back = await t.call('PATCH', `/api/users/${ivan.id}`, { awayUntil: null, active: false });
    expect(back.body).toMatchObject({ awayUntil: null, active: false });

    const audits = (await auditOf(ivan.id)).filter((row) => row.action === 'update');
    expect(audits[0]).toMatchObject({ old_values: { capacity: 100, weight: 2, away_until: null }, new_values: { capacity: 80, weight: 3, away_until: '2026-12-24T05:00:00.000Z' } });
    expect(audits[1]).toMatchObject({ old_values: { active: true, away_until: '2026-12-24T05:00:00.000Z' }, new_values: { active: false, away_until: null } });

    for (const body of [{ openLeadCount: 0 }, { roundRobinCount: 3 }, { open_lead_count: 1 }]) {
      const refused = await t.call('PATCH', `/api/users/${ivan.id}`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    const cases: [unknown, string][] = [
      [{ capacity: -5 }, 'capacity'],
      [{ weight: 20 }, 'weight'],
      [{ role: 'boss' }, 'role'],
      [{ team: 'Nowhere Sales' }, 'team'],
      [{ active: 'yes' }, 'active'],
    ];
    for (const [body, path] of cases) {
      const response = await t.call('PATCH', `/api/users/${ivan.id}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(pathsOf(response.body)).toContain(path);
    }
    expect((await t.call('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { capacity: 1 })).status).toBe(404);
    expect((await t.call('PATCH', '/api/users/not-a-uuid', { capacity: 1 })).status).toBe(400);
    expect((await t.call('PATCH', `/api/users/${ivan.id}`, {})).status).toBe(400);
  });

  it('sets a team manager: only an active sales manager, audited', async () => {
    const teams = await t.call('GET', '/api/teams');
    const inside = teams.body.teams[0];
    const manager = await t.call('POST', '/api/users', { email: 'sam.manager@example.com', name: 'Sam Manager', role: 'sales_manager' });
    const notManager = await t.call('PATCH', `/api/teams/${inside.id}`, { managerEmail: 'mara@example.com' });
    expect(notManager.status).toBe(400);
    expect(pathsOf(notManager.body)).toEqual(['managerEmail']);
    const managed = await t.call('PATCH', `/api/teams/${inside.id}`, { managerEmail: 'Sam.Manager@example.com' });
    expect(managed.status).toBe(200);
    expect(managed.body).toMatchObject({ managerId: manager.body.id, managerName: 'Sam Manager', managerEmail: 'sam.manager@example.com' });
    const [audit] = (await auditOf(inside.id)).filter((row) => row.action === 'update');
    expect(audit).toMatchObject({ old_values: { manager_id: null }, new_values: { manager_id: manager.body.id } });

    await t.call('POST', '/api/teams', { name: 'Field Sales', accountClass: 'field' });
    const rename = await t.call('PATCH', `/api/teams/${inside.id}`, { name: 'field sales' });
    expect(rename.status).toBe(409);
    expect(pathsOf(rename.body)).toEqual(['name']);
    expect((await t.call('PATCH', '/api/teams/00000000-0000-4000-8000-000000000000', { name: 'Ghost' })).status).toBe(404);
  });

  it('documents its paths in the OpenAPI document', async () => {
    const document = await t.call('GET', '/openapi.json');
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/teams', '/api/teams/{id}', '/api/users', '/api/users/{id}']));
    expect(document.body.paths['/api/users'].post.requestBody.content['application/json'].schema).toEqual(expect.any(Object));
  });
});
