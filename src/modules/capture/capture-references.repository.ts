import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CampaignRow, Database, Db } from '../../db/database.ts';
import { loadSuppressionKey } from '../privacy/suppression.repository.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a batch names outside itself, found before its transaction starts. */
export interface CaptureReferences {
  /** The campaigns named by id or by name (each row once). */
  campaigns: CampaignRow[];
  /** Those of the given suppression hashes that are on the suppression list. */
  suppressedHashes: Set<string>;
}

/**
 * The suppression HMAC key of each database. The privacy migration creates it once and nothing
 * changes it afterwards, so each process reads it once instead of before every batch.
 */
const suppressionKeys = new WeakMap<Kysely<Database>, Promise<string>>();

export function cachedSuppressionKey(db: Kysely<Database>): Promise<string> {
  let key = suppressionKeys.get(db);
  if (!key) {
    key = loadSuppressionKey(db);
    // A failed read (a database not migrated yet) is not remembered.
    key.catch(() => suppressionKeys.delete(db));
    suppressionKeys.set(db, key);
  }
  return key;
}

/**
 * In one statement: the campaigns a batch names (by id or by name) and which of its people's
 * suppression hashes are on the suppression list. Parts with nothing to look for are left out; with
 * nothing at all to look for there is no statement.
 */
export async function findCaptureReferences(db: Db, lookup: { campaignReferences: readonly string[]; suppressionHashes: readonly string[] }): Promise<CaptureReferences> {
  const ids = lookup.campaignReferences.filter((reference) => uuidPattern.test(reference));
  const names = lookup.campaignReferences.filter((reference) => !uuidPattern.test(reference));
  const parts: RawBuilder<unknown>[] = [];
  if (ids.length > 0 || names.length > 0) {
    parts.push(sql`select c.*, null::text as suppressed_hash from campaigns c where c.id = any(${ids}::uuid[]) or c.name = any(${names}::text[])`);
  }
  if (lookup.suppressionHashes.length > 0) {
    parts.push(sql`select (null::campaigns).*, s.identity_hash as suppressed_hash from suppressions s where s.identity_hash = any(${[...lookup.suppressionHashes]}::text[])`);
  }
  const campaigns: CampaignRow[] = [];
  const suppressedHashes = new Set<string>();
  if (parts.length === 0) return { campaigns, suppressedHashes };
  const result = await sql<CampaignRow & { suppressed_hash: string | null }>`${sql.join(parts, sql` union all `)}`.execute(db);
  for (const row of result.rows) {
    if (row.suppressed_hash !== null) suppressedHashes.add(row.suppressed_hash);
    else {
      const { suppressed_hash: _, ...campaign } = row;
      campaigns.push(campaign);
    }
  }
  return { campaigns, suppressedHashes };
}
