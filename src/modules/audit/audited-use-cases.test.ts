import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSalesOrg, type SalesOrg } from '../../../test/support/sales-org.ts';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Principal } from '../../core/access/principal.ts';
import { generateDemoOrganisation } from '../../core/demo/generate-demo-organisation.ts';
import { defaultPact } from '../../core/pact/default-pact.ts';
import { createAccount } from '../accounts/create-account.ts';
import { updateAccount } from '../accounts/update-account.ts';
import { createCampaign } from '../campaigns/create-campaign.ts';
import { updateCampaign } from '../campaigns/update-campaign.ts';
import { captureLeads, type CaptureActor, type CaptureItem } from '../capture/capture-leads.ts';
import { applyDemoLifecycleSteps } from '../demo/apply-demo-lifecycle.ts';
import { insertDemoAccounts, insertDemoCampaigns, insertDemoStaff } from '../demo/demo.repository.ts';
import { createApiKey } from '../identity/create-api-key.ts';
import { revokeApiKey } from '../identity/revoke-api-key.ts';
import { markLeadJunk, restoreJunkLead } from '../leads/change-junk-status.ts';
import { mergeLeads } from '../leads/merge-leads.ts';
import { activatePactVersion } from '../pact/activate-pact-version.ts';
import { approvePactVersion } from '../pact/approve-pact-version.ts';
import { installDefaultPact } from '../pact/install-default-pact.ts';
import { proposePactVersion } from '../pact/propose-pact-version.ts';
import { rescoreOpenLeads } from '../pact/rescore-open-leads.ts';
import { updateUser } from '../team/update-user.ts';
import { insertUser } from '../team/user.repository.ts';
import { recordTouch } from '../touches/record-touch.ts';
import type { AuditActor } from './record-audit.ts';
import { operatorAccess } from '../../core/access/access-context.ts';

const apiActor: CaptureActor = { type: 'api_key', id: 'key-1', label: 'API' };
const now = new Date('2026-11-20T15:00:00Z');

const lead = (email: string, extra: Partial<CaptureItem['input']> = {}): CaptureItem => ({
  input: { email, firstName: 'Dana', lastName: 'Reyes', title: 'VP of Sales', company: 'Acme Robotics Inc.', employees: 300, industry: 'Software', country: 'USA', touch: { type: 'demo_request' }, ...extra },
});

describeEachDatabase('audited use cases', (kind) => {
  let database: TestDatabase;
  let org: SalesOrg;
  let admin: AuditActor & { id: string };
  const entriesOf = (entityId: string) => database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('id').execute();
  const capture = async (item: CaptureItem) => {
    const [result] = await captureLeads(database.db, { items: [item], actor: apiActor, now, defaultTouchType: 'form_fill' });
    if (!result || result.outcome === 'rejected') throw new Error(`capture rejected: ${JSON.stringify(result)}`);
    return result.leadId;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
    org = await createSalesOrg(database.db);
    admin = { type: 'user', id: (await insertUser(database.db, { email: 'ada@example.test', name: 'Ada Admin', role: 'admin' })).id };
  });
  afterAll(() => database.destroy());

  it('account: create records the row written, update the changed columns old → new, with the actor', async () => {
    const account = await createAccount(database.db, { input: { name: 'Globex Corporation', domain: 'globex.test', industry: 'Retail', employees: 40 }, actor: admin, access: operatorAccess });
    const update = await updateAccount(database.db, { accountId: account.id, changes: { industry: 'Software', employees: 40 }, actor: admin, now, access: operatorAccess });
    const [created, updated, ...rest] = await entriesOf(account.id);
    expect(rest).toEqual([]);
    expect(created).toMatchObject({ actor_type: 'user', actor_id: admin.id, action: 'create', entity_type: 'account', old_values: null });
    expect(created!.new_values).toMatchObject({ name: 'Globex Corporation', domain: 'globex.test', industry: 'Retail', employees: 40 });
    expect(updated).toMatchObject({ action: 'update', entity_type: 'account' });
    expect(updated!.old_values).toMatchObject({ industry: 'Retail' });
    expect(updated!.new_values).toMatchObject({ industry: 'Software' });
    // employees did not change, so it is not recorded
    expect(Object.keys(updated!.new_values!)).not.toContain('employees');
    expect(Object.keys(updated!.old_values!).sort()).toEqual(Object.keys(updated!.new_values!).sort());
    expect(update.industry).toBe('Software');
  });

  it('campaign: an update records only the changed columns', async () => {
    const campaign = await createCampaign(database.db, { input: { name: 'Spring webinar', channel: 'webinar', costMinor: 100_00 }, actor: admin, access: operatorAccess });
    await updateCampaign(database.db, { campaignId: campaign.id, changes: { costMinor: 250_00, channel: 'webinar' }, actor: admin, now, access: operatorAccess });
    const entries = await entriesOf(campaign.id);
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(entries[1]).toMatchObject({ old_values: { cost_minor: 10000 }, new_values: { cost_minor: 25000 } });
  });

  it('user: an update records the changed settings old → new', async () => {
    const repId = org.reps['ivan@example.test']!;
    await updateUser(database.db, { user: 'ivan@example.test', changes: { capacity: 12, active: false }, actor: admin, now });
    const [entry] = await entriesOf(repId);
    expect(entry).toMatchObject({ action: 'update', entity_type: 'user', actor_type: 'user', actor_id: admin.id, old_values: { capacity: 50, active: true }, new_values: { capacity: 12, active: false } });
    await updateUser(database.db, { user: 'ivan@example.test', changes: { active: true }, actor: admin, now });
  });

  it('API key: creation records its name, scopes and owner (never the secret); revocation records when', async () => {
    const owner = { id: org.reps['mara@example.test']!, role: 'marketing' as const, active: true };
    const created = await createApiKey(database.db, { owner, name: 'CRM sync', scopes: ['leads:read', 'capture'], now, actor: admin });
    const principal: Principal = { kind: 'user', userId: admin.id, role: 'admin', teamId: null, email: 'ada@example.test', sessionId: null };
    const later = new Date(now.getTime() + 60_000);
    await revokeApiKey(database.db, { keyId: created.key.id, principal, actor: admin, now: later });
    const [create, revoke, ...rest] = await entriesOf(created.key.id);
    expect(rest).toEqual([]);
    expect(create).toMatchObject({ action: 'create', entity_type: 'api_key', actor_id: admin.id, new_values: { name: 'CRM sync', scopes: ['leads:read', 'capture'], user_id: owner.id } });
    expect(JSON.stringify(create!.new_values)).not.toContain(created.secretText.slice(-20));
    expect(revoke).toMatchObject({ action: 'revoke', old_values: { revoked_at: null }, new_values: { revoked_at: later.toISOString() } });
  });

  it('lead junk and restore: stage, junk reason and owner old → new, with the capture actor kept', async () => {
    const leadId = await capture(lead('pat.junk@acme-robotics.com'));
    const captured = await database.db.selectFrom('leads').selectAll().where('id', '=', leadId).executeTakeFirstOrThrow();
    await markLeadJunk(database.db, { leadId, reason: 'a test entry', actor: apiActor, now, access: operatorAccess });
    await restoreJunkLead(database.db, { leadId, reason: 'real after all', actor: { type: 'system', id: null, label: 'CLI' }, now, access: operatorAccess });
    const entries = await entriesOf(leadId);
    const [created, junk, restore] = entries;
    expect(created).toMatchObject({ actor_type: 'api_key', actor_id: 'key-1', action: 'create', old_values: null, new_values: { id: leadId, stage: captured.stage } });
    expect(junk).toMatchObject({
      actor_type: 'api_key',
      actor_id: 'key-1',
      action: 'update',
      old_values: { stage: captured.stage, owner_id: captured.owner_id, junk_code: null, junk_reason: null },
      new_values: { stage: 'junk', junk_code: 'manual', junk_reason: 'a test entry', owner_id: null },
    });
    expect(restore).toMatchObject({ actor_type: 'system', old_values: { stage: 'junk', junk_code: 'manual', junk_reason: 'a test entry' }, new_values: { stage: 'inquiry', junk_code: null, junk_reason: null } });
    // the restore rescored the lead back to MQL and routed it: one more entry with what that changed
    const rescored = entries[3];
    expect(rescored).toMatchObject({ action: 'update', old_values: { stage: 'inquiry' }, new_values: { stage: 'mql' } });
    expect(rescored!.new_values!.owner_id).toEqual(expect.any(String));
    expect(rescored!.new_values).not.toHaveProperty('score_explanation');
  });

  it('capture: a new lead and its new account are created entries; a re-capture that changes the lead records old → new; an identical re-send records nothing', async () => {
    const leadId = await capture(lead('lee.capture@orbit-labs.io', { company: 'Orbit Labs', title: undefined }));
    const row = await database.db.selectFrom('leads').select(['account_id', 'stage', 'score']).where('id', '=', leadId).executeTakeFirstOrThrow();
    expect(await entriesOf(leadId)).toEqual([expect.objectContaining({ actor_type: 'api_key', actor_id: 'key-1', action: 'create', entity_type: 'lead', new_values: expect.objectContaining({ email: 'lee.capture@orbit-labs.io', score: row.score }) })]);
    expect(await entriesOf(row.account_id!)).toEqual([expect.objectContaining({ action: 'create', entity_type: 'account', new_values: expect.objectContaining({ domain: 'orbit-labs.io' }) })]);

    await capture(lead('Lee.Capture@orbit-labs.io', { company: 'Orbit Labs', title: 'Head of Growth', touch: { type: 'visit' } }));
    const [, update] = await entriesOf(leadId);
    expect(update).toMatchObject({ action: 'update', old_values: { title: null }, new_values: { title: 'Head of Growth' } });

    await capture(lead('Lee.Capture@orbit-labs.io', { company: 'Orbit Labs', title: 'Head of Growth', touch: { type: 'visit' } }));
    expect(await entriesOf(leadId)).toHaveLength(2);
  });

  it('lead merge: the survivor records the blanks it filled and the merged lead, the duplicate where it went', async () => {
    const survivorId = await capture(lead('sam.merge@acme-robotics.com', { title: undefined, phone: undefined }));
    const duplicateId = await capture(lead('sam.merge.other@acme-robotics.com', { title: 'CTO', firstName: 'Sam' }));
    await mergeLeads(database.db, { survivorId, mergedId: duplicateId, actor: apiActor, now, access: operatorAccess });
    const [survivorEntry] = (await entriesOf(survivorId)).filter((entry) => entry.action === 'merge');
    expect(survivorEntry).toMatchObject({ actor_type: 'api_key', old_values: { title: null }, new_values: { title: 'CTO', merged_lead_id: duplicateId } });
    const [duplicateEntry] = (await entriesOf(duplicateId)).filter((entry) => entry.action === 'merge');
    expect(duplicateEntry).toMatchObject({ old_values: { merged_into_id: null }, new_values: { merged_into_id: survivorId } });
  });

  it('a touch recorded by hand: the touch is created, the rescored lead records its score change', async () => {
    const leadId = await capture(lead('kim.touch@acme-robotics.com', { touch: { type: 'visit' } }));
    const before = await database.db.selectFrom('leads').selectAll().where('id', '=', leadId).executeTakeFirstOrThrow();
    const recorded = await recordTouch(database.db, { input: { leadId, type: 'demo_request', occurredAt: now.toISOString() }, actor: apiActor, now, access: operatorAccess });
    const [touchEntry] = await entriesOf(recorded.touch.id);
    expect(touchEntry).toMatchObject({ action: 'create', entity_type: 'touch', new_values: { lead_id: leadId, type: 'demo_request' } });
    const [leadEntry] = (await entriesOf(leadId)).filter((entry) => entry.action === 'update');
    expect(leadEntry!.old_values).toMatchObject({ engagement_score: before.engagement_score });
    expect(leadEntry!.new_values).toMatchObject({ engagement_score: recorded.lead.engagement_score });
    expect(recorded.lead.engagement_score).not.toBe(before.engagement_score);
  });

  it('the demo loader’s lifecycle steps: the lead’s stage change and the opportunity it opens are recorded', async () => {
    const leadId = await capture(lead('ola.demo@acme-robotics.com'));
    const before = await database.db.selectFrom('leads').selectAll().where('id', '=', leadId).executeTakeFirstOrThrow();
    const stages = ['sal', 'sql', 'won'] as const;
    const applied = await applyDemoLifecycleSteps(
      database.db,
      stages.map((to, position) => ({
        leadId,
        step: { at: new Date(now.getTime() + (position + 1) * 3_600_000), to, actorKey: null, reason: `demo ${to}` },
        opportunity: { valueMinor: 5_000_00, currency: 'USD', expectedCloseOn: '2026-12-31', openedAt: now },
        actorId: null,
      })),
    );
    expect(applied).toBe(3);
    const leadEntries = (await entriesOf(leadId)).filter((entry) => entry.actor_type === 'system');
    expect(leadEntries.map((entry) => [entry.old_values!.stage, entry.new_values!.stage])).toEqual([
      [before.stage, 'sal'],
      ['sal', 'sql'],
      ['sql', 'won'],
    ]);
    const opportunity = await database.db.selectFrom('opportunities').selectAll().where('lead_id', '=', leadId).executeTakeFirstOrThrow();
    const opportunityEntries = await entriesOf(opportunity.id);
    expect(opportunityEntries.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(opportunityEntries[0]!.new_values).toMatchObject({ lead_id: leadId, amount_minor: 500000, status: 'open' });
    expect(opportunityEntries[1]).toMatchObject({ old_values: { status: 'open', closed_at: null }, new_values: { status: 'won', close_reason: 'demo won' } });
  });
  it('pact: propose, each approval, activation (and the retirement of the old version), then one rescoring entry per changed lead', async () => {
    const hotId = await capture(lead('lee.hot@acme-robotics.com'));
    const coldId = await capture({ input: { email: 'cole.miller@tinyfarm.com', firstName: 'Cole', lastName: 'Miller', company: 'Tiny Farm', title: 'Clerk' } });
    const cold = await database.db.selectFrom('leads').selectAll().where('id', '=', coldId).executeTakeFirstOrThrow();
    const hot = await database.db.selectFrom('leads').selectAll().where('id', '=', hotId).executeTakeFirstOrThrow();
    expect(cold).toMatchObject({ grade: 'D', stage: 'inquiry' });
    const previous = await database.db.selectFrom('pact_versions').selectAll().where('status', '=', 'active').executeTakeFirstOrThrow();

    const strict = { ...defaultPact(), grading: { ...defaultPact().grading, thresholds: { A: 99, B: 98, C: 97 } } };
    const proposed = await proposePactVersion(database.db, { document: strict, note: 'stricter grades', actor: admin, createdBy: admin.id, access: operatorAccess });
    await approvePactVersion(database.db, { version: proposed.version, approver: { email: 'mara@example.test' }, access: operatorAccess, actor: admin, now });
    await approvePactVersion(database.db, { version: proposed.version, approver: { email: 'sam@example.test' }, access: operatorAccess, actor: admin, now });
    const activation = await activatePactVersion(database.db, { version: proposed.version, activatedBy: admin.id, actor: admin, now, access: operatorAccess });

    const entries = await entriesOf(proposed.id);
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'approve', 'approve', 'activate']);
    expect(entries[0]!.new_values).toMatchObject({ version: proposed.version, status: 'draft', note: 'stricter grades' });
    expect(entries[1]).toMatchObject({ old_values: { marketing_approved_by: null, status: 'draft' }, new_values: { marketing_approved_by: org.reps['mara@example.test'], status: 'draft' } });
    expect(entries[2]).toMatchObject({ old_values: { sales_approved_by: null, status: 'draft' }, new_values: { sales_approved_by: org.reps['sam@example.test'], status: 'approved' } });
    expect(entries[3]).toMatchObject({ old_values: { status: 'approved', activated_by: null }, new_values: { status: 'active', activated_by: admin.id, activated_at: now.toISOString() } });
    const [retired] = (await entriesOf(previous.id)).filter((entry) => entry.action === 'update');
    expect(retired).toMatchObject({ old_values: { status: 'active', retired_at: null }, new_values: { status: 'retired' } });

    await rescoreOpenLeads(database.db, { runId: activation.rescoreRunId, now });
    const rescoreEntries = await database.db.selectFrom('audit_log').selectAll().where('actor_type', '=', 'system').where('entity_type', '=', 'lead').execute();
    const hotEntries = rescoreEntries.filter((entry) => entry.entity_id === hotId);
    expect(hotEntries).toHaveLength(1);
    expect(hotEntries[0]).toMatchObject({ action: 'update', old_values: { grade: hot.grade, pact_version_id: previous.id }, new_values: { grade: 'D', pact_version_id: proposed.id } });
    expect(hotEntries[0]!.new_values).not.toHaveProperty('score_explanation');
    // the cold lead was D and stays D with the same score: rescored, but nothing to record
    expect(rescoreEntries.filter((entry) => entry.entity_id === coldId)).toEqual([]);
    const coldAfter = await database.db.selectFrom('leads').select(['pact_version_id', 'grade']).where('id', '=', coldId).executeTakeFirstOrThrow();
    expect(coldAfter).toEqual({ pact_version_id: proposed.id, grade: 'D' });
  });
});

describeEachDatabase('audited demo organisation', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
  });
  afterAll(() => database.destroy());

  it('records every team, user, account and campaign the demo loader inserts, as the system', async () => {
    const organisation = generateDemoOrganisation({ seed: 3, now, leadCount: 20, accountCount: 12 });
    const staff = await insertDemoStaff(database.db, organisation);
    await insertDemoAccounts(database.db, organisation, staff.userIds);
    await insertDemoCampaigns(database.db, organisation);
    const counts = await database.db
      .selectFrom('audit_log')
      .select(['entity_type', (eb) => eb.fn.countAll<number>().as('entries')])
      .where('actor_type', '=', 'system')
      .where('action', '=', 'create')
      .where('entity_type', 'in', ['team', 'user', 'account', 'campaign'])
      .groupBy('entity_type')
      .orderBy('entity_type')
      .execute();
    expect(counts.map((row) => [row.entity_type, Number(row.entries)])).toEqual([
      ['account', organisation.accounts.length],
      ['campaign', organisation.campaigns.length],
      ['team', organisation.teams.length],
      ['user', organisation.users.length],
    ]);
    const manager = organisation.users.find((user) => user.role === 'sales_manager' && user.teamKey)!;
    const teamEntry = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', staff.teamIds.get(manager.teamKey!)!).executeTakeFirstOrThrow();
    expect(teamEntry.new_values).toMatchObject({ manager_id: staff.userIds.get(manager.key) });
  });
});
