import type { Db } from '../../db/database.ts';
import { idempotencyKeyRetentionMs } from './claim-idempotency-key.ts';
import { deleteKeysCreatedBefore } from './idempotency-key.repository.ts';

/** Deletes keys older than the retention (a day before `now`); returns how many. Keys younger stay. */
export async function removeExpiredIdempotencyKeys(db: Db, options: { now: Date }): Promise<number> {
  return deleteKeysCreatedBefore(db, new Date(options.now.getTime() - idempotencyKeyRetentionMs));
}
