import { sql, type Selectable } from 'kysely';
import type { Db, IdempotencyKeysTable } from '../../db/database.ts';

export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>;

/** Whose key it is: keys are scoped to one API key or one signed-in user. */
export interface IdempotencyOwner {
  type: IdempotencyKeysTable['owner_type'];
  id: string;
}

export interface KeyRef {
  owner: IdempotencyOwner;
  key: string;
}

function whereKey(ref: KeyRef) {
  return { owner_type: ref.owner.type, owner_id: ref.owner.id, key: ref.key };
}

/** Inserts an in-flight row for the key unless the key exists; true when this call inserted it. */
export async function insertInFlightKey(db: Db, ref: KeyRef, row: { requestHash: string; lockedUntil: Date; createdAt: Date }): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ ...whereKey(ref), request_hash: row.requestHash, state: 'in_flight', locked_until: row.lockedUntil, created_at: row.createdAt })
    .onConflict((conflict) => conflict.columns(['owner_type', 'owner_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** How a key is named in the sets the batch functions return. */
export function keyRefId(ref: KeyRef): string {
  return JSON.stringify([ref.owner.type, ref.owner.id, ref.key]);
}

/**
 * insertInFlightKey for many keys in one statement (each key at most once in `rows`). Returns the
 * keys (keyRefId) this call inserted; the others already existed.
 */
export async function insertInFlightKeys(db: Db, rows: readonly { ref: KeyRef; requestHash: string; lockedUntil: Date; createdAt: Date }[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const payload = JSON.stringify(rows.map((row) => ({ ...whereKey(row.ref), request_hash: row.requestHash, locked_until: row.lockedUntil, created_at: row.createdAt })));
  const inserted = await sql<{ owner_type: IdempotencyOwner['type']; owner_id: string; key: string }>`
    insert into idempotency_keys (owner_type, owner_id, key, request_hash, state, locked_until, created_at)
    select r.owner_type, r.owner_id, r.key, r.request_hash, 'in_flight', r.locked_until, r.created_at
    from jsonb_to_recordset(${payload}::jsonb) as r(owner_type text, owner_id uuid, key text, request_hash text, locked_until timestamptz, created_at timestamptz)
    on conflict (owner_type, owner_id, key) do nothing
    returning owner_type, owner_id, key`.execute(db);
  return new Set(inserted.rows.map((row) => keyRefId({ owner: { type: row.owner_type, id: row.owner_id }, key: row.key })));
}

export async function findKey(db: Db, ref: KeyRef): Promise<IdempotencyKeyRow | undefined> {
  const { owner_type, owner_id, key } = whereKey(ref);
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('owner_type', '=', owner_type)
    .where('owner_id', '=', owner_id)
    .where('key', '=', key)
    .executeTakeFirst();
}

/**
 * Takes over an in-flight key whose lease ran out before `now` (its process died). The condition is
 * in the statement, so of two racing retries exactly one gets it. True when this call got it.
 */
export async function takeOverLapsedKey(db: Db, ref: KeyRef, now: Date, lockedUntil: Date): Promise<boolean> {
  const { owner_type, owner_id, key } = whereKey(ref);
  const result = await db
    .updateTable('idempotency_keys')
    .set({ locked_until: lockedUntil })
    .where('owner_type', '=', owner_type)
    .where('owner_id', '=', owner_id)
    .where('key', '=', key)
    .where('state', '=', 'in_flight')
    .where('locked_until', '<', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves the lease of a running request on (it is still alive). */
export async function renewLease(db: Db, ref: KeyRef, lockedUntil: Date): Promise<void> {
  const { owner_type, owner_id, key } = whereKey(ref);
  await db
    .updateTable('idempotency_keys')
    .set({ locked_until: lockedUntil })
    .where('owner_type', '=', owner_type)
    .where('owner_id', '=', owner_id)
    .where('key', '=', key)
    .where('state', '=', 'in_flight')
    .execute();
}

export interface CompletedResponse {
  status: number;
  headers: Record<string, string>;
  /** Null when the response was not kept; `omitted` says why. */
  body: string | null;
  omitted: string | null;
}

export async function markKeyCompleted(db: Db, ref: KeyRef, response: CompletedResponse, completedAt: Date): Promise<void> {
  const { owner_type, owner_id, key } = whereKey(ref);
  await db
    .updateTable('idempotency_keys')
    .set({
      state: 'completed',
      locked_until: null,
      response_status: response.status,
      response_headers: JSON.stringify(response.headers),
      response_body: response.body,
      response_omitted: response.omitted,
      completed_at: completedAt,
    })
    .where('owner_type', '=', owner_type)
    .where('owner_id', '=', owner_id)
    .where('key', '=', key)
    .where('state', '=', 'in_flight')
    .execute();
}

/** markKeyCompleted for many keys in one statement (each key at most once). */
export async function markKeysCompleted(db: Db, entries: readonly { ref: KeyRef; response: CompletedResponse; completedAt: Date }[]): Promise<void> {
  if (entries.length === 0) return;
  const payload = JSON.stringify(
    entries.map(({ ref, response, completedAt }) => ({
      ...whereKey(ref),
      response_status: response.status,
      response_headers: response.headers,
      response_body: response.body,
      response_omitted: response.omitted,
      completed_at: completedAt,
    })),
  );
  await sql`
    update idempotency_keys k set state = 'completed', locked_until = null, response_status = r.response_status,
      response_headers = r.response_headers, response_body = r.response_body, response_omitted = r.response_omitted, completed_at = r.completed_at
    from jsonb_to_recordset(${payload}::jsonb) as r(owner_type text, owner_id uuid, key text, response_status integer, response_headers jsonb, response_body text, response_omitted text, completed_at timestamptz)
    where k.owner_type = r.owner_type and k.owner_id = r.owner_id and k.key = r.key and k.state = 'in_flight'`.execute(db);
}

/** Deletes the key if it is still in flight (the request failed: a retry may run it again). */
export async function deleteInFlightKey(db: Db, ref: KeyRef): Promise<void> {
  const { owner_type, owner_id, key } = whereKey(ref);
  await db
    .deleteFrom('idempotency_keys')
    .where('owner_type', '=', owner_type)
    .where('owner_id', '=', owner_id)
    .where('key', '=', key)
    .where('state', '=', 'in_flight')
    .execute();
}

/** Deletes the one key if it was created before `cutoff` (it expired); true when it did. */
export async function deleteKeyCreatedBefore(db: Db, ref: KeyRef, cutoff: Date): Promise<boolean> {
  const { owner_type, owner_id, key } = whereKey(ref);
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('owner_type', '=', owner_type)
    .where('owner_id', '=', owner_id)
    .where('key', '=', key)
    .where('created_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Deletes every key created before `cutoff`; returns how many. */
export async function deleteKeysCreatedBefore(db: Db, cutoff: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
