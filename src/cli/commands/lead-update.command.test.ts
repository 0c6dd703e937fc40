import { afterAll, beforeAll, expect, it } from 'vitest';
// First: the command loads the API's schemas, whose zod-openapi extension must be in place before
// any zod schema they extend is built (capture-leads builds lead-input's).
import { registerLeadCommand } from './lead.command.ts';
import { createSalesOrg, type SalesOrg } from '../../../test/support/sales-org.ts';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { captureLeads } from '../../modules/capture/capture-leads.ts';
import { installDefaultPact } from '../../modules/pact/install-default-pact.ts';
import { runCommandLine } from './run-command-line.fixture.ts';

describeEachDatabase('leadpact lead update', (kind) => {
  let database: TestDatabase;
  let org: SalesOrg;
  let leadId: string;
  const now = new Date('2026-03-02T15:00:00Z');
  const leadpact = (...args: string[]) => runCommandLine(database.db, { register: [registerLeadCommand], now }, args);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
    org = await createSalesOrg(database.db, { inside: { 'ivy@example.test': 10 }, field: { 'finn@example.test': 10 } });
    const [result] = await captureLeads(database.db, {
      items: [{ input: { email: 'dana.cruz@northwind-labs.com', firstName: 'Dana', lastName: 'Cruz', title: 'Analyst', country: 'US', touch: { type: 'form_fill' } } }],
      actor: { type: 'system', id: null, label: 'test' },
      now,
      defaultTouchType: 'form_fill',
    });
    if (!result || result.outcome === 'rejected') throw new Error(`the test lead was refused: ${JSON.stringify(result)}`);
    leadId = result.leadId;
  });
  afterAll(() => database.destroy());

  it('corrects contact details (normalised, "none" clears), hands the lead over by e-mail, and puts the reason on the timeline', async () => {
    const corrected = await leadpact('lead', 'update', 'DANA.CRUZ@northwind-labs.com', '--title', 'VP Engineering', '--phone', '(415) 555-2671', '--last-name', 'none', '--employees', '1200', '--json');
    expect(corrected.exitCode, corrected.err).toBe(0);
    expect(JSON.parse(corrected.out)).toMatchObject({ id: leadId, title: 'VP Engineering', phone: '+14155552671', lastName: null, employees: 1200 });

    const handed = await leadpact('lead', 'update', leadId, '--owner', 'IVY@example.test', '--reason', 'Knows the account');
    expect(handed.exitCode, handed.err).toBe(0);
    expect(handed.out).toContain(`owner ${org.reps['ivy@example.test']}`);
    const event = await database.db.selectFrom('lead_events').select(['reason', 'detail']).where('lead_id', '=', leadId).where('type', '=', 'assignment').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event.reason).toContain('Knows the account');
    expect(event.detail).toMatchObject({ note: 'Knows the account', ownerId: org.reps['ivy@example.test'], manual: true });

    const unassigned = await leadpact('lead', 'update', leadId, '--owner', 'none', '--json');
    expect(unassigned.exitCode, unassigned.err).toBe(0);
    expect(JSON.parse(unassigned.out)).toMatchObject({ id: leadId, ownerId: null });
  });

  it('refuses bad options naming them, with exit code 1, and changes nothing', async () => {
    const before = await database.db.selectFrom('leads').selectAll().where('id', '=', leadId).executeTakeFirstOrThrow();
    const cases: [string[], string][] = [
      [['lead', 'update', leadId, '--employees', 'many'], '--employees'],
      [['lead', 'update', leadId, '--owner', 'nobody@example.test'], '--owner'],
      [['lead', 'update', leadId, '--stage', 'hot'], '--stage'],
      [['lead', 'update', leadId, '--disposition', 'wrong_target'], '--disposition'],
      [['lead', 'update', leadId, '--reason', 'no change'], 'nothing to change'],
      [['lead', 'update', 'not-an-email', '--title', 'X'], 'LEAD'],
    ];
    for (const [args, named] of cases) {
      const result = await leadpact(...args);
      expect(result.exitCode, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toContain(named);
    }
    const after = await database.db.selectFrom('leads').selectAll().where('id', '=', leadId).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});
