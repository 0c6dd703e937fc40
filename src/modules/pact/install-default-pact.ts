import { defaultPact } from '../../core/pact/default-pact.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { findActivePactVersionId, insertPactVersion, nextPactVersionNumber } from './pact-version.repository.ts';

/**
 * A new install runs under the default pact shipped with leadpact (version 1, active, signed by
 * nobody — the teams replace it with their own through propose → approve → activate).
 * Does nothing once any version is active.
 */
export async function installDefaultPact(db: Db): Promise<boolean> {
  if (await findActivePactVersionId(db)) return false;
  if ((await nextPactVersionNumber(db)) > 1) return false;
  const row = await insertPactVersion(db, { version: 1, status: 'active', document: defaultPact(), note: 'Default pact shipped with leadpact', createdBy: null });
  await db.updateTable('pact_versions').set({ activated_at: new Date() }).where('id', '=', row.id).execute();
  await recordAudit(db, { actor: systemActor, action: 'create', entityType: 'pact_version', entityId: row.id, newValues: { version: 1, status: 'active', note: row.note } });
  return true;
}
