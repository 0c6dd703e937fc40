import type { AccessContext } from '../../core/access/access-context.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { neutralizeFormula } from '../../core/csv/neutralize-formula.ts';
import { assertImportId } from './get-import.ts';
import { findImport, findImportRowsAfter, type ImportRowRecord } from './import.repository.ts';

const pageSize = 5000;
const header = ['line', 'outcome', 'lead_id', 'field', 'message'];

function csvLineOf(row: ImportRowRecord): string[] {
  return [String(row.line), row.outcome, row.lead_id ?? '', neutralizeFormula(row.field ?? ''), neutralizeFormula(row.message ?? '')];
}

/**
 * The row-by-row report of an import as CSV text chunks (header first, then every data line in
 * line order), read from the database a page at a time so a report of any size streams.
 * Throws VALIDATION_FAILED for a malformed id and NOT_FOUND for an unknown import before yielding.
 */
export async function exportImportRowsCsv(db: Db, importId: string, access: AccessContext): Promise<AsyncIterable<string>> {
  assertRoleMay(access, 'import:run');
  assertImportId(importId);
  if (!(await findImport(db, importId))) throw AppError.notFound('import', importId);
  return (async function* pages() {
    yield stringify([header]);
    let afterLine = 0;
    for (;;) {
      const rows = await findImportRowsAfter(db, importId, afterLine, pageSize);
      if (rows.length === 0) return;
      yield stringify(rows.map(csvLineOf));
      afterLine = rows[rows.length - 1]!.line;
      if (rows.length < pageSize) return;
    }
  })();
}
