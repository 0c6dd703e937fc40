import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * The tables whose row counts swing with loads and imports, and whose lists the screens page
 * through. Named (resolved in the current schema), never a database-wide ANALYZE: on a shared
 * PostgreSQL server that would reach every other schema too.
 */
const busyTables = ['leads', 'accounts', 'touches', 'lead_events', 'campaigns', 'users', 'import_rows', 'audit_log'] as const;

/**
 * VACUUM (ANALYZE) of the busy tables: fresh planner statistics and a visibility map. PGlite never
 * runs autovacuum and a PostgreSQL server may have it off or lag behind a bulk load. Without
 * statistics the planner takes a 96,000-lead table for an empty one and sorts all of it for a page
 * of 50 (3.4 s instead of 0.6 ms on PGlite, measured by `npm run bench -- web`); without the
 * visibility map a list's total cannot be counted from an index alone. Called when the server
 * starts and after the bulk paths (the demo loader, a large import), once the leads table is
 * large enough for statistics to help (see hasLeads); outside any transaction
 * (VACUUM refuses to run in one). Pages already all-visible are skipped, so a repeat is cheap.
 */
export async function maintainBusyTables(db: Db, options: { minLeads?: number } = {}): Promise<void> {
  if (!(await hasLeads(db, options.minLeads ?? maintenanceThresholdLeads))) return;
  await sql.raw(`vacuum (analyze) ${busyTables.join(', ')}`).execute(db);
}

/** Below this many leads the planner's defaults serve well; statistics taken this early mislead it. */
export const maintenanceThresholdLeads = 10_000;

/**
 * Whether the leads table holds at least `minLeads` rows, counting no further.
 * Statistics taken of a near-empty table go stale as captures fill it, and nothing on PGlite (or a
 * server with autovacuum off) refreshes them: `npm run bench -- ingest` measured API capture on a
 * fresh PostgreSQL database at 500 leads/s without them and 333 with them (database CPU per lead
 * 0.90 → 1.32 ms at 5,000 leads, 3.2 ms at 20,000). So a small database is left to the defaults.
 */
async function hasLeads(db: Db, minLeads: number): Promise<boolean> {
  if (minLeads <= 0) return true;
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from (select 1 from leads limit ${minLeads}) as sample`.execute(db);
  return Number(rows[0]?.n ?? 0) >= minLeads;
}
