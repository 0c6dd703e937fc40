import { apiScopes, type ApiKeyPrincipal, type ApiScope } from '../../core/access/principal.ts';
import { effectiveKeyScopes } from '../../core/access/role-scopes.ts';
import { parseApiKey } from '../../core/identity/api-key-text.ts';
import { isLastUseStale } from '../../core/identity/session-expiry.ts';
import type { Db } from '../../db/database.ts';
import { findApiKeyByPrefix, touchApiKey, type ApiKeyWithOwner } from './api-key.repository.ts';
import { sameSecret, sha256Hex } from './secret-token.ts';

const knownScopes = new Set<string>(apiScopes);

/**
 * Reads of a key (by prefix) and last-use writes (by key id) still running, per database. A client
 * sending many requests at once with one key — every request of a busy integration — would
 * otherwise make the same lookup once per request; a request that arrives while that lookup runs
 * shares its answer instead. Nothing is kept once the query has answered, so a revocation or an
 * owner's deactivation counts from the next lookup, as before; only requests that arrive during a
 * lookup that started before the change still pass, as they would have a moment earlier.
 */
const keyLookups = new WeakMap<Db, Map<string, Promise<ApiKeyWithOwner | undefined>>>();
const lastUseWrites = new WeakMap<Db, Map<string, Promise<void>>>();

function shared<T>(running: WeakMap<Db, Map<string, Promise<T>>>, db: Db, id: string, start: () => Promise<T>): Promise<T> {
  let byId = running.get(db);
  if (!byId) {
    byId = new Map();
    running.set(db, byId);
  }
  const inFlight = byId.get(id);
  if (inFlight) return inFlight;
  const started = start().finally(() => byId.delete(id));
  byId.set(id, started);
  return started;
}

/**
 * The principal of an API key (`lp_<prefix>_<secret>`), or null when the text is not a key, the
 * secret does not match, the key is revoked or its owner deactivated. The key's scopes are cut to
 * what the owner's role allows today. Records the use (last_used_at) at most once a minute.
 */
export async function resolveApiKey(db: Db, options: { keyText: string; now: Date }): Promise<ApiKeyPrincipal | null> {
  const parts = parseApiKey(options.keyText);
  if (!parts) return null;
  const key = await shared(keyLookups, db, parts.prefix, () => findApiKeyByPrefix(db, parts.prefix));
  if (!key || !sameSecret(sha256Hex(parts.secret), key.secret_hash)) return null;
  if (key.revoked_at !== null || !key.owner_active) return null;
  if (isLastUseStale(key.last_used_at, options.now)) await shared(lastUseWrites, db, key.id, () => touchApiKey(db, key.id, options.now));
  const granted = key.scopes.filter((scope): scope is ApiScope => knownScopes.has(scope));
  return {
    kind: 'api_key',
    keyId: key.id,
    keyName: key.name,
    scopes: effectiveKeyScopes(granted, key.owner_role),
    userId: key.user_id,
    role: key.owner_role,
    teamId: key.owner_team_id,
    email: key.owner_email,
  };
}
