import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LeadInput } from '../../core/lead/lead-input.ts';
import type { ColumnPlan } from '../../core/import/plan-columns.ts';
import type { Database } from '../../db/database.ts';
import type { FieldIssue } from '../../errors/app-error.ts';
import { captureLeads, prepareCaptureBatch, type CaptureActor, type CaptureItem, type CaptureResult, type PreparedCaptureBatch } from '../capture/capture-leads.ts';
import type { ActivePact } from '../pact/load-active-pact.ts';
import { insertImportRows, updateImport, type ImportRowRecord } from './import.repository.ts';
import { rowErrorOf, type ImportRowError } from './import-report.ts';

export interface ImportTally {
  rows: number;
  created: number;
  merged: number;
  junk: number;
  rejected: number;
  unchanged: number;
  errors: ImportRowError[];
}

interface PendingCapture {
  line: number;
  cells: readonly string[];
  item: CaptureItem;
}

export interface ImportBatchWriter {
  readonly tally: ImportTally;
  /** Queues a mapped row; true when the batch is full and `flush` should be awaited. */
  addRow(line: number, cells: readonly string[], input: LeadInput): boolean;
  /** Records a row that cannot be captured; true when the batch is full. */
  rejectRow(error: ImportRowError): boolean;
  /**
   * Sends the queued rows on their way. One batch is captured while the next is being read and
   * mapped; a second batch waits for the first, so one person's rows never race each other.
   */
  flush(): Promise<void>;
  /** Writes what is queued and waits for every write. */
  finish(): Promise<void>;
  /** Waits for the writes already started, without starting more or throwing (after a failure elsewhere). */
  settle(): Promise<void>;
}

/**
 * Captures an import's rows batch by batch: one captureLeads call, one import_rows insert and one
 * progress update per batch, never a query per row.
 */
export function createImportBatchWriter(
  db: Kysely<Database>,
  options: { importId: string; plan: ColumnPlan; actor: CaptureActor; now: Date; activePact: ActivePact; batchSize: number; onProgress?: ((rows: number) => void) | undefined },
): ImportBatchWriter {
  const tally: ImportTally = { rows: 0, created: 0, merged: 0, junk: 0, rejected: 0, unchanged: 0, errors: [] };
  let captures: PendingCapture[] = [];
  let rejectedRows: ImportRowRecord[] = [];
  let capturing: Promise<void> = Promise.resolve();
  let recording: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;

  const isFull = () => captures.length + rejectedRows.length >= options.batchSize;

  async function captureBatch(batch: readonly PendingCapture[], preparing: Promise<PreparedCaptureBatch> | null, records: ImportRowRecord[]): Promise<ImportRowRecord[]> {
    if (batch.length === 0 || !preparing) return records;
    const prepared = await preparing;
    const results = await captureLeads(db, { items: prepared.items, prepared, actor: options.actor, now: options.now, defaultTouchType: 'import' });
    results.forEach((result, index) => records.push(recordOf(batch[index]!, result)));
    return records;
  }

  async function recordBatch(records: readonly ImportRowRecord[]): Promise<void> {
    await insertImportRows(db, records);
    await updateImport(db, options.importId, {
      row_count: tally.rows,
      created_count: tally.created,
      merged_count: tally.merged,
      junk_count: tally.junk,
      rejected_count: tally.rejected,
    });
    options.onProgress?.(tally.created + tally.merged + tally.junk + tally.rejected);
  }

  function recordOf(pending: PendingCapture, result: CaptureResult): ImportRowRecord {
    const base = { import_id: options.importId, line: pending.line };
    if (result.outcome === 'rejected') {
      const error = rowErrorOf(pending.line, issuesByColumn(options.plan, pending.cells, result.issues));
      tally.rejected += 1;
      tally.errors.push(error);
      return { ...base, outcome: 'rejected', lead_id: null, field: error.field, message: error.message };
    }
    tally[result.outcome] += 1;
    if (result.outcome === 'merged' && !result.changed) tally.unchanged += 1;
    // Warnings (a campaign not found, a phone that is not valid) stay visible in the row report.
    const warning = result.warnings.length > 0 ? rowErrorOf(pending.line, issuesByColumn(options.plan, pending.cells, result.warnings)) : undefined;
    return { ...base, outcome: result.outcome, lead_id: result.leadId, field: warning?.field ?? null, message: warning?.message ?? null };
  }

  const fail = (error: unknown) => {
    failure ??= { error };
  };

  async function flush(): Promise<void> {
    const batch = captures;
    const records = rejectedRows;
    captures = [];
    rejectedRows = [];
    // Normalizing is CPU work of its own: started before waiting, it overlaps the database writing the
    // batch before. Its errors surface where the batch is captured.
    const preparing = batch.length > 0 ? Promise.resolve().then(() => prepareCaptureBatch(batch.map((pending) => pending.item), options.activePact)) : null;
    preparing?.catch(() => undefined);
    await capturing;
    if (failure) throw failure.error;
    if (batch.length === 0 && records.length === 0) return;
    // The row report of one batch is written while the next batch is captured (on PostgreSQL
    // they use two connections); reports are written in batch order.
    capturing = captureBatch(batch, preparing, records).then((captured) => {
      const previous = recording;
      recording = previous.then(() => (failure ? undefined : recordBatch(captured))).catch(fail);
    }, fail);
  }

  return {
    tally,
    addRow(line, cells, input) {
      tally.rows += 1;
      captures.push({ line, cells, item: { input, touchKey: rowTouchKey(cells) } });
      return isFull();
    },
    rejectRow(error) {
      tally.rows += 1;
      tally.rejected += 1;
      tally.errors.push(error);
      rejectedRows.push({ import_id: options.importId, line: error.line, outcome: 'rejected', lead_id: null, field: error.field, message: error.message });
      return isFull();
    },
    flush,
    async finish() {
      await flush();
      await capturing;
      await recording;
      if (failure) throw failure.error;
    },
    async settle() {
      await capturing;
      await recording;
    },
  };
}

/**
 * The row's own content identifies the interaction: importing the same file again offers the same
 * touch keys, captureLeads stores none of those touches twice, and the lead does not change.
 */
export function rowTouchKey(cells: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(cells)).digest('base64url');
}

/** Capture issues name lead fields (`email`); in an import report the CSV column that fed them says more. */
function issuesByColumn(plan: ColumnPlan, cells: readonly string[], issues: readonly FieldIssue[]): { field: string; message: string }[] {
  return issues.map((issue) => ({ field: columnOf(plan, cells, issue.path) ?? issue.path, message: issue.message }));
}

function columnOf(plan: ColumnPlan, cells: readonly string[], target: string): string | undefined {
  const index = plan.sourceIndexes.get(target)?.find((candidate) => {
    const text = cells[candidate]?.trim() ?? '';
    return text !== '' && !plan.nullValues.has(text.toLowerCase());
  });
  return index === undefined ? undefined : plan.headers[index];
}
