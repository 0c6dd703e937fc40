import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';

/** The installation's suppression HMAC key (created by the privacy migration). */
export async function loadSuppressionKey(db: Db): Promise<string> {
  const row = await db.selectFrom('privacy_settings').select('suppression_key').where('id', '=', 1).executeTakeFirst();
  if (!row) throw new AppError('INTERNAL', { message: 'privacy_settings has no suppression key; is the database migrated?' });
  return row.suppression_key;
}

/** Adds entries to the suppression list; an entry already there keeps its first reason and time. Returns the hashes added. */
export async function insertSuppressions(db: Db, entries: readonly { identityHash: string; reason: string; at: Date }[]): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const rows = await db
    .insertInto('suppressions')
    .values(entries.map((entry) => ({ identity_hash: entry.identityHash, reason: entry.reason, created_at: entry.at })))
    .onConflict((conflict) => conflict.column('identity_hash').doNothing())
    .returning('identity_hash')
    .execute();
  return new Set(rows.map((row) => row.identity_hash));
}

/** The entries of the given identity hashes that are on the suppression list, with when each was added. */
export async function findSuppressions(db: Db, hashes: readonly string[]): Promise<Map<string, Date>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.selectFrom('suppressions').select(['identity_hash', 'created_at']).where('identity_hash', 'in', [...hashes]).execute();
  return new Map(rows.map((row) => [row.identity_hash, row.created_at]));
}
