import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { leadInputSchema } from '../../core/lead/lead-input.ts';
import { captureLeads, type CaptureItem } from '../capture/capture-leads.ts';
import { installDefaultPact } from '../pact/install-default-pact.ts';
import { changeLeadConsent } from './change-lead-consent.ts';
import { listConsentsOfLeads } from './consent.repository.ts';
import { erasePerson } from './erase-person.ts';
import { recordCaptureConsents, recordConsents } from './record-consents.ts';

const now = new Date('2026-11-22T10:00:00Z');
const actor = { type: 'user' as const, id: null };

describeEachDatabase('consent and lawful basis', (kind) => {
  let database: TestDatabase;
  let leadId: string;
  let otherId: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
    const results = await captureLeads(database.db, {
      items: [{ input: { email: 'ana.silva@acme-robotics.com', firstName: 'Ana' } }, { input: { email: 'bo@beta-tools.io' } }],
      actor: { type: 'api_key', id: null, label: 'API' },
      now,
      defaultTouchType: 'form_fill',
    });
    leadId = (results[0] as { leadId: string }).leadId;
    otherId = (results[1] as { leadId: string }).leadId;
  });
  afterAll(() => database.destroy());

  it('is part of a lead input, validated with the field named', () => {
    expect(leadInputSchema.safeParse({ email: 'a@b.io', consent: { basis: 'consent', marketingEmail: true, source: 'form', capturedAt: '2026-11-01T09:00:00Z' } }).success).toBe(true);
    const wrong = leadInputSchema.safeParse({ email: 'a@b.io', consent: { basis: 'because', extra: 1 } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['consent', 'consent.basis']);
  });

  it('keeps the consent that comes with a capture, in the capture’s transaction', async () => {
    const [result] = await captureLeads(database.db, {
      items: [{ input: { email: 'cy@gamma-data.io', consent: { basis: 'consent', marketingEmail: true, source: 'pricing page form' } } }],
      actor: { type: 'form', id: null, label: 'web form' },
      now,
      defaultTouchType: 'form_fill',
    });
    const capturedId = (result as { leadId: string }).leadId;
    const consents = await listConsentsOfLeads(database.db, [capturedId]);
    expect(consents.map((row) => [row.basis, row.marketing_email, row.source, row.captured_at.toISOString()])).toEqual([['consent', true, 'pricing page form', now.toISOString()]]);
  });

  it('records the consents of a capture batch for the lead each item landed on, once, and skips honeypot items', async () => {
    const items: CaptureItem[] = [
      { input: { email: 'ana.silva@acme-robotics.com', consent: { basis: 'consent', marketingEmail: true, source: 'webinar form' } }, capturedAt: new Date('2026-11-20T08:00:00Z') },
      { input: { email: 'Ana.Silva@acme-robotics.com', consent: { basis: 'consent', marketingEmail: true, source: 'webinar form' } } },
      { input: { email: 'bo@beta-tools.io', consent: { basis: 'legitimate_interest', capturedAt: '2026-10-01T12:00:00+02:00' } } },
      { input: { email: 'bo@beta-tools.io', consent: { basis: 'consent', marketingEmail: true } }, forcedJunk: { code: 'honeypot', reason: 'bot' } },
      { input: { email: 'bo@beta-tools.io' } },
    ];
    const plans = [
      { leadId, group: { items: [{ index: 0 }, { index: 1 }] } },
      { leadId: otherId, group: { items: [{ index: 2 }, { index: 3, forcedJunk: items[3]!.forcedJunk }, { index: 4 }] } },
    ];
    const stored = await recordCaptureConsents(database.db, plans, items, now);
    expect(stored.map((row) => [row.lead_id, row.basis, row.marketing_email, row.source, row.captured_at.toISOString()])).toEqual(
      expect.arrayContaining([
        [leadId, 'consent', true, 'webinar form', '2026-11-20T08:00:00.000Z'],
        [otherId, 'legitimate_interest', null, null, '2026-10-01T10:00:00.000Z'],
      ]),
    );
    expect(stored).toHaveLength(2);
    // The same statement again (a re-imported row) adds nothing while it is in force.
    expect(await recordCaptureConsents(database.db, plans, items, now)).toEqual([]);
  });

  it('withdraws with source and time, keeps the history, and records again after a withdrawal', async () => {
    const withdrawn = await changeLeadConsent(database.db, { leadId, change: { action: 'withdraw', source: 'unsubscribe link' }, actor, now });
    expect(withdrawn.changed).toBe(1);
    expect(withdrawn.consents).toHaveLength(1);
    expect(withdrawn.consents[0]).toMatchObject({ withdrawal_source: 'unsubscribe link' });
    expect(withdrawn.consents[0]!.withdrawn_at?.toISOString()).toBe(now.toISOString());
    await expect(changeLeadConsent(database.db, { leadId, change: { action: 'withdraw' }, actor, now })).rejects.toMatchObject({ code: 'CONFLICT' });

    const again = await changeLeadConsent(database.db, { leadId, change: { action: 'record', consent: { basis: 'consent', marketingEmail: true, source: 'webinar form' } }, actor, now });
    expect(again.changed).toBe(1);
    expect(again.consents.map((row) => row.withdrawn_at === null)).toEqual([false, true]);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'entity_type']).where('entity_type', '=', 'lead_consent').execute();
    expect(audit.map((entry) => entry.action).sort()).toEqual(['create', 'update']);
  });

  it('withdraws only the basis asked for', async () => {
    await recordConsents(database.db, [{ leadId: otherId, consent: { basis: 'contract' }, defaultCapturedAt: now }]);
    const result = await changeLeadConsent(database.db, { leadId: otherId, change: { action: 'withdraw', basis: 'contract' }, actor, now });
    expect(result.changed).toBe(1);
    const open = (await listConsentsOfLeads(database.db, [otherId])).filter((row) => row.withdrawn_at === null).map((row) => row.basis);
    expect(open).toEqual(['legitimate_interest']);
  });

  it('refuses unknown, malformed and erased leads', async () => {
    await expect(changeLeadConsent(database.db, { leadId: '00000000-0000-4000-8000-000000000000', change: { action: 'withdraw' }, actor, now })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(changeLeadConsent(database.db, { leadId: 'nope', change: { action: 'withdraw' }, actor, now })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'id' }] });
    await erasePerson(database.db, { email: 'bo@beta-tools.io', reason: 'request #7', actor, now });
    await expect(changeLeadConsent(database.db, { leadId: otherId, change: { action: 'record', consent: { basis: 'consent' } }, actor, now })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Erasure withdrew what was still in force.
    expect((await listConsentsOfLeads(database.db, [otherId])).every((row) => row.withdrawn_at !== null)).toBe(true);
  });
});
