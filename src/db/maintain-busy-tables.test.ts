import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { insertUser } from '../modules/team/user.repository.ts';
import { maintainBusyTables } from './maintain-busy-tables.ts';

describeEachDatabase('maintainBusyTables (vacuum analyze)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.destroy());

  /** The planner's row estimate of a table of this schema: -1 until it was ever analyzed. */
  const estimatedRows = async (table: string) =>
    Number((await sql<{ reltuples: number }>`select c.reltuples from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relname = ${table} and n.nspname = current_schema()`.execute(database.db)).rows[0]?.reltuples);

  it('gives the planner row estimates of this schema’s busy tables', async () => {
    for (const name of ['ana', 'bo', 'cy']) await insertUser(database.db, { email: `${name}@example.test`, name, role: 'sales_rep' });
    expect(await estimatedRows('users')).toBe(-1);
    // Too few leads for statistics to help: left alone (they would mislead the planner as it grows).
    await maintainBusyTables(database.db);
    await maintainBusyTables(database.db, { minLeads: 1 });
    expect(await estimatedRows('users')).toBe(-1);
    await maintainBusyTables(database.db, { minLeads: 0 });
    expect(await estimatedRows('users')).toBe(3);
    expect(await estimatedRows('leads')).toBe(0);
  });
});
