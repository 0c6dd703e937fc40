import type { AccessContext } from '../../core/access/access-context.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertImportId } from './get-import.ts';
import { findImport, findImportRows } from './import.repository.ts';
import type { ImportRowOutcome } from './import-report.ts';

/** One data line of an import and what became of it. */
export interface ImportRowSummary {
  line: number;
  outcome: ImportRowOutcome;
  leadId: string | null;
  /** The CSV column at fault (rejected rows) or warned about; null otherwise. */
  field: string | null;
  message: string | null;
}

/** A page of an import's rows in line order, optionally of one outcome, with the total matching. */
export async function listImportRows(
  db: Db,
  importId: string,
  options: { outcome?: ImportRowOutcome | undefined; limit: number; offset: number; access: AccessContext },
): Promise<{ rows: ImportRowSummary[]; total: number }> {
  assertRoleMay(options.access, 'import:run');
  assertImportId(importId);
  if (!(await findImport(db, importId))) throw AppError.notFound('import', importId);
  const page = await findImportRows(db, importId, options);
  return {
    rows: page.rows.map((row) => ({ line: row.line, outcome: row.outcome, leadId: row.lead_id, field: row.field, message: row.message })),
    total: page.total,
  };
}
