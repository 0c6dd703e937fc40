import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { apiScopes } from '../../src/core/access/principal.ts';
import { formatApiKey } from '../../src/core/identity/api-key-text.ts';
import { openDatabase, type DatabaseHandle, type OpenDatabaseOptions } from '../../src/db/open-database.ts';
import { prepareDatabase } from '../../src/db/prepare-database.ts';
import { insertApiKey } from '../../src/modules/identity/api-key.repository.ts';
import { randomToken, sha256Hex } from '../../src/modules/identity/secret-token.ts';
import { insertUser } from '../../src/modules/team/user.repository.ts';

/** A throwaway database for one crash run: what the server child needs, and how this process opens it. */
export interface CrashDatabase {
  kind: 'pglite' | 'postgres';
  /** The data directory, or the URL without its password. */
  location: string;
  /** Environment of `leadpact serve` on this database. */
  serverEnv: Record<string, string>;
  /** Opens it here. On PGlite only while no server runs on it (the directory is locked). */
  open(): Promise<DatabaseHandle>;
  /** Deletes the directory or drops the database. */
  remove(): Promise<void>;
}

/** A PGlite data directory under `workDir` (not created yet: the first open creates it). */
export function pgliteCrashDatabase(workDir: string): CrashDatabase {
  const dataDir = join(workDir, `crash-${randomBytes(4).toString('hex')}`);
  return {
    kind: 'pglite',
    location: dataDir,
    serverEnv: { LEADPACT_DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    async remove() {
      await rm(dataDir, { recursive: true, force: true });
      await rm(`${dataDir}.lock`, { force: true });
    },
  };
}

/**
 * A new database on the PostgreSQL server of `serverUrl` (any database on it; we connect there to
 * create ours). Needs the right to create databases, as the local `postgres` user has.
 */
export async function postgresCrashDatabase(serverUrl: string): Promise<CrashDatabase> {
  const name = `leadpact_crash_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.href;
  const options: OpenDatabaseOptions = { databaseUrl, poolSize: 4 };
  return {
    kind: 'postgres',
    location: databaseUrl.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@'),
    serverEnv: { DATABASE_URL: databaseUrl },
    open: () => openDatabase(options),
    remove: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/**
 * Migrates the database, installs the default pact and makes the admin whose API key the client
 * streams with (every scope; returned once, like the real thing). Closes it again.
 */
export async function prepareCrashDatabase(database: CrashDatabase, now: Date): Promise<{ apiKey: string }> {
  const handle = await database.open();
  try {
    await prepareDatabase(handle);
    const admin = await insertUser(handle.db, { email: 'crash-admin@leadpact.test', name: 'Crash Test', role: 'admin' });
    const prefix = randomBytes(6).toString('hex');
    const secret = randomToken(32);
    await insertApiKey(handle.db, { name: 'crash test', prefix, secret_hash: sha256Hex(secret), scopes: apiScopes, user_id: admin.id, created_at: now });
    return { apiKey: formatApiKey({ prefix, secret }) };
  } finally {
    await handle.close();
  }
}
