import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSalesOrg } from '../../../test/support/sales-org.ts';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { operatorAccess } from '../../core/access/access-context.ts';
import { defaultPact } from '../../core/pact/default-pact.ts';
import { mergeLeads } from '../leads/merge-leads.ts';
import { activatePactVersion } from '../pact/activate-pact-version.ts';
import { approvePactVersion } from '../pact/approve-pact-version.ts';
import { installDefaultPact } from '../pact/install-default-pact.ts';
import { proposePactVersion } from '../pact/propose-pact-version.ts';
import { createCaptureBatcher } from './capture-batcher.ts';
import { captureLeads, type CaptureActor, type CaptureItem, type CaptureResult } from './capture-leads.ts';

const actor: CaptureActor = { type: 'api_key', id: null, label: 'test' };
const now = new Date('2026-11-20T15:00:00Z');

const person = (email: string, extra: Partial<CaptureItem['input']> = {}): CaptureItem => ({
  input: { email, firstName: 'Kim', lastName: 'Okafor', title: 'Engineer', country: 'US', touch: { type: 'webinar' }, ...extra },
});

const leadIdOf = (result: CaptureResult | undefined): string => {
  if (!result || result.outcome === 'rejected') throw new Error(`expected a lead, got ${JSON.stringify(result)}`);
  return result.leadId;
};

// The paths one capture batch takes through its few statements: the context read before anything is
// decided, the write of accounts, leads, touches and events together, and the retries that keep
// concurrent batches correct.
describeEachDatabase('capture batch paths', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
    await createSalesOrg(database.db);
  });
  afterAll(() => database.destroy());

  it('captures and routes a batch of new people in four statements besides begin and commit', async () => {
    let statements = 0;
    const counted = database.db.withPlugin({
      transformQuery(args) {
        statements += 1;
        return args.node;
      },
      async transformResult(args) {
        return args.result;
      },
    });
    // The first capture through a database handle also reads the active pact and the suppression key.
    await captureLeads(counted, { items: [person('warm@statement-count-labs.com')], actor, now, defaultTouchType: 'form_fill' });
    statements = 0;
    // Different names: likely duplicates would add their own statements.
    const hot = (email: string, lastName: string) => person(email, { lastName, title: 'VP Operations', employees: 450, touch: { type: 'demo_request' } });
    const items = [hot('ida@statement-count-labs.com', 'Berg'), hot('jo@statement-count-labs.com', 'Castell'), hot('kai@statement-count-labs.com', 'Duarte')];
    const results = await captureLeads(counted, { items, actor, now, defaultTouchType: 'form_fill' });
    // The suppression list and campaigns, the context, the reps locked for routing, the write (with
    // the reps' counters and the audit entries).
    expect(statements).toBe(4);
    const leads = await database.db.selectFrom('leads').select(['stage', 'owner_id']).where('id', 'in', results.map(leadIdOf)).execute();
    expect(leads.every((lead) => lead.stage === 'mql' && lead.owner_id !== null)).toBe(true);
  });

  it('makes one account of a new company domain that concurrent batches all bring', async () => {
    const batches = Array.from({ length: 6 }, (_, index) => [person(`p${index}@racing-ridge.com`, { company: 'Racing Ridge' })]);
    const results = await Promise.all(batches.map((items) => captureLeads(database.db, { items, actor, now, defaultTouchType: 'form_fill' })));
    const leadIds = results.map(([result]) => leadIdOf(result));
    const accounts = await database.db.selectFrom('accounts').select('id').where('domain', '=', 'racing-ridge.com').execute();
    expect(accounts).toHaveLength(1);
    const leads = await database.db.selectFrom('leads').select('account_id').where('id', 'in', leadIds).execute();
    expect(new Set(leads.map((lead) => lead.account_id))).toEqual(new Set([accounts[0]!.id]));
  });

  it('flags a likely duplicate between two new leads of one batch, the later pointing at the earlier', async () => {
    const [first, second] = await captureLeads(database.db, {
      items: [person('ana@phone-share-labs.com', { phone: '+1 415 555 0142' }), person('bo@phone-share-labs.com', { lastName: 'Lindqvist', phone: '(415) 555-0142' })],
      actor,
      now,
      defaultTouchType: 'form_fill',
    });
    const pairs = await database.db.selectFrom('duplicate_candidates').select(['lead_id', 'other_lead_id', 'reason']).where('lead_id', 'in', [leadIdOf(first), leadIdOf(second)]).execute();
    expect(pairs).toEqual([{ lead_id: leadIdOf(second), other_lead_id: leadIdOf(first), reason: 'same phone +14155550142' }]);
  });

  it('flags a new lead sharing the phone an existing lead receives in the same batch', async () => {
    const [existing] = await captureLeads(database.db, { items: [person('cy@phone-fill-labs.com')], actor, now, defaultTouchType: 'form_fill' });
    const [filled, created] = await captureLeads(database.db, {
      items: [person('cy@phone-fill-labs.com', { phone: '+1 415 555 0177' }), person('di@phone-fill-labs.com', { lastName: 'Lindqvist', phone: '+1 415 555 0177' })],
      actor,
      now,
      defaultTouchType: 'form_fill',
    });
    expect(filled).toMatchObject({ outcome: 'merged', leadId: leadIdOf(existing), changed: true });
    const pairs = await database.db.selectFrom('duplicate_candidates').select(['lead_id', 'other_lead_id', 'reason']).where('lead_id', '=', leadIdOf(created)).execute();
    expect(pairs).toEqual([{ lead_id: leadIdOf(created), other_lead_id: leadIdOf(existing), reason: 'same phone +14155550177' }]);
  });

  it('adds a capture of a merged-away address to the survivor, with its touches counted', async () => {
    const [survivor] = await captureLeads(database.db, { items: [person('eve@merge-path-labs.com')], actor, now, defaultTouchType: 'form_fill' });
    const [duplicate] = await captureLeads(database.db, { items: [person('eve.other@merge-path-labs.com')], actor, now, defaultTouchType: 'form_fill' });
    await mergeLeads(database.db, { survivorId: leadIdOf(survivor), mergedId: leadIdOf(duplicate), actor, now, access: operatorAccess });
    const [again] = await captureLeads(database.db, { items: [person('Eve.Other@merge-path-labs.com', { touch: { type: 'demo_request' } })], actor, now, defaultTouchType: 'form_fill' });
    expect(again).toMatchObject({ outcome: 'merged', leadId: leadIdOf(survivor), changed: true });
    const touches = await database.db.selectFrom('touches').select('type').where('lead_id', '=', leadIdOf(survivor)).execute();
    expect(touches.map((touch) => touch.type).sort()).toEqual(['demo_request', 'webinar', 'webinar']);
    const stored = await database.db.selectFrom('leads').select('engagement_score').where('id', '=', leadIdOf(survivor)).executeTakeFirstOrThrow();
    expect(stored.engagement_score).toBeGreaterThan(0);
  });

  it('scores under a newly activated pact at once, though the previous capture used the old one', async () => {
    const [before] = await captureLeads(database.db, { items: [person('fay@pact-switch-labs.com')], actor, now, defaultTouchType: 'form_fill' });
    const stricter = defaultPact();
    stricter.grading.thresholds = { A: 99, B: 98, C: 97 };
    const audit = { type: 'system' as const, id: null };
    const { version } = await proposePactVersion(database.db, { document: stricter, note: 'stricter grades', actor: audit, createdBy: null, access: operatorAccess });
    await approvePactVersion(database.db, { version, approver: { email: 'mara@example.test' }, access: operatorAccess, actor: audit, now });
    await approvePactVersion(database.db, { version, approver: { email: 'sam@example.test' }, access: operatorAccess, actor: audit, now });
    await activatePactVersion(database.db, { version, activatedBy: null, actor: audit, now, access: operatorAccess });
    const [after] = await captureLeads(database.db, { items: [person('gus@pact-switch-labs.com')], actor, now, defaultTouchType: 'form_fill' });
    const rows = await database.db.selectFrom('leads').innerJoin('pact_versions', 'pact_versions.id', 'leads.pact_version_id').select(['leads.id', 'pact_versions.version']).where('leads.id', 'in', [leadIdOf(before), leadIdOf(after)]).execute();
    expect(rows.find((row) => row.id === leadIdOf(before))?.version).toBeLessThan(version);
    expect(rows.find((row) => row.id === leadIdOf(after))?.version).toBe(version);
  });

  it('makes one lead of one person sent many times through a batcher writing several batches at once', async () => {
    const batcher = createCaptureBatcher(database.db, { now: () => now, maxInFlight: 3 });
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, index) => batcher.capture(person(index % 2 ? 'Hal@In-Flight-Labs.com' : 'hal@in-flight-labs.com', { city: `City ${index}` }), actor, 'form_fill')),
    );
    await batcher.drain();
    expect(new Set(results.map((result) => leadIdOf(result))).size).toBe(1);
    expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
    const leads = await database.db.selectFrom('leads').select('id').where('email_key', '=', 'hal@in-flight-labs.com').execute();
    expect(leads).toHaveLength(1);
  });
});
