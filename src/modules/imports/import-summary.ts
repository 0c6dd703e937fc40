import type { ImportRow } from '../../db/database.ts';

/** An import as the API and the CLI show it. */
export interface ImportSummary {
  id: string;
  fileName: string;
  /** Empty while the import is running (the file is hashed as it streams). */
  fileSha256: string;
  format: string;
  mapping: Record<string, unknown>;
  status: 'running' | 'completed' | 'failed';
  rowCount: number;
  createdCount: number;
  mergedCount: number;
  junkCount: number;
  rejectedCount: number;
  errorMessage: string | null;
  createdBy: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export function summarizeImport(row: ImportRow): ImportSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    format: row.format,
    mapping: row.mapping,
    status: row.status,
    rowCount: row.row_count,
    createdCount: row.created_count,
    mergedCount: row.merged_count,
    junkCount: row.junk_count,
    rejectedCount: row.rejected_count,
    errorMessage: row.error_message,
    createdBy: row.created_by,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}
