import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pgliteCrashDatabase, postgresCrashDatabase, type CrashDatabase } from './crash/crash-database.ts';
import { restartLocalPostgres } from './crash/restart-postgres.ts';
import { crashReportJson, runCrashTest, type CrashReport } from './crash/run-crash-test.ts';

const usage =
  'usage: npm run bench -- crash [--leads N (default 20000)] [--db pglite|postgres (default both)] [--concurrency N (default 16)] ' +
  '[--kill-after MIN-MAX ms of uptime (default 5000-15000)] [--no-postgres-restart] [--postgres-cluster NAME (default main)] [--seed N]';

/**
 * `npm run bench -- crash`: the full crash test. On PGlite and on PostgreSQL, a client streams 20,000
 * leads through `POST /api/leads` with Idempotency-Keys and retries while the `leadpact serve` child
 * is SIGKILLed at random moments and restarted; on PostgreSQL the server itself is also restarted
 * once, half-way (`pg_ctlcluster … main restart`: every other client of that server loses its
 * connections — run it where nobody else is testing, or point DATABASE_URL at a cluster of its own
 * and name it with --postgres-cluster). Prints a table per database, then
 * one JSON line per database last. Measures and reports what the database holds; never asserts.
 */
export async function runBench(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const workDir = await mkdtemp(join(tmpdir(), 'leadpact-crash-bench-'));
  const reports: CrashReport[] = [];
  process.stdout.write(
    `crash test: ${options.leads.toLocaleString('en-US')} leads per database, concurrency ${options.concurrency}, a SIGKILL ${options.killAfterMs[0]}–${options.killAfterMs[1]} ms after each start, ` +
      `seed ${options.seed}; machine: ${availableParallelism()} CPUs, load ${loadavg().map((value) => value.toFixed(1)).join(' ')}\n\n`,
  );
  try {
    for (const kind of options.databases) {
      let database: CrashDatabase;
      try {
        database = kind === 'pglite' ? pgliteCrashDatabase(workDir) : await postgresCrashDatabase(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
      } catch (error) {
        process.stdout.write(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)}\n\n`);
        continue;
      }
      const report = await runCrashTest({
        database,
        leads: options.leads,
        concurrency: options.concurrency,
        maxAttempts: 200,
        maxBackoffMs: 2000,
        killAfterMs: options.killAfterMs,
        restartPostgres: kind === 'postgres' && options.restartPostgres ? { atShare: 0.5, restart: () => restartLocalPostgres(options.postgresCluster) } : null,
        runJobs: true,
        leaseSeconds: 5,
        seed: options.seed,
        log: (line) => process.stdout.write(`  ${new Date().toISOString().slice(11, 19)} ${line}\n`),
      });
      reports.push(report);
      process.stdout.write(`\n${crashTable(report)}\n`);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  for (const report of reports) process.stdout.write(`${crashReportJson(report)}\n`);
}

function crashTable(report: CrashReport): string {
  const rows: [string, string | number][] = [
    ['leads sent', report.client.leads - report.client.notSent],
    ['acknowledged (2xx)', report.client.acknowledged],
    ['  of which replayed (Idempotency-Replayed)', report.client.replayed],
    ['leads retried (> 1 attempt)', report.client.retried],
    ['attempts', report.client.attempts],
    ['connection errors / 5xx / 409 / 429', `${report.client.connectionErrors} / ${report.client.serverErrors} / ${report.client.inFlightConflicts} / ${report.client.rateLimited}`],
    ['given up', report.client.gaveUp],
    ['SIGKILLs / restarts / unexpected exits', `${report.kills} / ${report.restarts} / ${report.unexpectedExits}`],
    ['PostgreSQL restarts', report.postgresRestarts],
    ['idempotency keys taken over after a kill', report.leaseTakeovers],
    ['stored exactly once', report.stored.exactlyOnce],
    ['DUPLICATES (stored twice)', report.stored.duplicates],
    ['LOST (acknowledged, not stored)', report.stored.lostAcknowledged],
    ['not acknowledged but stored', report.stored.unacknowledgedStored],
    ['keys left in flight', report.stored.inFlightKeys],
    ['seconds', (report.durationMs / 1000).toFixed(0)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  const problems = [
    ...(report.stored.duplicateEmails.length > 0 ? [`  stored twice: ${report.stored.duplicateEmails.join(', ')}`] : []),
    ...(report.stored.lostEmails.length > 0 ? [`  lost: ${report.stored.lostEmails.join(', ')}`] : []),
  ];
  return `${report.database} (${report.location})\n${[...lines, ...problems].join('\n')}\n`;
}

interface CrashBenchOptions {
  leads: number;
  databases: ('pglite' | 'postgres')[];
  concurrency: number;
  killAfterMs: [number, number];
  restartPostgres: boolean;
  /** The cluster of DATABASE_URL's server, restarted half-way. */
  postgresCluster: string;
  seed: number;
}

function parseOptions(args: string[]): CrashBenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      leads: { type: 'string', default: '20000' },
      db: { type: 'string' },
      concurrency: { type: 'string', default: '16' },
      'kill-after': { type: 'string', default: '5000-15000' },
      'no-postgres-restart': { type: 'boolean', default: false },
      'postgres-cluster': { type: 'string', default: 'main' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  const positive = (text: string, name: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) fail(`--${name} must be a positive integer`);
    return value;
  };
  const killAfter = /^(\d+)-(\d+)$/.exec(values['kill-after']);
  if (!killAfter || Number(killAfter[1]) > Number(killAfter[2])) fail('--kill-after must be MIN-MAX in ms, e.g. 2000-8000');
  if (values.db !== undefined && values.db !== 'pglite' && values.db !== 'postgres') fail('--db must be pglite or postgres');
  return {
    leads: positive(values.leads, 'leads'),
    databases: values.db === undefined ? ['pglite', 'postgres'] : [values.db as 'pglite' | 'postgres'],
    concurrency: positive(values.concurrency, 'concurrency'),
    killAfterMs: [Number(killAfter![1]), Number(killAfter![2])],
    restartPostgres: !values['no-postgres-restart'],
    postgresCluster: values['postgres-cluster'],
    seed: values.seed === undefined ? Date.now() % 1_000_000 : positive(values.seed, 'seed'),
  };
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}
