import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as leadSpine from './migrations/2026-11-22-0001-lead-spine.ts';
import * as identity from './migrations/2026-11-22-0002-identity.ts';
import * as auditAppendOnly from './migrations/2026-11-22-0003-audit-append-only.ts';
import * as privacy from './migrations/2026-11-22-0004-privacy.ts';
import * as mergedIdentityIndexes from './migrations/2026-11-22-0005-merged-identity-indexes.ts';
import * as requestIdempotency from './migrations/2026-11-22-0005-request-idempotency.ts';
import * as listSortIndexes from './migrations/2026-11-23-0001-list-sort-indexes.ts';
import * as campaignLeadIndex from './migrations/2026-11-23-0002-campaign-lead-index.ts';

/**
 * The hand-written migrations in order. Listed explicitly (not read from a folder) so the set is
 * the same under Node, Vitest and any bundler; a new migration is one import and one line here.
 */
const migrations: Record<string, Migration> = {
  '2026-11-22-0001-lead-spine': leadSpine,
  '2026-11-22-0002-identity': identity,
  '2026-11-22-0003-audit-append-only': auditAppendOnly,
  '2026-11-22-0004-privacy': privacy,
  '2026-11-22-0005-merged-identity-indexes': mergedIdentityIndexes,
  '2026-11-22-0005-request-idempotency': requestIdempotency,
  '2026-11-23-0001-list-sort-indexes': listSortIndexes,
  '2026-11-23-0002-campaign-lead-index': campaignLeadIndex,
};

const provider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

export interface MigrationOutcome {
  applied: string[];
  alreadyCurrent: boolean;
}

/** Brings the schema up to date; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationOutcome> {
  // Pin the bookkeeping tables to the schema we migrate: left to itself the migrator would find
  // another schema's `leadpact_migrations` on the server and think this one is up to date.
  const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema ?? 'public';
  const migrator = new Migrator({ db, provider, migrationTableName: 'leadpact_migrations', migrationLockTableName: 'leadpact_migrations_lock', migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
  if (error) {
    const failed = (results ?? []).find((result) => result.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { applied, alreadyCurrent: applied.length === 0 };
}
