import type { AccessContext } from '../../core/access/access-context.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { ColumnMapping } from '../../core/import/column-mapping-schema.ts';
import { mapRow } from '../../core/import/map-row.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CaptureActor } from '../capture/capture-leads.ts';
import { loadActivePact, type ActivePact } from '../pact/load-active-pact.ts';
import { createImportBatchWriter } from './import-batch-writer.ts';
import { insertImport, updateImport } from './import.repository.ts';
import { rowErrorOf, type ImportReport } from './import-report.ts';
import { readCsvRecords, type CsvRecord, type CsvRecordStream, type CsvSource } from './read-csv-records.ts';
import { resolveImportPlan, type ImportPlan } from './resolve-import-plan.ts';
import { maintainBusyTables } from '../../db/maintain-busy-tables.ts';

export interface RunImportOptions {
  /** Who asks: imports are for admins and marketing (role action `import:run`). */
  access: AccessContext;
  /** Shown in the import list and in each lead's timeline ("import leads.csv"). */
  fileName: string;
  source: CsvSource;
  /** The mapping to read the file with; without one the format is detected from the header row. */
  mapping?: ColumnMapping | undefined;
  actor: CaptureActor;
  now: Date;
  /** Rows per captureLeads call (default 1000). */
  batchSize?: number | undefined;
  /** Called after each batch is written, with the rows accounted for so far. */
  onProgress?: ((rows: number) => void) | undefined;
}

const defaultBatchSize = 1000;

/**
 * Imports a CSV file through the one capture path, streaming: memory stays flat whatever the file
 * size, and every database write is per batch. Every data row ends created, merged, junk or
 * rejected (with line, column and reason), and each is recorded in import_rows. A mapping that
 * cannot identify any row, an empty or binary file → AppError (VALIDATION_FAILED) before anything
 * is written. Re-importing the same file creates nothing and changes no lead: each row's touch is
 * keyed by the row's content and captures only fill blank fields.
 */
export async function runImport(db: Kysely<Database>, options: RunImportOptions): Promise<ImportReport> {
  assertRoleMay(options.access, 'import:run');
  const batchSize = options.batchSize ?? defaultBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw AppError.validation([{ path: 'batchSize', message: 'expected a positive whole number' }]);
  const stream = readCsvRecords(options.source);
  const records = stream.records[Symbol.asyncIterator]();

  const header = await records.next();
  if (header.done) {
    const syntaxError = stream.syntaxErrors[0];
    throw AppError.validation([{ path: 'file', message: syntaxError ? `no header row: ${syntaxError.message}` : 'the file is empty; expected a header row' }]);
  }
  const resolved = resolveImportPlan(header.value.cells, options.mapping);
  if (resolved.blocking.length > 0) {
    await records.return?.();
    throw AppError.validation(resolved.blocking);
  }

  const activePact = await loadActivePact(db);
  const startedAt = performance.now();
  const importId = await insertImport(db, {
    fileName: options.fileName,
    format: resolved.format,
    mapping: resolved.mapping as unknown as Record<string, unknown>,
    createdBy: options.actor.type === 'user' ? options.actor.id : null,
    startedAt: options.now,
  });
  const finishedAt = () => new Date(options.now.getTime() + Math.round(performance.now() - startedAt));

  try {
    const report = await importRecords(db, { ...options, batchSize, importId, resolved, activePact, records: { [Symbol.asyncIterator]: () => records }, stream });
    // A large file changes the tables' sizes a lot: the planner must know before the next list.
    if (report.created >= 1000) await maintainBusyTables(db);
    await updateImport(db, importId, {
      status: 'completed',
      file_sha256: stream.sha256(),
      row_count: report.rows,
      created_count: report.created,
      merged_count: report.merged,
      junk_count: report.junk,
      rejected_count: report.rejected,
      finished_at: finishedAt(),
    });
    return report;
  } catch (error) {
    await records.return?.();
    const message = error instanceof AppError ? error.userMessage : 'the import stopped on an unexpected error; rows written before it are kept';
    await updateImport(db, importId, { status: 'failed', error_message: message, file_sha256: stream.sha256(), finished_at: finishedAt() }).catch(() => undefined);
    throw error;
  }
}

async function importRecords(
  db: Kysely<Database>,
  options: RunImportOptions & {
    batchSize: number;
    importId: string;
    resolved: ImportPlan;
    activePact: ActivePact;
    records: AsyncIterable<CsvRecord>;
    stream: CsvRecordStream;
  },
): Promise<ImportReport> {
  const { plan } = options.resolved;
  const writer = createImportBatchWriter(db, {
    importId: options.importId,
    plan,
    actor: options.actor,
    now: options.now,
    activePact: options.activePact,
    batchSize: options.batchSize,
    onProgress: options.onProgress,
  });

  try {
    for await (const record of options.records) {
      const mapped = mapRow(plan, record.cells, record.line);
      const full = mapped.ok ? writer.addRow(record.line, record.cells, mapped.input) : writer.rejectRow(rowErrorOf(record.line, mapped.issues));
      if (full) await writer.flush();
    }
  } catch (error) {
    // Nothing may still be writing once the import is marked failed and the caller moves on.
    await writer.settle();
    throw error;
  }
  // Syntax errors are known only once csv-parse has reached them; each stands for the rows it swallowed.
  for (const syntaxError of options.stream.syntaxErrors) writer.rejectRow({ line: syntaxError.line, field: '(row)', message: syntaxError.message });
  await writer.finish();

  const { tally } = writer;
  tally.errors.sort((a, b) => a.line - b.line);
  return {
    importId: options.importId,
    rows: tally.rows,
    created: tally.created,
    merged: tally.merged,
    junk: tally.junk,
    rejected: tally.rejected,
    errors: tally.errors,
    format: options.resolved.format,
    unchanged: tally.unchanged,
    warnings: options.resolved.warnings,
  };
}
