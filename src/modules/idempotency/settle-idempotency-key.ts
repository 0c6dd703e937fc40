import type { Db } from '../../db/database.ts';
import { deleteInFlightKey, markKeyCompleted, type CompletedResponse, type IdempotencyOwner } from './idempotency-key.repository.ts';

/**
 * Ends a claimed key once its request has run. A response below 500 is final: it is stored and every
 * retry with the key gets it back. A 5xx (or no response) releases the key, so a retry runs the
 * request again — the first run may have failed before or after its writes, and capture's dedupe by
 * e-mail keeps a rerun from making a second lead.
 */
export async function settleIdempotencyKey(
  db: Db,
  options: { owner: IdempotencyOwner; key: string; response: CompletedResponse | null; now: Date },
): Promise<'completed' | 'released'> {
  const ref = { owner: options.owner, key: options.key };
  if (options.response === null || options.response.status >= 500) {
    await deleteInFlightKey(db, ref);
    return 'released';
  }
  await markKeyCompleted(db, ref, options.response, options.now);
  return 'completed';
}
