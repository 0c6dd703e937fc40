import type { AccessContext } from '../../core/access/access-context.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import type { Db } from '../../db/database.ts';
import { findRecentImports } from './import.repository.ts';
import { summarizeImport, type ImportSummary } from './import-summary.ts';

/** The most recent imports, newest first (at most `limit`, default 100); for admins and marketing. */
export async function listImports(db: Db, options: { access: AccessContext; limit?: number | undefined }): Promise<ImportSummary[]> {
  assertRoleMay(options.access, 'import:run');
  const rows = await findRecentImports(db, options.limit ?? 100);
  return rows.map(summarizeImport);
}
