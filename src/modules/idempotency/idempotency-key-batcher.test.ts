import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createIdempotencyKeyBatcher } from './idempotency-key-batcher.ts';
import { findKey, type IdempotencyOwner } from './idempotency-key.repository.ts';

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

describeEachDatabase('idempotency keys claimed and settled together', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.destroy());

  const owner: IdempotencyOwner = { type: 'api_key', id: '3f1c2f9e-64a4-4a51-9a4e-1d2b7f0c9a11' };
  const now = new Date('2026-11-22T10:00:00Z');
  const response = (body: string) => ({ status: 201, headers: { 'content-type': 'application/json' }, body, omitted: null });

  it('claims the keys of one burst with one statement and completes them with another, as one by one would', async () => {
    const counter = statementCounter();
    const keys = createIdempotencyKeyBatcher(database.db.withPlugin(counter));
    const names = ['burst-1', 'burst-2', 'burst-3', 'burst-4', 'burst-5'];
    const claims = await Promise.all(names.map((key) => keys.claim({ owner, key, requestHash: `hash-${key}`, now, leaseMs: 30_000 })));
    expect(claims).toEqual(names.map(() => ({ kind: 'claimed', tookOverLapsedLease: false })));
    expect(counter.statements).toBe(1);

    const settled = await Promise.all(names.map((key) => keys.settle({ owner, key, response: response(`{"key":"${key}"}`), now })));
    expect(settled).toEqual(names.map(() => 'completed'));
    expect(counter.statements).toBe(2);
    for (const key of names) {
      expect(await findKey(database.db, { owner, key })).toMatchObject({ state: 'completed', locked_until: null, response_status: 201, response_body: `{"key":"${key}"}`, response_headers: { 'content-type': 'application/json' } });
    }

    // Claimed again (a retry), a completed key replays its response; another request with it is refused.
    const [replay, other] = await Promise.all([
      keys.claim({ owner, key: 'burst-1', requestHash: 'hash-burst-1', now, leaseMs: 30_000 }),
      keys.claim({ owner, key: 'burst-2', requestHash: 'a different request', now, leaseMs: 30_000 }).catch((error: unknown) => error),
    ]);
    expect(replay).toEqual({ kind: 'completed', response: { status: 201, headers: { 'content-type': 'application/json' }, body: '{"key":"burst-1"}', omitted: null } });
    expect(other).toMatchObject({ code: 'UNPROCESSABLE' });
  });

  it('gives a key sent twice in one turn to the first request; the second finds it running (409)', async () => {
    const keys = createIdempotencyKeyBatcher(database.db);
    const [first, second] = await Promise.all([
      keys.claim({ owner, key: 'twice', requestHash: 'same', now, leaseMs: 30_000 }),
      keys.claim({ owner, key: 'twice', requestHash: 'same', now, leaseMs: 30_000 }).catch((error: unknown) => error),
    ]);
    expect(first).toEqual({ kind: 'claimed', tookOverLapsedLease: false });
    expect(second).toMatchObject({ code: 'CONFLICT' });
    // A failed request (5xx) releases its key, so a retry runs it again.
    expect(await keys.settle({ owner, key: 'twice', response: { status: 500, headers: {}, body: '{}', omitted: null }, now })).toBe('released');
    expect(await findKey(database.db, { owner, key: 'twice' })).toBeUndefined();
  });
});
