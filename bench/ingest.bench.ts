import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/open-database.ts';
import { operatorAccess } from '../src/core/access/access-context.ts';
import { runImport } from '../src/modules/imports/run-import.ts';
import { benchLeadColumns, benchLeadCsv, benchLeads, type BenchLeads } from './ingest/bench-lead-rows.ts';
import { findPostgresServer, pgliteServer, type BenchDatabaseServer } from './ingest/bench-databases.ts';
import { copyCsvIntoBareTable } from './ingest/copy-csv-raw.ts';
import { cpuBetween, cpuOfProcesses } from './ingest/process-cpu.ts';
import { killLeadpactServers } from './ingest/leadpact-server-process.ts';
import { measureApiCapture } from './ingest/measure-api-capture.ts';
import { createBenchApiKey, prepareBenchDatabase } from './ingest/prepare-bench-database.ts';
import { ingestJsonLine, ingestTable, type IngestMeasurement } from './ingest/print-ingest-report.ts';

const usage = 'usage: npm run bench -- ingest [--rows N (default 20000)] [--warmup N (default 500)] [--db pglite|postgres (default both)] [--idempotency-keys]';
const seed = 42;
const connections = 8;
/** Hard stop for one API run, whatever the server does (keeps a run of both databases near 5 minutes at worst). */
const apiTimeLimitSeconds = 60;

/**
 * `npm run bench -- ingest`: on PGlite and on PostgreSQL, the same generated lead CSV three ways —
 * the database's raw COPY into a bare table (the floor), a bulk import through leadpact, and API
 * capture at concurrency 8 against a real `leadpact serve` child process. Prints a table per
 * database, then one JSON line per database as the last lines. Measures only; never asserts.
 */
export async function runBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const workDir = await mkdtemp(join(tmpdir(), 'leadpact-bench-'));
  const servers: BenchDatabaseServer[] = [];
  // Interrupted, the run still stops its server and removes what it created.
  const interrupted = () => {
    killLeadpactServers();
    void Promise.allSettled(servers.map((server) => server.dropAll()))
      .then(() => rm(workDir, { recursive: true, force: true }))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    if (options.databases.includes('pglite')) servers.push(pgliteServer(workDir));
    if (options.databases.includes('postgres')) {
      const found = await findPostgresServer();
      if ('server' in found) servers.push(found.server);
      else process.stdout.write(`PostgreSQL skipped: ${found.unavailable}; running on PGlite only.\n`);
    }

    // Rows anchored to the start of today (UTC): the same people and the same touch ages on every run of a day.
    const today = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
    const generated = benchLeads({ seed, now: today, count: options.rows + options.warmup });
    const leads = generated.leads.slice(0, options.rows);
    const warmupLeads = generated.leads.slice(options.rows);
    const csvFile = join(workDir, 'bench-leads.csv');
    const csv = benchLeadCsv(leads);
    await writeFile(csvFile, csv);
    process.stdout.write(
      `input: ${leads.length.toLocaleString('en-US')} distinct people (demo generator, seed ${seed}, up to ${today.toISOString().slice(0, 10)}), ` +
        `${(csv.length / 1_048_576).toFixed(1)} MB of leadpact CSV, ${benchLeadColumns.length} columns; the API gets the same rows as JSON on a fresh database\n` +
        `machine: ${availableParallelism()} CPUs, shared by the benchmark, the server and the database; ${machineLoad()}\n\n`,
    );

    const measurements: IngestMeasurement[] = [];
    for (const server of servers) {
      try {
        measurements.push(await measureOn(server, generated, leads, warmupLeads, csvFile, options.idempotencyKeys));
        process.stdout.write(`${ingestTable(measurements.at(-1)!)}  ${machineLoad()}\n\n`);
      } finally {
        await server.dropAll();
      }
    }
    for (const measurement of measurements) process.stdout.write(`${ingestJsonLine(measurement)}\n`);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await rm(workDir, { recursive: true, force: true });
  }
}

async function measureOn(
  server: BenchDatabaseServer,
  generated: BenchLeads,
  leads: BenchLeads['leads'],
  warmupLeads: BenchLeads['leads'],
  csvFile: string,
  idempotencyKeys: boolean,
): Promise<IngestMeasurement> {
  const progress = (step: string) => process.stderr.write(`[${server.kind}] ${step}\n`);

  progress('raw COPY and bulk import');
  const importDatabase = await server.create('import');
  const importHandle = await openDatabase(importDatabase.openOptions);
  let rawCopy;
  let bulkImport;
  try {
    await prepareBenchDatabase(importHandle, generated.campaigns);
    const copyBackends = cpuOfProcesses((await importDatabase.backendPids?.()) ?? []);
    rawCopy = await copyCsvIntoBareTable(importHandle, csvFile, benchLeadColumns);
    const importBackends = cpuOfProcesses((await importDatabase.backendPids?.()) ?? []);
    const copyDatabaseCpuMs = importDatabase.backendPids ? cpuBetween(copyBackends, importBackends) : null;
    const started = performance.now();
    const processCpu = process.cpuUsage();
    const report = await runImport(importHandle.db, {
      access: operatorAccess,
      fileName: 'bench-leads.csv',
      source: createReadStream(csvFile),
      actor: { type: 'import', id: null, label: 'import bench-leads.csv' },
      now: new Date(),
    });
    const seconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(processCpu);
    const databaseCpuMs = importDatabase.backendPids ? cpuBetween(importBackends, cpuOfProcesses(await importDatabase.backendPids())) : null;
    bulkImport = {
      rows: report.rows,
      seconds,
      created: report.created,
      merged: report.merged,
      junk: report.junk,
      rejected: report.rejected,
      processCpuMsPerRow: (user + system) / 1000 / report.rows,
      databaseCpuMsPerRow: databaseCpuMs === null ? null : databaseCpuMs / report.rows,
    };
    rawCopy = { ...rawCopy, databaseCpuMsPerRow: copyDatabaseCpuMs === null ? null : copyDatabaseCpuMs / rawCopy.rows };
  } finally {
    await importHandle.close();
  }

  progress(`API capture, ${connections} connections${idempotencyKeys ? ', an Idempotency-Key on every request' : ''}`);
  const apiDatabase = await server.create('api');
  const setupHandle = await openDatabase(apiDatabase.openOptions);
  let authorization;
  try {
    await prepareBenchDatabase(setupHandle, generated.campaigns);
    authorization = await createBenchApiKey(setupHandle);
  } finally {
    await setupHandle.close();
  }
  const api = await measureApiCapture({
    serverEnv: apiDatabase.serverEnv,
    headers: { authorization },
    leads: leads.map((lead) => lead.body),
    warmupLeads: warmupLeads.map((lead) => lead.body),
    connections,
    maxSeconds: apiTimeLimitSeconds,
    backendPids: apiDatabase.backendPids,
    idempotencyKeys,
  });
  const countHandle = await openDatabase(apiDatabase.openOptions);
  let apiLeadsStored;
  try {
    const stored = await countHandle.db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    apiLeadsStored = Number(stored.count);
  } finally {
    await countHandle.close();
  }

  return { db: server.kind, location: server.location, rawCopy, bulkImport, api, apiLeadsStored, apiWarmupLeads: warmupLeads.length, apiIdempotencyKeys: idempotencyKeys };
}

/** Other work on the machine takes CPU from the run: the load average says how much there was. */
function machineLoad(): string {
  return `load average ${loadavg()[0]!.toFixed(2)} (1 min)`;
}

function parseOptions(args: string[]): { rows: number; warmup: number; databases: string[]; idempotencyKeys: boolean } {
  try {
    const { values } = parseArgs({ args, options: { rows: { type: 'string' }, warmup: { type: 'string' }, db: { type: 'string' }, 'idempotency-keys': { type: 'boolean' } } });
    const whole = (text: string | undefined, fallback: number, minimum: number) => {
      const value = text === undefined ? fallback : Number(text);
      if (!Number.isInteger(value) || value < minimum) throw new Error(`expected a whole number ≥ ${minimum}, got ${text}`);
      return value;
    };
    const databases = values.db === undefined ? ['pglite', 'postgres'] : [values.db];
    if (!databases.every((db) => db === 'pglite' || db === 'postgres')) throw new Error(`--db: expected pglite or postgres, got ${values.db}`);
    return { rows: whole(values.rows, 20_000, 100), warmup: whole(values.warmup, 500, 8), databases, idempotencyKeys: values['idempotency-keys'] === true };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    process.exit(2);
  }
}
