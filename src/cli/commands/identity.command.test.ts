import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { resolveApiKey } from '../../modules/identity/resolve-api-key.ts';
import { verifyCredentials } from '../../modules/identity/verify-credentials.ts';
import { installDefaultPact } from '../../modules/pact/install-default-pact.ts';
import { insertUser } from '../../modules/team/user.repository.ts';
import { registerApiKeyCommand } from './identity.command.ts';
import { registerTeamCommand } from './team.command.ts';
import { runCommandLine } from './run-command-line.fixture.ts';

const now = new Date('2026-11-22T09:00:00Z');

describeEachDatabase('leadpact user password and api-key commands', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await installDefaultPact(database.db);
    await insertUser(database.db, { email: 'robin@example.com', name: 'Robin Rep', role: 'sales_rep', capacity: 10 });
  });
  afterAll(() => database.destroy());

  /** Runs one command line against the test database; returns what it printed and its exit code. */
  const leadpact = (...args: string[]) => runCommandLine(database.db, { register: [registerTeamCommand, registerApiKeyCommand], now: now }, args);

  it('sets a generated password, printed once, that signs in', async () => {
    const result = await leadpact('user', 'password', 'Robin@Example.com');
    expect(result.exitCode, result.err).toBe(0);
    const password = /password of robin@example.com: (\S+)\n/.exec(result.out)?.[1];
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect((await verifyCredentials(database.db, { email: 'robin@example.com', password: password!, now })).email).toBe('robin@example.com');
    const audit = await database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'user').execute();
    expect(audit.at(-1)).toMatchObject({ actor_type: 'cli', action: 'update', new_values: { password: '(set)' } });
    expect((await leadpact('user', 'password', 'nobody@example.com')).exitCode).toBe(1);
  });

  it('creates, lists and revokes keys; scopes beyond the role are refused', async () => {
    const refused = await leadpact('api-key', 'create', 'robin@example.com', '--name', 'Too much', '--scopes', 'leads:read,admin');
    expect(refused.exitCode).toBe(1);
    expect(refused.err).toMatch(/cannot grant admin/);
    expect((await leadpact('api-key', 'create', 'robin@example.com', '--name', 'Typo', '--scopes', 'leads:reed')).err).toMatch(/--scopes: unknown scope leads:reed/);

    const created = await leadpact('api-key', 'create', 'robin@example.com', '--name', 'Laptop script', '--scopes', 'leads:read, capture', '--json');
    expect(created.exitCode, created.err).toBe(0);
    const key = JSON.parse(created.out);
    expect(key).toMatchObject({ name: 'Laptop script', scopes: ['leads:read', 'capture'], userEmail: 'robin@example.com' });
    expect(await resolveApiKey(database.db, { keyText: key.key, now })).toMatchObject({ kind: 'api_key', email: 'robin@example.com' });

    const listed = await leadpact('api-key', 'list');
    expect(listed.out).toContain(`lp_${key.prefix}_…`);
    expect(listed.out).not.toContain(key.key);
    expect((await leadpact('api-key', 'revoke', key.id)).out).toMatch(/^revoked lp_/);
    expect(await resolveApiKey(database.db, { keyText: key.key, now })).toBeNull();
    expect((await leadpact('api-key', 'list', '--user', 'robin@example.com')).out).toMatch(/REVOKED/);
  });
});
