import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/database.ts';
import { neutralizeFormula } from '../../core/csv/neutralize-formula.ts';
import { queryAuditEntries, type AuditLogFilter, type AuditLogRow } from './audit.repository.ts';
import { assertAuditWindow } from './list-audit-entries.ts';

const pageSize = 5000;
export const auditCsvHeader = ['id', 'at', 'actor_type', 'actor_id', 'action', 'entity_type', 'entity_id', 'old_values', 'new_values'];

/**
 * One CSV line of an entry. Values are JSON text. Any cell a spreadsheet would run as a formula
 * (starting with = + - @, a tab or CR) gets a leading single quote: ids and names come from what
 * users and imported files sent.
 */
export function auditCsvLine(row: AuditLogRow): string[] {
  const cells = [
    String(row.id),
    row.at.toISOString(),
    row.actor_type,
    row.actor_id ?? '',
    row.action,
    row.entity_type,
    row.entity_id,
    row.old_values === null ? '' : JSON.stringify(row.old_values),
    row.new_values === null ? '' : JSON.stringify(row.new_values),
  ];
  return cells.map(neutralizeFormula);
}

/**
 * The audit log matching the filter as CSV text chunks, newest first (header first), read a page at
 * a time so an export of any size streams. Checks the filter before yielding anything.
 * `onEntries` is told how many entries each page held, once it was yielded.
 */
export async function exportAuditCsv(db: Db, filter: AuditLogFilter, options: { onEntries?: (count: number) => void } = {}): Promise<AsyncIterable<string>> {
  assertAuditWindow(filter);
  return (async function* pages() {
    yield stringify([auditCsvHeader]);
    let beforeId: number | null = null;
    for (;;) {
      const rows = await queryAuditEntries(db, filter, beforeId, pageSize);
      if (rows.length === 0) return;
      yield stringify(rows.map(auditCsvLine));
      options.onEntries?.(rows.length);
      beforeId = rows[rows.length - 1]!.id;
      if (rows.length < pageSize) return;
    }
  })();
}
