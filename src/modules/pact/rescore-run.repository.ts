import type { Db, RescoreRunRow, RescoreRunsTable } from '../../db/database.ts';
import type { Updateable } from 'kysely';

export async function insertRescoreRun(db: Db, pactVersionId: string, queuedAt: Date): Promise<RescoreRunRow> {
  return db.insertInto('rescore_runs').values({ pact_version_id: pactVersionId, status: 'queued', queued_at: queuedAt }).returningAll().executeTakeFirstOrThrow();
}

export async function findRescoreRun(db: Db, id: string): Promise<RescoreRunRow | undefined> {
  return db.selectFrom('rescore_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function latestRescoreRuns(db: Db, limit: number): Promise<RescoreRunRow[]> {
  return db.selectFrom('rescore_runs').selectAll().orderBy('queued_at', 'desc').limit(limit).execute();
}

export async function updateRescoreRun(db: Db, id: string, changes: Updateable<RescoreRunsTable>): Promise<void> {
  await db.updateTable('rescore_runs').set(changes).where('id', '=', id).execute();
}
