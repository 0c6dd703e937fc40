import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type LogConfig } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { Database } from './database.ts';

const INT8_OID = 20;
const DATE_OID = 1082;

/** The open database: Kysely for our code, plus the raw driver handle pg-boss and benchmarks need. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Set on the embedded database. */
  pglite: PGlite | null;
  /** Set on PostgreSQL. */
  pool: pg.Pool | null;
  /** Where the data lives, for messages: a directory, `memory` or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; `memory://` for a throwaway one (tests). */
  dataDir?: string;
  poolSize?: number;
  /** PostgreSQL only: a schema to put first on the search path (tests isolate themselves this way). */
  schema?: string;
  /** Called after every query with its SQL and duration (slow-query logging, profiling). */
  onQuery?: (sql: string, milliseconds: number) => void;
}

/**
 * Opens PostgreSQL when a URL is given, else PGlite in `dataDir` (locked for this process).
 * Both return bigint as number and `date` as 'YYYY-MM-DD' text, so the rest of the code never
 * sees a driver difference.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const log = queryLog(options.onQuery);
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.schema, log);
  return openPglite(options.dataDir ?? './.leadpact', log);
}

export function databaseOptionsFromConfig(config: Config): OpenDatabaseOptions {
  return { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
}

function queryLog(onQuery: OpenDatabaseOptions['onQuery']): LogConfig | undefined {
  if (!onQuery) return undefined;
  return (event) => {
    if (event.level === 'query') onQuery(event.query.sql, event.queryDurationMillis);
  };
}

async function openPostgres(databaseUrl: string, poolSize: number, schema: string | undefined, log: LogConfig | undefined): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8_OID) return (value: string) => Number(value);
        if (oid === DATE_OID) return (value: string) => value;
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server (PostgreSQL restart) must not crash the process.
  pool.on('error', () => {});
  // A checked-out client losing its server mid-transaction emits 'error' too; unheard, it would end
  // the process. The query in flight fails (and is retried or answered 5xx); the pool recovers.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  return {
    db,
    kind: 'postgres',
    pglite: null,
    pool,
    location: databaseUrl.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@'),
    async close() {
      await db.destroy();
    },
  };
}

async function openPglite(dataDir: string, log: LogConfig | undefined): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith('memory://');
  const lock: DataDirLock | null = inMemory ? null : acquireDataDirLock(dataDir);
  try {
    const pglite = await PGlite.create(inMemory ? undefined : dataDir, {
      parsers: { [INT8_OID]: (value: string) => Number(value), [DATE_OID]: (value: string) => value },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), ...(log ? { log } : {}) });
    return {
      db,
      kind: 'pglite',
      pglite,
      pool: null,
      location: inMemory ? 'memory' : dataDir,
      async close() {
        try {
          await db.destroy();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
