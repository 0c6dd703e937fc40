import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { DatabaseKind } from '../test/support/test-database.ts';
import { createFuzzWorld } from '../src/http/fuzz/fuzz-world.ts';
import { describeFailure, fuzzApi, type OperationFuzzReport } from '../src/http/fuzz/run-api-fuzz.ts';

const usage = 'usage: npm run bench -- fuzz [--runs N (default 2000)] [--db pglite|postgres (default both)] [--seed N] [--only TEXT]';
const localPostgres = 'postgres://postgres@127.0.0.1:5432/postgres';

interface FuzzBenchOptions {
  runs: number;
  databases: DatabaseKind[];
  seed: number;
  only: string | undefined;
}

function parseOptions(args: string[]): FuzzBenchOptions {
  const { values } = parseArgs({ args, options: { runs: { type: 'string' }, db: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' } } });
  const runs = Number(values.runs ?? 2000);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || (values.db !== undefined && values.db !== 'pglite' && values.db !== 'postgres')) {
    process.stderr.write(`${usage}\n`);
    process.exit(2);
  }
  return { runs, seed, only: values.only, databases: values.db ? [values.db as DatabaseKind] : ['pglite', 'postgres'] };
}

/** DATABASE_URL, else the local server when it answers (the fuzz world makes its own schema there and drops it). */
async function postgresAvailable(): Promise<string | null> {
  if (process.env.DATABASE_URL) return null;
  const client = new pg.Client({ connectionString: localPostgres, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    process.env.DATABASE_URL = localPostgres;
    return null;
  } catch (error) {
    return `no PostgreSQL at 127.0.0.1:5432 (${error instanceof Error ? error.message : String(error)}) and DATABASE_URL is not set`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function statusText(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
}

function operationLine(report: OperationFuzzReport): string {
  const mark = report.failure ? '  FAILED' : '';
  return `${report.operation.padEnd(46)} ${String(report.requests).padStart(7)} ${String(report.valid).padStart(6)} ${String(report.invalid).padStart(7)} ${report.seconds.toFixed(1).padStart(8)}  ${statusText(report.statuses)}${mark}\n`;
}

interface DatabaseResult {
  database: DatabaseKind;
  endpoints: number;
  requests: number;
  failures: number;
  seconds: number;
}

async function fuzzOn(kind: DatabaseKind, options: FuzzBenchOptions): Promise<DatabaseResult> {
  const started = performance.now();
  const world = await createFuzzWorld(kind);
  try {
    process.stdout.write(`\n${kind}: ${world.operations.length} operations in the OpenAPI document, ${options.runs} generated requests each, seed ${options.seed}\n`);
    for (const problem of world.fixtureProblems) process.stdout.write(`  seeding problem: ${problem}\n`);
    process.stdout.write(`${'operation'.padEnd(46)} ${'requests'.padStart(7)} ${'valid'.padStart(6)} ${'invalid'.padStart(7)} ${'seconds'.padStart(8)}  statuses\n`);
    const reports = await fuzzApi(world, { numRuns: options.runs, seed: options.seed, ...(options.only ? { only: options.only } : {}), onOperation: (report) => process.stdout.write(operationLine(report)) });
    const failed = reports.filter((report) => report.failure !== null);
    for (const report of failed) process.stdout.write(`\nFAILURE on ${kind}: ${describeFailure(report)}\n`);
    const requests = reports.reduce((sum, report) => sum + report.requests, 0);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${kind}: ${reports.length} operations, ${requests.toLocaleString('en-US')} requests in ${seconds.toFixed(0)} s, ${failed.length} failing operation(s)\n`);
    return { database: kind, endpoints: reports.length, requests, failures: failed.length + world.fixtureProblems.length, seconds };
  } finally {
    await world.destroy();
  }
}

/**
 * `npm run bench -- fuzz`: the API fuzzer of src/http/fuzz at 2,000 generated requests per
 * operation (CI runs 200), on PGlite and PostgreSQL. Prints a line per operation (requests, valid
 * and invalid by construction, time, statuses), every failure with fast-check's smallest failing
 * request and how to replay it, a JSON line per database, and last
 * `{"bench":"fuzz","endpoints","requests","failures","seconds"}`. Exit code 1 when anything failed.
 */
export async function runBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const results: DatabaseResult[] = [];
  const started = performance.now();
  for (const kind of options.databases) {
    if (kind === 'postgres') {
      const unavailable = await postgresAvailable();
      if (unavailable) {
        process.stdout.write(`PostgreSQL skipped: ${unavailable}.\n`);
        continue;
      }
    }
    results.push(await fuzzOn(kind, options));
  }
  process.stdout.write('\n');
  for (const result of results) process.stdout.write(`${JSON.stringify({ bench: 'fuzz', ...result, seconds: Math.round(result.seconds) })}\n`);
  const total = {
    bench: 'fuzz',
    endpoints: Math.max(0, ...results.map((result) => result.endpoints)),
    requests: results.reduce((sum, result) => sum + result.requests, 0),
    failures: results.reduce((sum, result) => sum + result.failures, 0),
    seconds: Math.round((performance.now() - started) / 1000),
    databases: results.map((result) => result.database),
    runsPerEndpoint: options.runs,
    seed: options.seed,
  };
  process.stdout.write(`${JSON.stringify(total)}\n`);
  if (total.failures > 0) process.exitCode = 1;
}
