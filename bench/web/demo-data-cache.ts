import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(repositoryRoot, 'bin', 'leadpact.js');
/** Git-ignored (node_modules) and kept between runs; `--refresh-cache` or other counts replace the entry. */
const cacheRoot = join(repositoryRoot, 'node_modules', '.cache', 'leadpact-bench');

/** What the loaded demo organisation depends on: the same key, the same rows. */
export interface DemoDataSpec {
  seed: number;
  leads: number;
  accounts: number;
}

/** How the demo data of a run was obtained, for the report. */
export interface DemoDataOrigin {
  /** True when the data came from the cache (loaded by an earlier run). */
  cached: boolean;
  /** When the demo organisation was loaded (its "now": the newest lead is from that day). */
  loadedAt: Date;
  /** How long `leadpact demo` took when it loaded this data. */
  loadSeconds: number;
  /** Where the cached copy lives. */
  location: string;
  /** The newest migration when the data was loaded, and now (`leadpact serve` migrates the copy at start). */
  loadedUnderSchema: string;
  currentSchema: string;
}

interface CacheMeta {
  key: string;
  loadedAt: string;
  loadSeconds: number;
  schema: string;
}

/** The schema version: the newest migration's name. */
export async function schemaVersion(): Promise<string> {
  const names = (await readdir(join(repositoryRoot, 'src', 'db', 'migrations'))).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
  return names.at(-1)?.replace(/\.ts$/, '') ?? 'none';
}

/**
 * The seed and counts make the key; the schema version does not. A load takes half an hour at
 * 100,000 leads on a busy machine, and a new migration (an index, a column) is what every real
 * install gets on its existing data: the copy of a run is migrated forward by `leadpact serve` as an
 * upgraded install would be, and the report names both versions. A new demo generator or pipeline
 * that changes what is loaded needs `--refresh-cache`.
 */
function cacheKey(spec: DemoDataSpec): string {
  const text = `seed=${spec.seed} leads=${spec.leads} accounts=${spec.accounts}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/**
 * Loads the demo organisation through the real CLI (`leadpact demo`: capture pipeline, routing,
 * lifecycle), into the database the environment names. Resolves with the seconds it took.
 */
async function loadDemo(spec: DemoDataSpec, databaseEnv: Record<string, string>, progress: (line: string) => void): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', LEADPACT_DATA_DIR: '', LOG_LEVEL: 'info', ...databaseEnv };
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'demo', '--seed', String(spec.seed), '--leads', String(spec.leads), '--accounts', String(spec.accounts), '--json'], { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // The loader's own progress log may only come out at the end (on PGlite its event loop hardly
  // turns while it loads), so the benchmark says how long it has been waiting.
  const ticker = setInterval(() => progress(`demo load running for ${Math.round((performance.now() - started) / 60_000)} min`), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode))).finally(() => clearInterval(ticker));
  if (code !== 0) throw new Error(`leadpact demo exited with ${code}:\n${printed}`);
  return (performance.now() - started) / 1000;
}

/**
 * A PGlite data directory holding the demo organisation, copied to `targetDir` for this run (the run
 * signs in and writes sessions; the cached copy stays as loaded). The first run for a key loads it
 * with `leadpact demo` into the cache; later runs copy. Other entries of this benchmark are removed
 * when a new one is made, so the cache holds one data set.
 */
export async function pgliteDemoData(spec: DemoDataSpec, targetDir: string, options: { refresh: boolean; progress: (line: string) => void }): Promise<DemoDataOrigin> {
  const key = cacheKey(spec);
  const name = `web-pglite-s${spec.seed}-l${spec.leads}-a${spec.accounts}-${key}`;
  const cachedDir = join(cacheRoot, name);
  const metaFile = `${cachedDir}.json`;
  await mkdir(cacheRoot, { recursive: true });
  const currentSchema = await schemaVersion();

  let meta = options.refresh ? null : await readMeta(metaFile, key);
  const cached = meta !== null;
  if (!meta) {
    for (const entry of await readdir(cacheRoot)) if (entry.startsWith('web-pglite-')) await rm(join(cacheRoot, entry), { recursive: true, force: true });
    // Loaded under a temporary name and renamed when complete: an interrupted load is never reused.
    const loadingDir = `${cachedDir}.loading`;
    const loadedAt = new Date();
    const loadSeconds = await loadDemo(spec, { LEADPACT_DATA_DIR: loadingDir }, options.progress);
    await rename(loadingDir, cachedDir);
    meta = { key, loadedAt: loadedAt.toISOString(), loadSeconds, schema: currentSchema };
    await writeFile(metaFile, `${JSON.stringify(meta)}\n`);
  }
  await cp(cachedDir, targetDir, { recursive: true });
  return { cached, loadedAt: new Date(meta.loadedAt), loadSeconds: meta.loadSeconds, location: cachedDir, loadedUnderSchema: meta.schema, currentSchema };
}

async function readMeta(file: string, key: string): Promise<CacheMeta | null> {
  try {
    const meta = JSON.parse(await readFile(file, 'utf8')) as CacheMeta;
    return meta.key === key && typeof meta.schema === 'string' ? meta : null;
  } catch {
    return null;
  }
}

/**
 * The PostgreSQL counterpart: the demo organisation is loaded once into a template database
 * (`leadpact_bench_webcache_<key>`, its load time and duration in the database's comment), and each
 * run gets `create database … template …` of it — a file copy on the server, seconds instead of a
 * reload. `adminUrl` is a URL of the same server to run `create database` from.
 */
export async function postgresDemoData(spec: DemoDataSpec, adminUrl: string, targetName: string, options: { refresh: boolean; progress: (line: string) => void }): Promise<DemoDataOrigin> {
  const key = cacheKey(spec);
  const templateName = `leadpact_bench_webcache_${key}`;
  const currentSchema = await schemaVersion();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const described = await admin.query<{ datname: string; comment: string | null }>(
      "select datname, shobj_description(oid, 'pg_database') as comment from pg_database where datname like 'leadpact\\_bench\\_webcache\\_%'",
    );
    const existing = described.rows.find((row) => row.datname === templateName && row.comment);
    const storedMeta = existing && !options.refresh ? (JSON.parse(existing.comment!) as Partial<CacheMeta>) : null;
    let meta: CacheMeta | null = typeof storedMeta?.schema === 'string' ? (storedMeta as CacheMeta) : null;
    const cached = meta !== null;
    if (!meta) {
      for (const row of described.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      // The comment is written last: a template without one is an interrupted load and is dropped above.
      await admin.query(`create database ${templateName}`);
      const loadedAt = new Date();
      const loadSeconds = await loadDemo(spec, { DATABASE_URL: withDatabase(adminUrl, templateName) }, options.progress);
      meta = { key, loadedAt: loadedAt.toISOString(), loadSeconds, schema: currentSchema };
      await admin.query(`comment on database ${templateName} is ${admin.escapeLiteral(JSON.stringify(meta))}`);
    }
    await admin.query(`create database ${targetName} template ${templateName}`);
    return { cached, loadedAt: new Date(meta.loadedAt), loadSeconds: meta.loadSeconds, location: templateName, loadedUnderSchema: meta.schema, currentSchema };
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy.href;
}
