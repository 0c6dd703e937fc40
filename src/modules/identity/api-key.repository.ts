import type { ApiKeyRow, Db, RoleValue } from '../../db/database.ts';

export async function insertApiKey(
  db: Db,
  key: { name: string; prefix: string; secret_hash: string; scopes: readonly string[]; user_id: string; created_at: Date },
): Promise<ApiKeyRow> {
  return db
    .insertInto('api_keys')
    .values({ ...key, scopes: JSON.stringify(key.scopes) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ApiKeyWithOwner extends ApiKeyRow {
  owner_email: string;
  owner_role: RoleValue;
  owner_team_id: string | null;
  owner_active: boolean;
}

function withOwner(db: Db) {
  return db
    .selectFrom('api_keys')
    .innerJoin('users', 'users.id', 'api_keys.user_id')
    .selectAll('api_keys')
    .select(['users.email as owner_email', 'users.role as owner_role', 'users.team_id as owner_team_id', 'users.active as owner_active']);
}

export async function findApiKeyByPrefix(db: Db, prefix: string): Promise<ApiKeyWithOwner | undefined> {
  return withOwner(db).where('api_keys.prefix', '=', prefix).executeTakeFirst();
}

export async function findApiKeyById(db: Db, id: string): Promise<ApiKeyWithOwner | undefined> {
  return withOwner(db).where('api_keys.id', '=', id).executeTakeFirst();
}

/** Keys newest first; one owner's, or everyone's when `userId` is undefined. */
export async function listApiKeysWithOwner(db: Db, filter: { userId?: string }): Promise<ApiKeyWithOwner[]> {
  let query = withOwner(db);
  if (filter.userId !== undefined) query = query.where('api_keys.user_id', '=', filter.userId);
  return query.orderBy('api_keys.created_at', 'desc').orderBy('api_keys.id').execute();
}

/** Revokes the key unless it already is (the first revocation time stays). */
export async function revokeApiKeyRow(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/**
 * Records a use of the key, at most once a minute: the condition is in the statement, so
 * concurrent requests never write more than one of them, and most requests write nothing.
 */
export async function touchApiKey(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', new Date(now.getTime() - 60_000))]))
    .execute();
}
