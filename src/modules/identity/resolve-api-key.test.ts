import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { systemActor } from '../audit/record-audit.ts';
import { insertUser } from '../team/user.repository.ts';
import { createApiKey } from './create-api-key.ts';
import { resolveApiKey } from './resolve-api-key.ts';

/** Counts the statements sent through the Kysely instance it is added to. */
function statementCounter(): KyselyPlugin & { statements: number } {
  return {
    statements: 0,
    transformQuery(args) {
      this.statements += 1;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
}

describeEachDatabase('resolveApiKey', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.destroy());

  it('answers requests that arrive together with one lookup and one last-use write, and refuses a key once it is revoked', async () => {
    const owner = await insertUser(database.db, { email: 'burst@example.com', name: 'Burst', role: 'marketing' });
    const created = await createApiKey(database.db, { owner, name: 'burst', scopes: ['capture'], now: new Date('2026-11-22T10:00:00Z'), actor: systemActor });
    const counter = statementCounter();
    const db = database.db.withPlugin(counter);
    const now = new Date('2026-11-22T10:05:00Z');

    const principals = await Promise.all(Array.from({ length: 6 }, () => resolveApiKey(db, { keyText: created.secretText, now })));
    expect(principals.map((principal) => principal?.keyId)).toEqual(Array(6).fill(created.key.id));
    expect(counter.statements).toBe(2);
    const stored = await database.db.selectFrom('api_keys').select('last_used_at').where('id', '=', created.key.id).executeTakeFirstOrThrow();
    expect(stored.last_used_at).toEqual(now);

    // A wrong secret arriving with the right ones shares their lookup but is still refused.
    const [right, wrong] = await Promise.all([
      resolveApiKey(db, { keyText: created.secretText, now }),
      resolveApiKey(db, { keyText: `${created.secretText.slice(0, -4)}AAAA`, now }),
    ]);
    expect(right?.keyId).toBe(created.key.id);
    expect(wrong).toBeNull();

    // Nothing is kept once a lookup has answered: the next request after a revocation is refused.
    await database.db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', created.key.id).execute();
    expect(await resolveApiKey(db, { keyText: created.secretText, now })).toBeNull();
  });
});
