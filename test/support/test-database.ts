import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/open-database.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * Every DB test runs on the embedded database and, when DATABASE_URL is set (as `.ci/run` and
 * `npm test` do), on PostgreSQL too. Each PostgreSQL test database is its own schema, dropped at the end.
 */
export const databaseKinds: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends DatabaseHandle {
  /** PostgreSQL schema of this test database (null on PGlite). */
  schema: string | null;
  /** Closes the connection and drops what the test created. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (kind === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory://' });
    if (migrate) await migrateToLatest(handle.db);
    return { ...handle, schema: null, destroy: () => handle.close() };
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = await openDatabase({ databaseUrl, schema, poolSize: 10 });
  if (migrate) await migrateToLatest(handle.db);
  return {
    ...handle,
    schema,
    async destroy() {
      await handle.close();
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.query(`drop schema if exists ${schema}_pgboss cascade`);
      await client.end();
    },
  };
}

/** `describe` once per database kind, titled with the kind so a failure says where it failed. */
export function describeEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  for (const kind of databaseKinds) {
    describe(`${title} [${kind}]`, () => body(kind));
  }
}
