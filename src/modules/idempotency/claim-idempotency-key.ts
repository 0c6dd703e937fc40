import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  deleteKeyCreatedBefore,
  findKey,
  insertInFlightKey,
  renewLease,
  takeOverLapsedKey,
  type CompletedResponse,
  type IdempotencyOwner,
  type KeyRef,
} from './idempotency-key.repository.ts';

/** How long a key is remembered: a reuse after this is a new request. */
export const idempotencyKeyRetentionMs = 24 * 60 * 60 * 1000;

export type IdempotencyClaim =
  /** The request is ours to run (new key, or a key whose first request died mid-way). */
  | { kind: 'claimed'; tookOverLapsedLease: boolean }
  /** The key's request already completed: answer with what it answered. */
  | { kind: 'completed'; response: CompletedResponse };

export interface ClaimOptions {
  owner: IdempotencyOwner;
  key: string;
  /** Hash of the request (method, path, media type, body): the same key must come with the same request. */
  requestHash: string;
  now: Date;
  /** How long the claim holds without renewal (ms). A request still running renews it. */
  leaseMs: number;
}

const keyIssuePath = 'Idempotency-Key';

/**
 * Stripe's semantics for one POST: a new key is claimed (an in-flight row with a lease); a key seen
 * with a different request is refused (UNPROCESSABLE, 422); a key whose request is still running is
 * refused (CONFLICT, 409, with the seconds to wait); a completed key returns its stored response. A
 * key whose request died (its lease ran out) is claimed again — safe for capture because capture
 * dedupes by e-mail, so a rerun never makes a second lead. Keys older than a day are forgotten.
 * Never runs the request itself.
 */
export async function claimIdempotencyKey(db: Db, options: ClaimOptions): Promise<IdempotencyClaim> {
  const ref: KeyRef = { owner: options.owner, key: options.key };
  const nowMs = options.now.getTime();
  const lockedUntil = new Date(nowMs + options.leaseMs);
  const expiredBefore = new Date(nowMs - idempotencyKeyRetentionMs);
  // Each turn either decides or sees a row that changed under it (deleted, taken over): a few turns suffice.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await insertInFlightKey(db, ref, { requestHash: options.requestHash, lockedUntil, createdAt: options.now })) {
      return { kind: 'claimed', tookOverLapsedLease: false };
    }
    const existing = await findKey(db, ref);
    if (!existing) continue;
    if (existing.created_at.getTime() < expiredBefore.getTime()) {
      await deleteKeyCreatedBefore(db, ref, expiredBefore);
      continue;
    }
    if (existing.request_hash !== options.requestHash) {
      const message = 'this key was already used with a different request (method, path or body); send a new key for a new request';
      throw new AppError('UNPROCESSABLE', { userMessage: `${keyIssuePath}: ${message}`, issues: [{ path: keyIssuePath, message }] });
    }
    if (existing.state === 'completed') {
      return {
        kind: 'completed',
        response: { status: existing.response_status ?? 200, headers: existing.response_headers ?? {}, body: existing.response_body, omitted: existing.response_omitted },
      };
    }
    const leaseEnd = existing.locked_until?.getTime() ?? 0;
    if (leaseEnd > nowMs) {
      const message = 'a request with this key is still in progress; retry once it has finished';
      throw new AppError('CONFLICT', { userMessage: `${keyIssuePath}: ${message}`, issues: [{ path: keyIssuePath, message }], retryAfterSeconds: Math.max(1, Math.ceil((leaseEnd - nowMs) / 1000)) });
    }
    if (await takeOverLapsedKey(db, ref, options.now, lockedUntil)) return { kind: 'claimed', tookOverLapsedLease: true };
  }
  const message = 'the key changed hands several times while this request tried to claim it; retry';
  throw new AppError('CONFLICT', { userMessage: `${keyIssuePath}: ${message}`, issues: [{ path: keyIssuePath, message }], retryAfterSeconds: 1 });
}

/** Moves the lease of a claimed key to `now + leaseMs` (the request is still running). */
export async function renewIdempotencyLease(db: Db, options: { owner: IdempotencyOwner; key: string; now: Date; leaseMs: number }): Promise<void> {
  await renewLease(db, { owner: options.owner, key: options.key }, new Date(options.now.getTime() + options.leaseMs));
}
