import type { Db } from '../../db/database.ts';
import { currentSchema, listTextColumns, type TableTextColumns } from './stored-text.repository.ts';

/**
 * The schemas leadpact keeps data in: its own and pg-boss's beside it (`pgboss` next to `public`,
 * `<schema>_pgboss` otherwise — the rule of jobs/job-queue.ts).
 */
export function applicationSchemas(appSchema: string): string[] {
  return [appSchema, appSchema === 'public' ? 'pgboss' : `${appSchema}_pgboss`];
}

// Tables that hold no one's personal data by design, or whose every column must stay as written.
const untouchedTables = new Set(['suppressions', 'privacy_settings', 'leadpact_migrations', 'leadpact_migrations_lock']);

// Tables where only some columns are free text: the others are a record's own identity (another
// lead that shares a switchboard number keeps it; a user keeps their login) or, for the audit log,
// columns the database refuses to change.
const onlyColumns: Record<string, readonly string[]> = {
  leads: ['attributes', 'junk_reason', 'routing'],
  users: [],
  audit_log: ['old_values', 'new_values'],
};

/**
 * Every table of leadpact's and pg-boss's schemas with the text and JSON columns that may quote a
 * person and may be rewritten: what erasure sweeps and what an export searches. Tables and columns
 * added later by any module are included automatically.
 */
export async function textColumnsOfApplication(db: Db): Promise<{ appSchema: string; tables: TableTextColumns[] }> {
  const appSchema = await currentSchema(db);
  const tables = await listTextColumns(db, applicationSchemas(appSchema));
  const sweepable = tables
    .filter((table) => !(table.schema === appSchema && untouchedTables.has(table.table)))
    .map((table) => {
      const allowed = table.schema === appSchema ? onlyColumns[table.table] : undefined;
      return allowed ? { ...table, columns: table.columns.filter((column) => allowed.includes(column.name)) } : table;
    })
    .filter((table) => table.columns.length > 0);
  return { appSchema, tables: sweepable };
}
