import type { Db } from '../../db/database.ts';
import { claimIdempotencyKey, type ClaimOptions, type IdempotencyClaim } from './claim-idempotency-key.ts';
import { insertInFlightKeys, keyRefId, markKeysCompleted, type CompletedResponse, type IdempotencyOwner } from './idempotency-key.repository.ts';
import { settleIdempotencyKey } from './settle-idempotency-key.ts';

export interface IdempotencyKeyBatcher {
  /** claimIdempotencyKey, sharing its statement with the claims made in the same turn of the event loop. */
  claim(options: ClaimOptions): Promise<IdempotencyClaim>;
  /** settleIdempotencyKey, sharing its statement with the completions made in the same turn of the event loop. */
  settle(options: { owner: IdempotencyOwner; key: string; response: CompletedResponse | null; now: Date }): Promise<'completed' | 'released'>;
}

interface Waiting<Options, Result> {
  options: Options;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * A client that sends every capture with an Idempotency-Key costs two statements a request besides
 * the capture: the claim and the completion. This groups the ones that arrive together — the
 * requests of one burst are claimed together, and the answers of one capture batch go out
 * together — into one statement each, with the same outcome as one by one: a new key is claimed by
 * the multi-row insert exactly as by the single one; every other case (the key exists: replay,
 * 409, 422, expired, lapsed lease) and every release (5xx) takes the one-key path unchanged.
 */
export function createIdempotencyKeyBatcher(db: Db): IdempotencyKeyBatcher {
  let claims: Waiting<ClaimOptions, IdempotencyClaim>[] = [];
  let completions: Waiting<{ owner: IdempotencyOwner; key: string; response: CompletedResponse; now: Date }, void>[] = [];

  async function claimTogether(batch: Waiting<ClaimOptions, IdempotencyClaim>[]): Promise<void> {
    // A key sent twice in one turn: the first takes part in the insert, the other finds it taken.
    const seen = new Set<string>();
    const first = batch.filter(({ options }) => {
      const id = keyRefId(options);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    let inserted: Set<string>;
    try {
      inserted = await insertInFlightKeys(
        db,
        first.map(({ options }) => ({ ref: options, requestHash: options.requestHash, lockedUntil: new Date(options.now.getTime() + options.leaseMs), createdAt: options.now })),
      );
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    const insertedBy = new Set<Waiting<ClaimOptions, IdempotencyClaim>>();
    for (const waiting of first) if (inserted.has(keyRefId(waiting.options))) insertedBy.add(waiting);
    await Promise.all(
      batch.map(async (waiting) => {
        if (insertedBy.has(waiting)) return waiting.resolve({ kind: 'claimed', tookOverLapsedLease: false });
        try {
          waiting.resolve(await claimIdempotencyKey(db, waiting.options));
        } catch (error) {
          waiting.reject(error);
        }
      }),
    );
  }

  async function completeTogether(batch: typeof completions): Promise<void> {
    // A key settled twice in one turn (a request still finishing after another took over its lapsed
    // lease): the first goes in the statement, the second after it, as one by one.
    const seen = new Set<string>();
    const [first, again] = [[] as typeof batch, [] as typeof batch];
    for (const waiting of batch) {
      const id = keyRefId(waiting.options);
      (seen.has(id) ? again : first).push(waiting);
      seen.add(id);
    }
    try {
      await markKeysCompleted(
        db,
        first.map(({ options }) => ({ ref: options, response: options.response, completedAt: options.now })),
      );
      for (const waiting of first) waiting.resolve();
    } catch (error) {
      for (const waiting of first) waiting.reject(error);
    }
    for (const waiting of again) {
      try {
        await settleIdempotencyKey(db, waiting.options);
        waiting.resolve();
      } catch (error) {
        waiting.reject(error);
      }
    }
  }

  return {
    claim(options) {
      return new Promise((resolve, reject) => {
        if (claims.length === 0) {
          setImmediate(() => {
            const batch = claims;
            claims = [];
            void claimTogether(batch);
          });
        }
        claims.push({ options, resolve, reject });
      });
    },
    async settle(options) {
      const { response } = options;
      if (response === null || response.status >= 500) return settleIdempotencyKey(db, options);
      await new Promise<void>((resolve, reject) => {
        if (completions.length === 0) {
          setImmediate(() => {
            const batch = completions;
            completions = [];
            void completeTogether(batch);
          });
        }
        completions.push({ options: { ...options, response }, resolve, reject });
      });
      return 'completed';
    },
  };
}
