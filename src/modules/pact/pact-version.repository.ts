import type { Db, PactVersionRow, PactVersionsTable } from '../../db/database.ts';
import type { Updateable } from 'kysely';

export async function findActivePactVersion(db: Db): Promise<PactVersionRow | undefined> {
  return db.selectFrom('pact_versions').selectAll().where('status', '=', 'active').executeTakeFirst();
}

export async function findActivePactVersionId(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('pact_versions').select('id').where('status', '=', 'active').executeTakeFirst();
  return row?.id;
}

export async function findPactVersion(db: Db, version: number): Promise<PactVersionRow | undefined> {
  return db.selectFrom('pact_versions').selectAll().where('version', '=', version).executeTakeFirst();
}

export async function findPactVersionById(db: Db, id: string): Promise<PactVersionRow | undefined> {
  return db.selectFrom('pact_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The version row locked for the rest of the transaction (approval and activation change it). */
export async function lockPactVersion(db: Db, version: number): Promise<PactVersionRow | undefined> {
  return db.selectFrom('pact_versions').selectAll().where('version', '=', version).forUpdate().executeTakeFirst();
}

export async function listPactVersions(db: Db): Promise<PactVersionRow[]> {
  return db.selectFrom('pact_versions').selectAll().orderBy('version', 'desc').execute();
}

export async function nextPactVersionNumber(db: Db): Promise<number> {
  const row = await db
    .selectFrom('pact_versions')
    .select((eb) => eb.fn.max('version').as('latest'))
    .executeTakeFirst();
  return Number(row?.latest ?? 0) + 1;
}

export async function insertPactVersion(
  db: Db,
  values: { version: number; status: PactVersionRow['status']; document: object; note: string | null; createdBy: string | null },
): Promise<PactVersionRow> {
  return db
    .insertInto('pact_versions')
    .values({
      version: values.version,
      status: values.status,
      document: JSON.stringify(values.document),
      note: values.note,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updatePactVersion(db: Db, id: string, changes: Updateable<PactVersionsTable>): Promise<void> {
  await db.updateTable('pact_versions').set(changes).where('id', '=', id).execute();
}
