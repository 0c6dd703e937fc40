import { parse, type Options as CsvParseOptions } from 'csv-parse/sync';
import type { ColumnMapping } from '../../core/import/column-mapping-schema.ts';
import type { LeadInput } from '../../core/lead/lead-input.ts';
import { mapRow, type RowIssue } from '../../core/import/map-row.ts';
import { describePlan, type ColumnDescription } from '../../core/import/plan-columns.ts';
import type { FieldIssue } from '../../errors/app-error.ts';
import { createLineTracker, csvParseOptions, describeCsvError, type CsvRecord } from './read-csv-records.ts';
import { resolveImportPlan } from './resolve-import-plan.ts';

export type PreviewRow = { line: number; ok: true; input: LeadInput } | { line: number; ok: false; issues: RowIssue[] };

export interface ImportPreview {
  format: string;
  confidence: number;
  /** Where each column's values would go, in file order. */
  columns: ColumnDescription[];
  /** Mapping problems; those at `file`, `mapping`, `columns` or `externalSource` would stop the import. */
  issues: FieldIssue[];
  /** Whether an import with this file and mapping would start. */
  importable: boolean;
  sample: PreviewRow[];
}

const sampleSize = 5;

/**
 * What importing would do, from the start of a file (the header line alone is enough): the format,
 * where each column goes, the mapping's problems and the first five data rows mapped, each with
 * its issues. Reads nothing from and writes nothing to the database. With `cutAtEnd` the text is a
 * prefix of a longer file: its last, unfinished line is not read as a row.
 */
export function previewImport(text: string, mapping?: ColumnMapping, options: { cutAtEnd?: boolean } = {}): ImportPreview {
  const cutAtEnd = options.cutAtEnd ?? false;
  const { records, syntaxIssue } = readFirstRecords(cutAtEnd ? withoutUnfinishedLine(text) : text, sampleSize + 1, cutAtEnd);
  const [header, ...rows] = records;
  const resolved = resolveImportPlan(header?.cells ?? [], mapping);
  const sample = rows.map((row): PreviewRow => {
    const mapped = mapRow(resolved.plan, row.cells, row.line);
    return mapped.ok ? { line: row.line, ok: true, input: mapped.input } : { line: row.line, ok: false, issues: mapped.issues };
  });
  const issues = [...resolved.blocking, ...resolved.warnings, ...(syntaxIssue ? [syntaxIssue] : [])];
  return { format: resolved.format, confidence: resolved.confidence, columns: describePlan(resolved.plan), issues, importable: resolved.blocking.length === 0, sample };
}

function readFirstRecords(text: string, count: number, cutAtEnd: boolean): { records: CsvRecord[]; syntaxIssue?: FieldIssue } {
  const lines = createLineTracker();
  let syntaxIssue: FieldIssue | undefined;
  const parserOptions: CsvParseOptions<CsvRecord, string[]> = {
    ...csvParseOptions,
    to: count,
    skip_records_with_error: true,
    on_record: (cells, context) => ({ line: lines.recordLine(cells, context.empty_lines), cells }),
    on_skip: (error) => {
      if (error === undefined) return undefined;
      // A prefix may stop inside a quoted cell that spans lines; that is the cut, not the file.
      if (cutAtEnd && error.code === 'CSV_QUOTE_NOT_CLOSED') return undefined;
      const line = lines.errorLine(Number(error['empty_lines'] ?? 0), Number(error['lines'] ?? 0));
      syntaxIssue ??= { path: 'file', message: describeCsvError(error, line) };
      return undefined;
    },
  };
  const records = parse(text, parserOptions as unknown as CsvParseOptions) as unknown as CsvRecord[];
  return syntaxIssue ? { records, syntaxIssue } : { records };
}

function withoutUnfinishedLine(text: string): string {
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return lastBreak === -1 ? text : text.slice(0, lastBreak + 1);
}
