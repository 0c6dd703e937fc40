import type { RawBuilder, Selectable } from 'kysely';
import { recordsetInsert, type RecordsetInsertOptions } from '../../db/bulk-insert.ts';
import type { AuditLogTable, Db } from '../../db/database.ts';
import type { AuditEntry } from './record-audit.ts';

export type AuditLogRow = Selectable<AuditLogTable>;

/** What the log can be narrowed to; every field optional, all given ones must hold. */
export interface AuditLogFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorType?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  /** Entries at or after this instant. */
  from?: Date | undefined;
  /** Entries strictly before this instant. */
  to?: Date | undefined;
}

/** Appends entries in one statement (one parameter whatever their number). */
export async function insertAuditEntries(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await auditEntriesInsert(entries).execute(db);
}

/**
 * The insert statement of insertAuditEntries, unexecuted: a bulk path that writes several tables in
 * one `with` statement (capture) adds its audit entries to it, in the same round trip.
 */
export function auditEntriesInsert(entries: readonly AuditEntry[], options: Pick<RecordsetInsertOptions, 'onlyIf'> = {}): RawBuilder<unknown> {
  return recordsetInsert(
    'audit_log',
    { actor_type: 'text', actor_id: 'text', action: 'text', entity_type: 'text', entity_id: 'text', old_values: 'jsonb', new_values: 'jsonb' },
    entries.map((entry) => ({
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      old_values: entry.oldValues ?? null,
      new_values: entry.newValues ?? null,
    })),
    options,
  );
}

/**
 * Entries matching the filter, newest first (by id: the order they were written), starting after
 * the entry `beforeId` when given (keyset pagination).
 */
export async function queryAuditEntries(db: Db, filter: AuditLogFilter, beforeId: number | null, limit: number): Promise<AuditLogRow[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.entityType !== undefined) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorType !== undefined) query = query.where('actor_type', '=', filter.actorType);
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (beforeId !== null) query = query.where('id', '<', beforeId);
  return query.orderBy('id', 'desc').limit(limit).execute();
}
