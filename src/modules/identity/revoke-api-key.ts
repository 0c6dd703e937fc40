import type { Kysely } from 'kysely';
import type { Principal } from '../../core/access/principal.ts';
import { actingUserId } from '../../core/access/acting-user.ts';
import { isAdminPrincipal } from '../../core/access/role-scopes.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { findApiKeyById, revokeApiKeyRow, type ApiKeyWithOwner } from './api-key.repository.ts';

/**
 * Revokes a key: from now on it authenticates nothing. Its owner or an admin may; for anyone else
 * the key does not exist (NOT_FOUND, so ids cannot be probed). Revoking twice changes nothing and
 * keeps the first time. Audited.
 */
export async function revokeApiKey(db: Kysely<Database>, options: { keyId: string; principal: Principal; actor: AuditActor; now: Date }): Promise<ApiKeyWithOwner> {
  return db.transaction().execute(async (trx) => {
    const key = await findApiKeyById(trx, options.keyId);
    const mayRevoke = key !== undefined && (key.user_id === actingUserId(options.principal) || isAdminPrincipal(options.principal));
    if (!key || !mayRevoke) throw AppError.notFound('API key', options.keyId);
    if (key.revoked_at === null) {
      await revokeApiKeyRow(trx, key.id, options.now);
      await recordAudit(trx, { actor: options.actor, action: 'revoke', entityType: 'api_key', entityId: key.id, oldValues: { revoked_at: null }, newValues: { revoked_at: options.now.toISOString() } });
    }
    return (await findApiKeyById(trx, key.id))!;
  });
}
