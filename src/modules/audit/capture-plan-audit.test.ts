import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { LeadRow } from '../../db/database.ts';
import { createSalesOrg } from '../../../test/support/sales-org.ts';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { captureLeads, type CaptureActor, type CaptureItem } from '../capture/capture-leads.ts';
import type { LeadWritePlan } from '../capture/plan-lead-write.ts';
import { installDefaultPact } from '../pact/install-default-pact.ts';
import { auditEntriesForCapturePlans } from './capture-plan-audit.ts';

// The plans the capture pipeline really wrote, batch by batch, so the entries are tested on real plans.
const written = vi.hoisted(() => [] as LeadWritePlan[][]);
vi.mock('../capture/write-capture-plans.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../capture/write-capture-plans.ts')>();
  return {
    writeCapturePlans: async (...args: Parameters<typeof original.writeCapturePlans>) => {
      written.push([...args[1]]);
      return original.writeCapturePlans(...args);
    },
  };
});

const actor: CaptureActor = { type: 'import', id: '5d1c3a4e-0000-4000-8000-000000000001', label: 'import leads.csv' };
const now = new Date('2026-11-20T15:00:00Z');
const item = (extra: Partial<CaptureItem['input']> = {}, touchKey?: string): CaptureItem => ({
  input: { email: 'dana.reyes@acme-robotics.com', firstName: 'Dana', lastName: 'Reyes', company: 'Acme Robotics Inc.', employees: 300, industry: 'Software', country: 'USA', ...extra },
  ...(touchKey ? { touchKey } : {}),
});

describeEachDatabase('auditEntriesForCapturePlans', (kind) => {
  let database: TestDatabase;
  let leadId: string;
  const capture = async (captureItem: CaptureItem) => {
    written.length = 0;
    const results = await captureLeads(database.db, { items: [captureItem], actor, now, defaultTouchType: 'import' });
    return { results, plans: written.flat() };
  };
  const leadRow = (): Promise<LeadRow> => database.db.selectFrom('leads').selectAll().where('id', '=', leadId).executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
    await createSalesOrg(database.db);
  });
  afterAll(() => database.destroy());

  it('a new lead: one create entry with the row as written, without the score explanation', async () => {
    const { results, plans } = await capture(item({}, 'row-1'));
    leadId = (results[0] as { leadId: string }).leadId;
    const entries = auditEntriesForCapturePlans(plans, { actor, existing: [] });
    expect(entries).toHaveLength(1);
    const lead = await leadRow();
    expect(entries[0]).toMatchObject({ actor: { type: 'import', id: actor.id }, action: 'create', entityType: 'lead', entityId: leadId, oldValues: null });
    expect(entries[0]!.newValues).toMatchObject({ email: 'dana.reyes@acme-robotics.com', company: 'Acme Robotics Inc.', stage: lead.stage, grade: lead.grade, score: lead.score, title: null, created_at: now.toISOString() });
    expect(entries[0]!.newValues).not.toHaveProperty('score_explanation');
  });

  it('an existing lead the capture changed: the changed columns only, old → new', async () => {
    const before = await leadRow();
    const { plans } = await capture(item({ title: 'VP of Sales', touch: { type: 'demo_request', occurredAt: now.toISOString() } }, 'row-2'));
    const after = await leadRow();
    const entries = auditEntriesForCapturePlans(plans, { actor, existing: [before] });
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ action: 'update', entityId: leadId });
    expect(entry!.oldValues).toMatchObject({ title: null, seniority: null, fit_score: before.fit_score, grade: before.grade });
    expect(entry!.newValues).toMatchObject({ title: 'VP of Sales', seniority: 'vp', fit_score: after.fit_score, grade: after.grade, engagement_score: after.engagement_score });
    expect(after.fit_score).not.toBe(before.fit_score);
    // the demo request made it an MQL and it was routed: the routing is recorded as an object
    expect(entry!.oldValues).toMatchObject({ stage: 'inquiry', owner_id: null, routing: null });
    expect(entry!.newValues).toMatchObject({ stage: 'mql', owner_id: after.owner_id, routing: { team: 'Inside Sales', ownerId: after.owner_id } });
    for (const unchanged of ['email', 'company', 'updated_at', 'scored_at', 'score_explanation']) expect(entry!.newValues).not.toHaveProperty(unchanged);
    expect(Object.keys(entry!.oldValues!).sort()).toEqual(Object.keys(entry!.newValues!).sort());

    // The capture wrote these same entries itself, in its transaction: the create, then this update.
    const stored = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', leadId).orderBy('id').execute();
    expect(stored.map((row) => row.action)).toEqual(['create', 'update']);
    expect(stored[1]).toMatchObject({ actor_type: 'import', actor_id: actor.id, action: 'update', entity_type: 'lead', old_values: entry!.oldValues, new_values: entry!.newValues });
  });

  it('a re-sent row that changes nothing writes no entry', async () => {
    const before = await leadRow();
    const { plans } = await capture(item({ title: 'VP of Sales', touch: { type: 'demo_request', occurredAt: now.toISOString() } }, 'row-2'));
    expect(plans).toHaveLength(1);
    expect(auditEntriesForCapturePlans(plans, { actor, existing: [before] })).toEqual([]);
  });

  it('an existing lead whose prior row was not given: its changed columns are recorded as blank before', async () => {
    const { plans } = await capture(item({ city: 'Oakland' }, 'row-3'));
    const [entry] = auditEntriesForCapturePlans(plans, { actor, existing: [] });
    expect(entry).toMatchObject({ action: 'update', oldValues: { city: null }, newValues: { city: 'Oakland' } });
  });
});
