import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { exportPersonalData } from './export-personal-data.ts';
import { dana, kim, leaveFootprint, type PersonFootprint } from './person-footprint.fixture.ts';

const now = new Date('2026-11-22T10:00:00Z');

describeEachDatabase('exporting what is held on a person', (kind) => {
  let database: TestDatabase;
  let footprint: PersonFootprint;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    footprint = await leaveFootprint(database, now);
  });
  afterAll(() => database.destroy());

  it('gathers both of the person’s leads and everything attached to them, in one JSON document', async () => {
    const document = await exportPersonalData(database.db, { email: 'DANA.REYES+x@northwind-analytics.com', now });
    expect(document.exportedAt).toBe(now.toISOString());
    expect(document.suppressed).toBe(false);
    expect(document.leads.map((lead) => lead.id)).toEqual([footprint.survivorId, footprint.duplicateId]);
    expect(document.leads[0]).toMatchObject({ email: dana.email.toLowerCase(), firstName: 'Dana', lastName: 'Reyes', phone: dana.phoneE164, city: 'Oakland' });
    expect(document.consents).toEqual([expect.objectContaining({ leadId: footprint.survivorId, basis: 'consent', marketingEmail: true, source: 'pricing page form', withdrawnAt: null })]);
    expect(document.touches.map((touch) => touch.type).sort()).toEqual(['demo_request', 'import', 'webinar']);
    expect(document.touches.find((touch) => touch.type === 'demo_request')?.detail).toEqual({ message: `Dana Reyes asks for a demo, call ${dana.phoneTyped}` });
    expect(document.events.map((event) => event.type)).toEqual(expect.arrayContaining(['stage_change', 'duplicate_flagged', 'merged', 'rescored']));
    expect(document.duplicateCandidates).toEqual([expect.objectContaining({ leadId: footprint.duplicateId, otherLeadId: footprint.survivorId, status: 'merged' })]);
    expect(document.opportunities).toEqual([expect.objectContaining({ name: `${dana.company} — Dana Reyes` })]);
    expect(document.importRows).toEqual([expect.objectContaining({ fileName: 'webinar-attendees.csv', line: 2, outcome: 'merged', leadId: footprint.survivorId })]);
    const auditSubjects = document.auditEntries.map((entry) => `${entry.entityType}:${entry.action}`);
    expect(auditSubjects).toEqual(expect.arrayContaining(['lead:merge', 'lead:create', 'webhook_delivery:create']));
    expect(document.otherRecords.some((record) => record.table.startsWith(`${footprint.jobSchema}.job`) && JSON.stringify(record.values).includes(dana.phoneTyped))).toBe(true);
    expect(JSON.stringify(document)).not.toContain(kim.email);
  });

  it('finds the same person from the address of the lead merged away', async () => {
    const document = await exportPersonalData(database.db, { email: dana.otherEmail, now });
    expect(document.leads.map((lead) => lead.id).sort()).toEqual([footprint.survivorId, footprint.duplicateId].sort());
  });

  it('answers an address it holds nothing on with an empty document, and refuses a malformed one', async () => {
    const document = await exportPersonalData(database.db, { email: 'nobody@fabrikam-systems.com', now });
    expect(document).toMatchObject({ suppressed: false, leads: [], touches: [], auditEntries: [], otherRecords: [] });
    await expect(exportPersonalData(database.db, { email: 'dana at northwind', now })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'email' }] });
  });
});
