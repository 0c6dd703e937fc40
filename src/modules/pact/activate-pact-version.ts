import type { Kysely } from 'kysely';
import type { AccessContext } from '../../core/access/access-context.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { recordAuditBatch, type AuditActor } from '../audit/record-audit.ts';
import { findActivePactVersion, lockPactVersion, updatePactVersion } from './pact-version.repository.ts';
import { insertRescoreRun } from './rescore-run.repository.ts';

export interface Activation {
  version: number;
  previousVersion: number | null;
  rescoreRunId: string;
}

/**
 * Makes an approved version the one in force: the previous active version is retired in the same
 * transaction (one active version at a time) and a rescoring run of every open lead is queued.
 * The caller hands the run to the job queue once this has committed. Admins (revenue operations)
 * put a version both sides signed in force; 403 for others.
 */
export async function activatePactVersion(
  db: Kysely<Database>,
  options: { version: number; activatedBy: string | null; actor: AuditActor; now: Date; access: AccessContext },
): Promise<Activation> {
  assertRoleMay(options.access, 'pact:activate');
  return db.transaction().execute(async (trx) => {
    const row = await lockPactVersion(trx, options.version);
    if (!row) throw AppError.notFound('pact version', String(options.version));
    if (row.status === 'active') throw new AppError('CONFLICT', { userMessage: `pact version ${row.version} is already active` });
    if (row.status !== 'approved') {
      const missing = [row.marketing_approved_by ? null : 'marketing', row.sales_approved_by ? null : 'sales'].filter(Boolean).join(' and ');
      throw new AppError('CONFLICT', { userMessage: `pact version ${row.version} is ${row.status}${missing ? `; it still needs the ${missing} approval` : ''}` });
    }
    const previous = await findActivePactVersion(trx);
    if (previous) await updatePactVersion(trx, previous.id, { status: 'retired', retired_at: options.now });
    await updatePactVersion(trx, row.id, { status: 'active', activated_at: options.now, activated_by: options.activatedBy });
    const run = await insertRescoreRun(trx, row.id, options.now);
    await recordAuditBatch(trx, [
      ...(previous
        ? [{ actor: options.actor, action: 'update' as const, entityType: 'pact_version', entityId: previous.id, oldValues: { status: previous.status, retired_at: previous.retired_at }, newValues: { status: 'retired', retired_at: options.now.toISOString() } }]
        : []),
      {
        actor: options.actor,
        action: 'activate',
        entityType: 'pact_version',
        entityId: row.id,
        oldValues: { status: row.status, activated_at: row.activated_at?.toISOString() ?? null, activated_by: row.activated_by },
        newValues: { status: 'active', activated_at: options.now.toISOString(), activated_by: options.activatedBy, previous_version: previous?.version ?? null, rescore_run_id: run.id },
      },
    ]);
    return { version: row.version, previousVersion: previous?.version ?? null, rescoreRunId: run.id };
  });
}
