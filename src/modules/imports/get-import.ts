import type { AccessContext } from '../../core/access/access-context.ts';
import { assertRoleMay } from '../access/enforce-access.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { findImport } from './import.repository.ts';
import { summarizeImport, type ImportSummary } from './import-summary.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws VALIDATION_FAILED (path `id`) for a malformed id, NOT_FOUND for an unknown one. */
export function assertImportId(id: string): void {
  if (!uuidPattern.test(id)) throw AppError.validation([{ path: 'id', message: 'not an import id (uuid)' }]);
}

/** One import with its counts and status. */
export async function getImport(db: Db, id: string, access: AccessContext): Promise<ImportSummary> {
  assertRoleMay(access, 'import:run');
  assertImportId(id);
  const row = await findImport(db, id);
  if (!row) throw AppError.notFound('import', id);
  return summarizeImport(row);
}
