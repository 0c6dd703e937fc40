import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { OpenDatabaseOptions } from '../../src/db/open-database.ts';

/** A fresh, empty database: how this process opens it and what a `leadpact serve` child needs to find it. */
export interface FreshDatabase {
  name: string;
  openOptions: OpenDatabaseOptions;
  serverEnv: Record<string, string>;
  /** PostgreSQL: the server processes (backends) serving this database now; null on PGlite (it runs inside its client). */
  backendPids: (() => Promise<number[]>) | null;
}

/** Where the benchmark creates its throwaway databases, and removes them all again. */
export interface BenchDatabaseServer {
  kind: 'pglite' | 'postgres';
  /** Shown in the report: the data directory or the server URL without its password. */
  location: string;
  create(label: string): Promise<FreshDatabase>;
  dropAll(): Promise<void>;
}

/** PGlite data directories under `workDir` (a temp directory the caller removes). */
export function pgliteServer(workDir: string): BenchDatabaseServer {
  const directories: string[] = [];
  return {
    kind: 'pglite',
    location: workDir,
    async create(label) {
      const dataDir = join(workDir, `pglite-${label}`);
      directories.push(dataDir);
      return { name: dataDir, openOptions: { dataDir }, serverEnv: { LEADPACT_DATA_DIR: dataDir }, backendPids: null };
    },
    async dropAll() {
      for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
    },
  };
}

const localHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The PostgreSQL server of DATABASE_URL (else postgres://postgres@127.0.0.1:5432), when it answers.
 * Benchmarks only ever talk to this machine, so a DATABASE_URL naming another host is refused.
 */
export async function findPostgresServer(env: Record<string, string | undefined> = process.env): Promise<{ server: BenchDatabaseServer } | { unavailable: string }> {
  const url = new URL(env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  if (!localHosts.has(url.hostname)) return { unavailable: `DATABASE_URL names host ${url.hostname}; benchmarks only use 127.0.0.1` };
  const adminUrl = withDatabase(url, url.pathname.length > 1 ? url.pathname.slice(1) : 'postgres');
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query('select 1');
  } catch (error) {
    return { unavailable: `PostgreSQL at ${redacted(adminUrl)} is unreachable (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    await admin.end().catch(() => undefined);
  }
  return { server: postgresServer(url, adminUrl) };
}

function postgresServer(url: URL, adminUrl: string): BenchDatabaseServer {
  const created: string[] = [];
  const run = async (statement: string, values: unknown[] = []) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      return (await admin.query(statement, values)).rows as Record<string, unknown>[];
    } finally {
      await admin.end();
    }
  };
  return {
    kind: 'postgres',
    location: redacted(withDatabase(url, '')),
    async create(label) {
      const name = `leadpact_bench_${randomBytes(4).toString('hex')}_${label}`;
      await run(`create database ${name}`);
      created.push(name);
      const databaseUrl = withDatabase(url, name);
      const backendPids = async () => (await run('select pid from pg_stat_activity where datname = $1', [name])).map((row) => Number(row['pid']));
      return { name, openOptions: { databaseUrl }, serverEnv: { DATABASE_URL: databaseUrl }, backendPids };
    },
    async dropAll() {
      for (const name of created.splice(0)) await run(`drop database if exists ${name} with (force)`);
    },
  };
}

function withDatabase(url: URL, database: string): string {
  const copy = new URL(url.href);
  copy.pathname = `/${database}`;
  return copy.href;
}

function redacted(url: string): string {
  return url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
}
