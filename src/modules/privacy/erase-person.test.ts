import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { normalizeEmail } from '../../core/normalize/normalize-email.ts';
import { erasedLeadColumns, leadErasurePolicy } from '../../core/privacy/lead-erasure-policy.ts';
import { erasedMarker } from '../../core/privacy/redact-personal-data.ts';
import { erasePerson } from './erase-person.ts';
import { exportPersonalData } from './export-personal-data.ts';
import { isSuppressed } from './is-suppressed.ts';
import { dana, dumpDatabase, kim, leaveFootprint, type PersonFootprint } from './person-footprint.fixture.ts';

const now = new Date('2026-11-22T10:00:00Z');
const later = new Date('2026-11-23T10:00:00Z');
const operator = { type: 'cli' as const, id: null };
const matchKey = (email: string) => {
  const checked = normalizeEmail(email);
  if (!checked.ok) throw new Error(email);
  return checked.matchKey;
};

/** Everything of Dana's a dump could still show: each e-mail (any case), the phone as stored and as typed, her last name. */
const traces = [dana.email, dana.otherEmail, matchKey(dana.email), matchKey(dana.otherEmail), dana.phoneE164, dana.phoneTyped, '4155550123', dana.lastName].map((trace) => trace.toLowerCase());
const tracesIn = (text: string) => traces.filter((trace) => text.toLowerCase().includes(trace));

describeEachDatabase('erasing a person', (kind) => {
  let database: TestDatabase;
  let footprint: PersonFootprint;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    footprint = await leaveFootprint(database, now);
  });
  afterAll(() => database.destroy());

  it('refuses a reason that quotes the person, before writing anything', async () => {
    await expect(erasePerson(database.db, { email: dana.email, reason: 'Dana Reyes called us', actor: operator, now: later })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'reason' }] });
    await expect(erasePerson(database.db, { email: 'not an address', reason: 'request 1', actor: operator, now: later })).rejects.toMatchObject({ issues: [{ path: 'email' }] });
    const lead = await database.db.selectFrom('leads').select(['email', 'erased_at']).where('id', '=', footprint.survivorId).executeTakeFirstOrThrow();
    expect(lead).toEqual({ email: dana.email.toLowerCase(), erased_at: null });
  });

  it('leaves no e-mail, phone or last name of the person anywhere in the database (both schemas, every table)', async () => {
    const before = await dumpDatabase(database);
    // The test can fail: every trace is there before, in leadpact's tables and in pg-boss's.
    expect(tracesIn(before.text).sort()).toEqual([...traces].sort());
    expect(before.tables).toContain(`${footprint.jobSchema}.job`);
    expect(before.text).toContain(`${footprint.jobSchema}.job`);
    const auditCount = await countAuditEntries(database);

    const report = await erasePerson(database.db, { email: 'DANA.REYES+whatever@northwind-analytics.com', reason: 'GDPR request #114 by e-mail', actor: operator, now: later });
    expect(report.status).toBe('erased');
    expect(new Set(report.leadIds)).toEqual(new Set([footprint.survivorId, footprint.duplicateId]));
    expect(report.rewritten.lead_events).toBeGreaterThan(0);
    expect(report.rewritten.audit_log).toBeGreaterThan(0);
    // The job payload that quoted her lives in one of pg-boss's job partitions.
    const jobRows = Object.entries(report.rewritten).filter(([table]) => table.startsWith(`${footprint.jobSchema}.job`));
    expect(jobRows.reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(0);

    const after = await dumpDatabase(database);
    expect(after.tables).toEqual(before.tables);
    expect(tracesIn(after.text)).toEqual([]);
    // Someone else is untouched.
    expect(after.text).toContain(kim.email);
    expect(after.text).toContain('+16502530000');
    // The audit log only grew: one entry per erased lead; nothing was deleted.
    expect(await countAuditEntries(database)).toBe(auditCount + 2);
  });

  it('keeps the analytics: stages, scores, grades, source, account, touches and events stay', async () => {
    const leads = await database.db.selectFrom('leads').selectAll().where('id', 'in', [footprint.survivorId, footprint.duplicateId]).execute();
    expect(leads).toHaveLength(2);
    for (const lead of leads) {
      expect(lead.erased_at?.toISOString()).toBe(later.toISOString());
      for (const column of erasedLeadColumns) expect(lead[column], column).toEqual(column === 'attributes' ? {} : null);
      expect(lead.stage).toBeTruthy();
      expect(lead.score).not.toBeNull();
      expect(lead.grade).not.toBeNull();
    }
    const survivor = leads.find((lead) => lead.id === footprint.survivorId)!;
    expect(survivor.account_id).not.toBeNull();
    expect(survivor.country).toBe('US');
    expect(survivor.industry).toBe('Software');
    const touches = await database.db.selectFrom('touches').select(['type', 'detail', 'dedupe_key']).where('lead_id', '=', footprint.survivorId).execute();
    expect(touches.map((touch) => touch.type).sort()).toEqual(['demo_request', 'import', 'webinar']);
    expect(touches.every((touch) => touch.detail === null && touch.dedupe_key.startsWith('erased:'))).toBe(true);
    const reasons = (await database.db.selectFrom('lead_events').select('reason').where('lead_id', '=', footprint.duplicateId).execute()).map((event) => event.reason);
    expect(reasons.some((reason) => reason === `Possible duplicate of lead ${footprint.survivorId}: same phone ${erasedMarker}`)).toBe(true);
    const consents = await database.db.selectFrom('lead_consents').selectAll().where('lead_id', '=', footprint.survivorId).execute();
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ basis: 'consent', marketing_email: true, withdrawal_source: 'erasure' });
    // The capture's own create entry and the fixture's (with the raw request) both keep only what is not personal.
    const creates = await database.db.selectFrom('audit_log').select('new_values').where('entity_id', '=', footprint.survivorId).where('action', '=', 'create').orderBy('id').execute();
    expect(creates).toHaveLength(2);
    for (const entry of creates) expect(entry.new_values).toMatchObject({ email: erasedMarker, last_name: erasedMarker, phone: erasedMarker });
    expect(creates[1]!.new_values).toMatchObject({ stage: 'mql', grade: 'A', request: erasedMarker });
  });

  it('suppresses every spelling of each of the person’s addresses, and nobody else', async () => {
    const keys = ['dana.reyes@NORTHWIND-ANALYTICS.com', 'Dana.Reyes+later@northwind-analytics.com', 'dreyeshome@googlemail.com', kim.email].map(matchKey);
    const suppressed = await isSuppressed(database.db, keys);
    expect(suppressed).toEqual(new Set(keys.slice(0, 3)));
    expect(await isSuppressed(database.db, [])).toEqual(new Set());
    const stored = await database.db.selectFrom('suppressions').select(['identity_hash', 'reason']).execute();
    expect(stored).toHaveLength(2);
    expect(stored.every((row) => /^[0-9a-f]{64}$/u.test(row.identity_hash) && row.reason === 'GDPR request #114 by e-mail')).toBe(true);
  });

  it('is idempotent: erasing again changes nothing and says so', async () => {
    const before = await dumpDatabase(database);
    const again = await erasePerson(database.db, { email: dana.email, reason: 'GDPR request #114, repeated', actor: operator, now: new Date('2026-11-24T10:00:00Z') });
    expect(again).toEqual({ status: 'already_erased', leadIds: [], suppressedAt: later.toISOString(), rewritten: {} });
    expect((await dumpDatabase(database)).text).toBe(before.text);
  });

  it('exports nothing personal afterwards: the document only says the person is suppressed', async () => {
    const document = await exportPersonalData(database.db, { email: dana.email, now: later });
    expect(document.suppressed).toBe(true);
    expect(document.leads).toEqual([]);
    expect(document.otherRecords).toEqual([]);
    expect(tracesIn(JSON.stringify(document))).toEqual([]);
  });

  it('suppresses an address it never held, answers NOT_FOUND, then already_erased', async () => {
    const address = 'nobody.here@fabrikam-systems.com';
    await expect(erasePerson(database.db, { email: address, reason: 'request #115', actor: operator, now: later })).rejects.toMatchObject({ code: 'NOT_FOUND', userMessage: expect.stringMatching(/suppression list/u) });
    expect(await isSuppressed(database.db, [matchKey(address)])).toEqual(new Set([matchKey(address)]));
    const again = await erasePerson(database.db, { email: address, reason: 'request #115', actor: operator, now: later });
    expect(again.status).toBe('already_erased');
  });

  it('classifies every column the leads table really has', async () => {
    const columns = await database.db
      .selectFrom('information_schema.columns' as never)
      .select('column_name' as never)
      .where('table_name' as never, '=', 'leads' as never)
      .where('table_schema' as never, '=', (database.schema ?? 'public') as never)
      .execute();
    expect(columns.map((row) => (row as { column_name: string }).column_name).sort()).toEqual(Object.keys(leadErasurePolicy).sort());
  });
});

describeEachDatabase('erasing a person leaves people who only look alike', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.destroy());

  it('keeps another Reyes at the same company and a lead that shares the switchboard number', async () => {
    const footprint = await leaveFootprint(database, now);
    const { captureLeads } = await import('../capture/capture-leads.ts');
    const [carlos] = await captureLeads(database.db, {
      items: [{ input: { email: 'carlos.reyes@northwind-analytics.com', firstName: 'Carlos', lastName: 'Reyes', company: dana.company, phone: dana.phoneTyped } }],
      actor: { type: 'api_key', id: null, label: 'API' },
      now,
      defaultTouchType: 'form_fill',
    });
    if (carlos?.outcome !== 'created') throw new Error('expected Carlos to be new');
    await erasePerson(database.db, { email: dana.email, reason: 'request #200', actor: operator, now: later });
    const row = await database.db.selectFrom('leads').selectAll().where('id', '=', carlos.leadId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: 'carlos.reyes@northwind-analytics.com', first_name: 'Carlos', last_name: 'Reyes', phone: dana.phoneE164, erased_at: null });
    const survivor = await database.db.selectFrom('leads').select('erased_at').where('id', '=', footprint.survivorId).executeTakeFirstOrThrow();
    expect(survivor.erased_at).not.toBeNull();
  });
});

async function countAuditEntries(database: TestDatabase): Promise<number> {
  const row = await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}
