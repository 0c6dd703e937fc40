import { installDefaultPact } from '../modules/pact/install-default-pact.ts';
import { migrateToLatest, type MigrationOutcome } from './migrate.ts';
import type { DatabaseHandle } from './open-database.ts';

/** Schema up to date and a pact in force: what every command needs before it touches leads. */
export async function prepareDatabase(handle: DatabaseHandle): Promise<MigrationOutcome & { installedDefaultPact: boolean }> {
  const outcome = await migrateToLatest(handle.db);
  const installedDefaultPact = await installDefaultPact(handle.db);
  return { ...outcome, installedDefaultPact };
}
