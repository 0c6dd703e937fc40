import type { Selectable, Updateable } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.ts';
import type { Db, ImportRow, ImportRowsTable, ImportsTable, JsonObject } from '../../db/database.ts';
import type { ImportRowOutcome } from './import-report.ts';

export type ImportRowRecord = Selectable<ImportRowsTable>;

export interface ImportCounts {
  row_count: number;
  created_count: number;
  merged_count: number;
  junk_count: number;
  rejected_count: number;
}

/**
 * Records an import as running. The file's hash is only known once the whole file has been read,
 * so a running import carries an empty one until finishImport.
 */
export async function insertImport(
  db: Db,
  values: { fileName: string; format: string; mapping: JsonObject; createdBy: string | null; startedAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('imports')
    .values({
      file_name: values.fileName,
      file_sha256: '',
      format: values.format,
      mapping: JSON.stringify(values.mapping),
      status: 'running',
      created_by: values.createdBy,
      started_at: values.startedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateImport(db: Db, id: string, changes: Updateable<ImportsTable>): Promise<void> {
  await db.updateTable('imports').set(changes).where('id', '=', id).execute();
}

export async function findImport(db: Db, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first. */
export async function findRecentImports(db: Db, limit: number): Promise<ImportRow[]> {
  return db.selectFrom('imports').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** One statement for the whole batch (see bulk-insert.ts). */
export async function insertImportRows(db: Db, rows: readonly ImportRowRecord[]): Promise<void> {
  await bulkInsert(db, 'import_rows', { import_id: 'uuid', line: 'integer', outcome: 'text', lead_id: 'uuid', field: 'text', message: 'text' }, rows as unknown as Record<string, unknown>[]);
}

/** A page of an import's rows in line order, optionally of one outcome, with the total matching. */
export async function findImportRows(
  db: Db,
  importId: string,
  options: { outcome?: ImportRowOutcome | undefined; limit: number; offset: number },
): Promise<{ rows: ImportRowRecord[]; total: number }> {
  let query = db.selectFrom('import_rows').where('import_id', '=', importId);
  if (options.outcome !== undefined) query = query.where('outcome', '=', options.outcome);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('line').limit(options.limit).offset(options.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** The rows after `afterLine`, in line order: keyset pages for exporting a report of any size. */
export async function findImportRowsAfter(db: Db, importId: string, afterLine: number, limit: number): Promise<ImportRowRecord[]> {
  return db.selectFrom('import_rows').selectAll().where('import_id', '=', importId).where('line', '>', afterLine).orderBy('line').limit(limit).execute();
}
