import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { enableAuditRedaction } from './enable-audit-redaction.ts';
import { recordAudit } from './record-audit.ts';

/** Sends SQL straight through the driver (PGlite's query, node-postgres' pool), bypassing Kysely. */
async function rawQuery(database: TestDatabase, text: string): Promise<unknown> {
  if (database.pglite) return database.pglite.query(text);
  return database.pool!.query(text);
}

async function rejection(promise: Promise<unknown>): Promise<{ message: string; code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { message: string; code?: string };
  }
  throw new Error('expected the database to refuse the statement');
}

describeEachDatabase('audit log is append-only in the database', (kind) => {
  let database: TestDatabase;
  let entryId: number;
  const entry = () => database.db.selectFrom('audit_log').selectAll().where('id', '=', entryId).executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await recordAudit(database.db, {
      actor: { type: 'user', id: 'u-1' },
      action: 'update',
      entityType: 'lead',
      entityId: 'lead-1',
      oldValues: { email: 'dana@acme.test', phone: '+14155550100' },
      newValues: { email: 'dana.reyes@acme.test' },
    });
    entryId = (await database.db.selectFrom('audit_log').select('id').where('entity_id', '=', 'lead-1').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => database.destroy());

  it('refuses UPDATE, DELETE and TRUNCATE sent as raw SQL, and the entry stays as written', async () => {
    const before = await entry();
    const update = await rejection(rawQuery(database, `update audit_log set action = 'delete' where id = ${entryId}`));
    expect(update.message).toMatch(/audit_log is append-only: UPDATE is not allowed/);
    expect(update.code).toBe('23000');
    const values = await rejection(rawQuery(database, `update audit_log set new_values = '{}'::jsonb where id = ${entryId}`));
    expect(values.message).toMatch(/append-only: UPDATE/);
    expect((await rejection(rawQuery(database, `delete from audit_log where id = ${entryId}`))).message).toMatch(/append-only: DELETE is not allowed/);
    expect((await rejection(rawQuery(database, 'delete from audit_log'))).message).toMatch(/append-only: DELETE/);
    expect((await rejection(rawQuery(database, 'truncate audit_log'))).message).toMatch(/append-only: TRUNCATE is not allowed/);
    expect(await entry()).toEqual(before);
  });

  it('still accepts new entries', async () => {
    const count = async () => Number((await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await rawQuery(database, `insert into audit_log (actor_type, action, entity_type, entity_id) values ('system', 'create', 'lead', 'lead-2')`);
    expect(await count()).toBe(before + 1);
  });

  it('lets a transaction that set leadpact.audit_redaction scrub old_values and new_values, keeping who, when and what', async () => {
    const before = await entry();
    await database.db.transaction().execute(async (trx) => {
      await enableAuditRedaction(trx);
      await sql`update audit_log set old_values = ${JSON.stringify({ email: '[erased]', phone: '[erased]' })}::jsonb, new_values = ${JSON.stringify({ email: '[erased]' })}::jsonb where id = ${entryId}`.execute(trx);
    });
    const after = await entry();
    expect(after.old_values).toEqual({ email: '[erased]', phone: '[erased]' });
    expect(after.new_values).toEqual({ email: '[erased]' });
    expect({ ...after, old_values: null, new_values: null }).toEqual({ ...before, old_values: null, new_values: null });
  });

  it('refuses, even under the redaction flag, any change to actor, action, entity or time, and any DELETE', async () => {
    const before = await entry();
    const underFlag = (statement: ReturnType<typeof sql>) =>
      rejection(
        database.db.transaction().execute(async (trx) => {
          await enableAuditRedaction(trx);
          await statement.execute(trx);
        }),
      );
    for (const change of [
      sql`update audit_log set actor_id = 'someone-else' where id = ${entryId}`,
      sql`update audit_log set actor_type = 'system', new_values = '{}'::jsonb where id = ${entryId}`,
      sql`update audit_log set action = 'create' where id = ${entryId}`,
      sql`update audit_log set at = now() - interval '1 day' where id = ${entryId}`,
      sql`update audit_log set entity_id = 'lead-9' where id = ${entryId}`,
    ]) {
      expect((await underFlag(change)).message).toMatch(/a redaction may change only old_values and new_values/);
    }
    expect((await underFlag(sql`delete from audit_log where id = ${entryId}`)).message).toMatch(/append-only: DELETE/);
    expect((await underFlag(sql`truncate audit_log`)).message).toMatch(/append-only: TRUNCATE/);
    expect(await entry()).toEqual(before);
  });

  it('forgets the redaction flag when its transaction ends', async () => {
    await database.db.transaction().execute(async (trx) => {
      await enableAuditRedaction(trx);
    });
    const refused = await rejection(database.db.transaction().execute((trx) => sql`update audit_log set new_values = null where id = ${entryId}`.execute(trx)));
    expect(refused.message).toMatch(/append-only: UPDATE is not allowed/);
  });
});
