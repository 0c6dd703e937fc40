import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { insertUser } from '../team/user.repository.ts';
import { bootstrapAdminEmail, ensureFirstSignIn } from './ensure-first-sign-in.ts';
import { verifyCredentials } from './verify-credentials.ts';

const now = new Date('2026-11-22T09:00:00Z');
const demoDomain = 'demo.leadpact.dev';

describeEachDatabase('first sign-in', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(() => database.destroy());

  const signsIn = async (email: string, password: string) => (await verifyCredentials(database.db, { email, password, now })).email;

  it('creates admin@localhost on an empty database, once', async () => {
    const first = await ensureFirstSignIn(database.db, { now, demoEmailDomain: demoDomain });
    expect(first).toMatchObject({ accounts: [{ email: bootstrapAdminEmail, role: 'admin' }], demo: false });
    expect(await signsIn(bootstrapAdminEmail, first!.password)).toBe(bootstrapAdminEmail);
    expect(await ensureFirstSignIn(database.db, { now, demoEmailDomain: demoDomain })).toBeNull();
    const admins = await database.db.selectFrom('users').select('email').where('role', '=', 'admin').execute();
    expect(admins).toEqual([{ email: bootstrapAdminEmail }]);
  });

  it('gives an existing admin the password instead of creating another', async () => {
    await insertUser(database.db, { email: 'rev.ops@example.com', name: 'Rev Ops', role: 'admin' });
    const first = await ensureFirstSignIn(database.db, { now, demoEmailDomain: demoDomain });
    expect(first?.accounts).toEqual([{ email: 'rev.ops@example.com', role: 'admin' }]);
    expect(await signsIn('rev.ops@example.com', first!.password)).toBe('rev.ops@example.com');
    expect(await database.db.selectFrom('users').select('email').execute()).toHaveLength(1);
  });

  it('gives every demo user one shared password and names the featured ones, admin first', async () => {
    await insertUser(database.db, { email: `robin@${demoDomain}`, name: 'Robin Rep', role: 'sales_rep', capacity: 10 });
    await insertUser(database.db, { email: `admin@${demoDomain}`, name: 'Riley Admin', role: 'admin' });
    await insertUser(database.db, { email: `someone.else@${demoDomain}`, name: 'Someone Else', role: 'marketing' });
    const first = await ensureFirstSignIn(database.db, { now, demoEmailDomain: demoDomain, featuredDemoEmails: [`admin@${demoDomain}`, `robin@${demoDomain}`] });
    expect(first).toMatchObject({ demo: true, accounts: [{ email: `admin@${demoDomain}`, role: 'admin' }, { email: `robin@${demoDomain}`, role: 'sales_rep' }] });
    for (const email of [`admin@${demoDomain}`, `robin@${demoDomain}`, `someone.else@${demoDomain}`]) expect(await signsIn(email, first!.password)).toBe(email);
    expect(await database.db.selectFrom('users').select('email').where('email', '=', bootstrapAdminEmail).execute()).toEqual([]);
  });
});
