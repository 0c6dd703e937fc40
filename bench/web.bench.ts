import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { resubmissionShare } from '../src/core/demo/generate-demo-leads.ts';
import { openDatabase, type OpenDatabaseOptions } from '../src/db/open-database.ts';
import { findPostgresServer } from './ingest/bench-databases.ts';
import { killLeadpactServers, startLeadpactServer } from './ingest/leadpact-server-process.ts';
import { buildBenchWebApp } from './web/build-bench-web-app.ts';
import { pickBenchUsers, setBenchPasswords, type BenchUser } from './web/bench-sign-in-users.ts';
import { pgliteDemoData, postgresDemoData, withDatabase, type DemoDataOrigin, type DemoDataSpec } from './web/demo-data-cache.ts';
import { measureDatabaseBaseline } from './web/lead-list-baseline.ts';
import { benchScreenshotDirectory, launchBenchChromium, measureScreen, type ScreenSpec } from './web/measure-screen-load.ts';
import { slowestPlanText, webJsonLine, webTable, type ScreenMeasurement, type WebMeasurement } from './web/print-web-report.ts';

const usage =
  'usage: npm run bench -- web [--db pglite|postgres|both (default pglite)] [--leads N: leads in the database (default 100000)] [--accounts N (default leads/10)] [--runs N (default 5)] [--seed N (default 42)] [--refresh-cache] [--vacuum-analyze]';
/** The issue's target for each screen, first render and interactive alike. */
const targetMs = 1000;
/**
 * A screen with no lead row by then is reported as not there, with its API calls (the lead list was a
 * stand-in page at first). Long enough to give a figure for a screen many times over the target.
 */
const rowTimeoutMs = 90_000;

/**
 * `leadpact demo --leads N` makes N captures, and the planted re-submissions (4 % of them) merge into
 * the lead they repeat: 100,000 captures leave 95,928 leads. The issue asks for 100,000 leads in the
 * database, so the demo is asked for 5 % more captures and the run checks the count it got.
 */
const capturesPerLead = 1 / (1 - resubmissionShare - 0.01);

interface Options {
  databases: ('pglite' | 'postgres')[];
  /** Leads the database must hold (not merged away) when the screens are measured. */
  leads: number;
  /** What `leadpact demo` is asked for: enough captures that, after re-submissions merge, `leads` remain. */
  spec: DemoDataSpec;
  runs: number;
  refresh: boolean;
  /** Run VACUUM ANALYZE on the run's copy before serving: what routine maintenance would give. */
  vacuumAnalyze: boolean;
}

/** A database holding this run's copy of the demo organisation. */
interface RunDatabase {
  openOptions: OpenDatabaseOptions;
  serverEnv: Record<string, string>;
  origin: DemoDataOrigin;
  drop(): Promise<void>;
}

/**
 * `npm run bench -- web`: with the demo organisation at 100,000 leads (loaded through the real
 * pipeline once, then cached), a real `leadpact serve` and Debian's Chromium, loads the busiest
 * rep's inbox and the marketing user's lead list several times each and prints time to first
 * meaningful render and to interactive beside the API's server time and the same list queries run
 * straight against the database; one JSON line per database last. Measures only; never asserts.
 */
export async function runBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const workDir = await mkdtemp(join(tmpdir(), 'leadpact-bench-web-'));
  const drops: (() => Promise<void>)[] = [];
  let browser: Browser | undefined;
  const interrupted = () => {
    killLeadpactServers();
    void Promise.allSettled([browser?.close(), ...drops.map((drop) => drop())])
      .then(() => rm(workDir, { recursive: true, force: true }))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const progress = (line: string) => process.stderr.write(`[web] ${line}\n`);
    process.stdout.write(
      `demo organisation: at least ${options.leads.toLocaleString('en-US')} leads (${options.spec.leads.toLocaleString('en-US')} captures, re-submissions merging), ${options.spec.accounts.toLocaleString('en-US')} accounts, seed ${options.spec.seed}; ${options.runs} loads per screen (the first with an empty browser cache), Chromium 1280×800\n` +
        `machine: ${availableParallelism()} CPUs, shared by the browser, the server and the database; ${machineLoad()}\n`,
    );
    // A build of our own: web/dist may be rebuilt by someone else while the benchmark runs.
    progress('building the web app');
    const webDir = join(workDir, 'web');
    const web = buildBenchWebApp(webDir);
    process.stdout.write(`web app: built from ${web.source}\n`);
    browser = await launchBenchChromium();

    const measurements: WebMeasurement[] = [];
    for (const kind of options.databases) {
      const database = await prepareRunDatabase(kind, workDir, options, progress);
      if (!database) continue;
      drops.push(database.drop);
      try {
        const { origin } = database;
        const ageDays = Math.floor((Date.now() - origin.loadedAt.getTime()) / 86_400_000);
        process.stdout.write(
          `\n[${kind}] data: ${origin.cached ? 'cached copy' : 'loaded now'} of \`leadpact demo\` (loaded ${origin.loadedAt.toISOString().slice(0, 16)}Z, ${ageDays} day(s) ago, the load took ${Math.round(origin.loadSeconds)} s; cache: ${origin.location}; schema ${origin.loadedUnderSchema}${origin.loadedUnderSchema === origin.currentSchema ? '' : `, migrated to ${origin.currentSchema} on this run's copy`})\n`,
        );
        measurements.push(await measureOn(kind, database, browser, webDir, options, progress));
        const measurement = measurements.at(-1)!;
        process.stdout.write(`${webTable(measurement, targetMs)}  ${machineLoad()}\n`);
        for (const screen of [measurement.inbox, measurement.leadList]) {
          const plan = slowestPlanText(screen, targetMs);
          if (plan) process.stdout.write(`\n${plan}`);
        }
      } finally {
        await database.drop();
        drops.splice(drops.indexOf(database.drop), 1);
      }
    }
    process.stdout.write(`\nscreenshots of the last load of each screen: ${benchScreenshotDirectory}/bench-web-*.png\n`);
    for (const measurement of measurements) process.stdout.write(`${webJsonLine(measurement)}\n`);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await browser?.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

async function prepareRunDatabase(kind: 'pglite' | 'postgres', workDir: string, options: Options, progress: (line: string) => void): Promise<RunDatabase | null> {
  const cacheOptions = { refresh: options.refresh, progress: (line: string) => progress(`[${kind}] ${line}`) };
  if (kind === 'pglite') {
    const dataDir = join(workDir, 'pglite');
    progress('[pglite] demo data: cached copy, or a load through `leadpact demo` (several minutes at 100,000 leads)');
    const origin = await pgliteDemoData(options.spec, dataDir, cacheOptions);
    return { openOptions: { dataDir }, serverEnv: { LEADPACT_DATA_DIR: dataDir }, origin, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const found = await findPostgresServer();
  if ('unavailable' in found) {
    process.stdout.write(`PostgreSQL skipped: ${found.unavailable}\n`);
    return null;
  }
  // findPostgresServer checked that this URL answers and names this machine.
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const adminUrl = new URL(url).pathname.length > 1 ? url : withDatabase(url, 'postgres');
  const name = `leadpact_bench_${randomBytes(4).toString('hex')}_web`;
  progress('[postgres] demo data: copy of the cached template database, or a load through `leadpact demo` first');
  const origin = await postgresDemoData(options.spec, adminUrl, name, cacheOptions);
  const databaseUrl = withDatabase(adminUrl, name);
  return {
    openOptions: { databaseUrl },
    serverEnv: { DATABASE_URL: databaseUrl },
    origin,
    async drop() {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}

async function measureOn(kind: 'pglite' | 'postgres', database: RunDatabase, browser: Browser, webDir: string, options: Options, progress: (line: string) => void): Promise<WebMeasurement> {
  const setup = await openDatabase(database.openOptions);
  let users;
  try {
    users = await pickBenchUsers(setup);
  } finally {
    await setup.close();
  }
  // The CLI migrates the copy first (prepareDatabase), so maintenance below sees the final schema.
  if (users.listUser.openLeads < options.leads) {
    throw new Error(`[${kind}] the demo organisation holds ${users.listUser.openLeads} leads, fewer than the ${options.leads} asked for: its re-submission share grew; raise capturesPerLead`);
  }
  process.stdout.write(`[${kind}] leads in the database: ${users.listUser.openLeads.toLocaleString('en-US')}\n`);
  setBenchPasswords([users.rep.principal.email, users.listUser.principal.email], database.serverEnv);
  process.stdout.write(`[${kind}] maintenance: ${await maintenance(database, options.vacuumAnalyze)}\n`);

  const screens: { spec: ScreenSpec; user: BenchUser; who: string }[] = [
    {
      spec: { screen: 'inbox', path: '/inbox', email: users.rep.principal.email, rowSelector: 'main tbody tr[data-lead-id]' },
      user: users.rep,
      who: `rep ${users.rep.name}, ${users.rep.openLeads} open leads (the most of any rep), ${users.rep.toWorkLeads} to work`,
    },
    {
      spec: { screen: 'lead list', path: '/leads', email: users.listUser.principal.email, rowSelector: 'main table tbody tr, [data-testid="lead-row"]' },
      user: users.listUser,
      who: `marketing ${users.listUser.name}, who reads all ${users.listUser.openLeads.toLocaleString('en-US')} leads`,
    },
  ];

  progress(`[${kind}] starting leadpact serve`);
  const server = await startLeadpactServer({ ...database.serverEnv, LEADPACT_WEB_DIR: webDir });
  const results = [];
  try {
    for (const screen of screens) {
      progress(`[${kind}] loading ${screen.spec.path} ${options.runs} times`);
      results.push(await measureScreen(browser, server.url, screen.spec, { runs: options.runs, rowTimeoutMs, screenshotName: `bench-web-${kind}-${screen.spec.path.slice(1)}` }));
    }
  } finally {
    await server.stop();
  }

  // The server holds a PGlite directory alone: the direct queries run once it has stopped.
  progress(`[${kind}] the same list queries straight against the database`);
  const direct = await openDatabase(database.openOptions);
  const measured: ScreenMeasurement[] = [];
  try {
    for (const [index, screen] of screens.entries()) {
      const result = results[index]!;
      const urls = result.loads.at(-1)?.apiCalls.map((call) => call.url) ?? [];
      const baseline = urls.length ? await measureDatabaseBaseline(direct, screen.user.principal, urls, options.runs) : null;
      measured.push({ result, who: screen.who, baseline });
    }
  } finally {
    await direct.close();
  }
  return { db: kind, inbox: measured[0]!, leadList: measured[1]! };
}

/**
 * The planner's statistics decide the list's plan (with none it sorts every lead for a page of 50).
 * PGlite runs no autovacuum, so its tables are never analyzed unless someone does it; PostgreSQL's
 * autovacuum may be off (it is on the shared test server). Says which, and runs VACUUM ANALYZE on
 * the copy when asked, to show what routine maintenance would give.
 */
async function maintenance(database: RunDatabase, vacuumAnalyze: boolean): Promise<string> {
  const handle = await openDatabase(database.openOptions);
  try {
    const autovacuum = handle.kind === 'pglite' ? 'PGlite has no autovacuum' : `autovacuum ${(await sql<{ autovacuum: string }>`show autovacuum`.execute(handle.db)).rows[0]?.autovacuum ?? 'unknown'} on this server`;
    if (!vacuumAnalyze) {
      // pg_stats, not pg_stat_user_tables: PGlite does not keep the latter's last_analyze across restarts.
      const analyzed = await sql<{ analyzed: boolean }>`select exists (select 1 from pg_stats where schemaname = current_schema() and tablename = 'leads') as analyzed`.execute(handle.db);
      return `none by the benchmark (${autovacuum}; leads ${analyzed.rows[0]?.analyzed ? 'analyzed' : 'never analyzed: no planner statistics'}); --vacuum-analyze shows the difference`;
    }
    const started = performance.now();
    await sql`vacuum analyze`.execute(handle.db);
    return `VACUUM ANALYZE on the copy before serving (--vacuum-analyze), ${Math.round((performance.now() - started) / 1000)} s (${autovacuum})`;
  } finally {
    await handle.close();
  }
}

/** Other work on the machine takes CPU from the run: the load average says how much there was. */
function machineLoad(): string {
  return `load average ${loadavg()[0]!.toFixed(2)} (1 min)`;
}

function parseOptions(args: string[]): Options {
  try {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, leads: { type: 'string' }, accounts: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, 'refresh-cache': { type: 'boolean' }, 'vacuum-analyze': { type: 'boolean' } },
    });
    const whole = (name: string, text: string | undefined, fallback: number, minimum: number) => {
      const value = text === undefined ? fallback : Number(text);
      if (!Number.isInteger(value) || value < minimum) throw new Error(`--${name}: expected a whole number ≥ ${minimum}, got ${text}`);
      return value;
    };
    const db = values.db ?? 'pglite';
    if (db !== 'pglite' && db !== 'postgres' && db !== 'both') throw new Error(`--db: expected pglite, postgres or both, got ${db}`);
    const leads = whole('leads', values.leads, 100_000, 100);
    return {
      databases: db === 'both' ? ['pglite', 'postgres'] : [db],
      leads,
      spec: { seed: whole('seed', values.seed, 42, 0), leads: Math.ceil(leads * capturesPerLead), accounts: whole('accounts', values.accounts, Math.max(1, Math.round(leads / 10)), 1) },
      runs: whole('runs', values.runs, 5, 1),
      refresh: values['refresh-cache'] ?? false,
      vacuumAnalyze: values['vacuum-analyze'] ?? false,
    };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    process.exit(2);
  }
}
