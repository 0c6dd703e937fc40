import type { ActorType, Db } from '../../db/database.ts';
import { insertAuditEntries } from './audit.repository.ts';

/**
 * Who made a change: a user, an API key, the system (jobs, bootstrap, the demo loader), the CLI's
 * operator, a CSV import or an anonymous web form. `id` is the user's, the key's or the import's id
 * when there is one.
 */
export interface AuditActor {
  type: 'user' | 'api_key' | 'system' | 'cli' | 'import' | 'form';
  id: string | null;
}

export const systemActor: AuditActor = { type: 'system', id: null };

/** What was done. `merge`, `approve`, `activate` are updates with a name the log reader knows. */
export type AuditAction = 'create' | 'update' | 'delete' | 'approve' | 'activate' | 'merge' | 'revoke';

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  entityType: string;
  entityId: string;
  /** For updates the changed columns only, with their values before; null for creates. */
  oldValues?: Record<string, unknown> | null;
  /** For updates the changed columns only, with their values after; for creates the row. */
  newValues?: Record<string, unknown> | null;
}

/** The actor of a change made through the capture path or a lead use case (which carry a CaptureActor). */
export function auditActorOfCapture(actor: { type: ActorType; id: string | null }): AuditActor {
  return { type: actor.type, id: actor.id };
}

/**
 * Appends one entry to the audit log, in the caller's transaction. The time is the database's
 * (`now()` of the transaction), never the caller's clock: the log says when the change was written.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await insertAuditEntries(db, [entry]);
}

/**
 * Appends many entries with one statement (bulk paths: rescoring, capture batches, the demo),
 * in the caller's transaction. Does nothing for an empty list.
 */
export async function recordAuditBatch(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  await insertAuditEntries(db, entries);
}
