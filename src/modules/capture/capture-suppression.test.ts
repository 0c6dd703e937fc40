import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { installDefaultPact } from '../pact/install-default-pact.ts';
import { erasePerson } from '../privacy/erase-person.ts';
import { captureLeads } from './capture-leads.ts';

describeEachDatabase('capture of an erased person', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
  });
  afterAll(() => database.destroy());

  it('is refused in any spelling, naming the e-mail, and stores nothing', async () => {
    const capture = (email: string) => captureLeads(database.db, { items: [{ input: { email, firstName: 'Noor' } }, { input: { email: 'someone.else@quiet-co.com' } }], actor: { type: 'system', id: null, label: 'test' }, now: new Date(), defaultTouchType: 'form_fill' });
    const [first] = await capture('noor.haddad@quiet-co.com');
    expect(first?.outcome).toBe('created');
    await erasePerson(database.db, { email: 'noor.haddad@quiet-co.com', reason: 'request #42', actor: { type: 'system', id: null }, now: new Date() });
    const before = await database.db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const [again, other] = await capture('  Noor.Haddad+promo@QUIET-CO.com ');
    expect(again).toEqual({ outcome: 'rejected', issues: [{ path: 'email', message: 'this person asked to be erased; leadpact will not store them again' }] });
    expect(other?.outcome).toBe('merged');
    const after = await database.db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
