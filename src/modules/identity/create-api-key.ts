import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ApiScope } from '../../core/access/principal.ts';
import { scopesForRole } from '../../core/access/role-scopes.ts';
import { formatApiKey } from '../../core/identity/api-key-text.ts';
import type { ApiKeyRow, Database, RoleValue } from '../../db/database.ts';
import { AppError, type FieldIssue } from '../../errors/app-error.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { insertApiKey } from './api-key.repository.ts';
import { randomToken, sha256Hex } from './secret-token.ts';

export interface CreatedApiKey {
  key: ApiKeyRow;
  /** The whole key, `lp_<prefix>_<secret>`: returned this once and never again (only its hash is kept). */
  secretText: string;
}

/**
 * Makes an API key for `owner` with the given scopes. A scope the owner's role may not grant is
 * refused (FORBIDDEN naming `scopes.<i>`): a key never exceeds its owner. The secret is random
 * (256 bits), stored only as its SHA-256, and returned once. Audited (without the secret).
 */
export async function createApiKey(
  db: Kysely<Database>,
  options: { owner: { id: string; role: RoleValue; active: boolean }; name: string; scopes: readonly ApiScope[]; now: Date; actor: AuditActor },
): Promise<CreatedApiKey> {
  const { owner } = options;
  if (!owner.active) throw AppError.validation([{ path: 'userId', message: 'the user is deactivated' }]);
  const allowed = new Set(scopesForRole(owner.role));
  const issues: FieldIssue[] = options.scopes.flatMap((scope, index) =>
    allowed.has(scope) ? [] : [{ path: `scopes.${index}`, message: `a ${owner.role} cannot grant ${scope}` }],
  );
  if (issues.length > 0) throw new AppError('FORBIDDEN', { userMessage: `the key would have more rights than its owner: ${issues.map((issue) => issue.message).join('; ')}`, issues });

  const prefix = randomBytes(6).toString('hex');
  const secret = randomToken(32);
  const scopes = [...new Set(options.scopes)];
  const key = await db.transaction().execute(async (trx) => {
    const inserted = await insertApiKey(trx, { name: options.name, prefix, secret_hash: sha256Hex(secret), scopes, user_id: owner.id, created_at: options.now });
    await recordAudit(trx, {
      actor: options.actor,
      action: 'create',
      entityType: 'api_key',
      entityId: inserted.id,
      newValues: { name: inserted.name, prefix, scopes, user_id: owner.id },
    });
    return inserted;
  });
  return { key, secretText: formatApiKey({ prefix, secret }) };
}
