import { randomBytes } from 'node:crypto';
import { countStoredLeads, type StoredLeadCounts } from './count-stored-leads.ts';
import { prepareCrashDatabase, type CrashDatabase } from './crash-database.ts';
import { streamLeads, type LeadDelivery, type StreamCounts } from './lead-stream-client.ts';
import { freePort, startLeadpactChild, type LeadpactChild } from './leadpact-child.ts';

export interface CrashRunOptions {
  database: CrashDatabase;
  leads: number;
  concurrency: number;
  maxAttempts: number;
  /** Longest pause between two attempts of a lead (ms). */
  maxBackoffMs?: number;
  /** A server that has come up is SIGKILLed after a random time in [min, max] ms. */
  killAfterMs: readonly [number, number];
  /** No more kills after this many (default: no limit). */
  maxKills?: number;
  /** Restart PostgreSQL once, when this share of the leads has settled (the full benchmark only). */
  restartPostgres?: { atShare: number; restart: () => Promise<void> } | null;
  /** LEADPACT_RUN_JOBS of the server (pg-boss workers make each start slower). */
  runJobs: boolean;
  /** LEADPACT_IDEMPOTENCY_LEASE_SECONDS: how long a key left in flight by a kill blocks its retries. */
  leaseSeconds: number;
  /** Epoch ms after which the client starts no new lead (a bound for CI); none by default. */
  deadline?: number;
  /** Seed of the kill times (same seed, same schedule of pauses). */
  seed: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  database: 'pglite' | 'postgres';
  location: string;
  seed: number;
  client: StreamCounts;
  kills: number;
  restarts: number;
  /** Server exits nobody asked for (each is restarted like a kill). */
  unexpectedExits: number;
  postgresRestarts: number;
  /** Keys a retry took over after a kill left them in flight (from the servers' logs). */
  leaseTakeovers: number;
  stored: StoredLeadCounts;
  durationMs: number;
  deliveries: LeadDelivery[];
}

/** mulberry32: a small seeded generator, so a run's kill schedule can be repeated. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The crash test: prepares a fresh database, runs `leadpact serve` on it as a child process and
 * streams leads through the API with idempotency keys and retries, while a supervisor SIGKILLs the
 * server at random moments and starts it again (and, if asked, restarts PostgreSQL once). When the
 * client is done the server is stopped and the database is asked what it holds: every acknowledged
 * lead exactly once, none twice. Measures and reports; the caller decides what to assert. Removes
 * the database afterwards.
 */
export async function runCrashTest(options: CrashRunOptions): Promise<CrashReport> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const random = seededRandom(options.seed);
  const runTag = randomBytes(3).toString('hex');
  const { apiKey } = await prepareCrashDatabase(options.database, new Date());
  log(`${options.database.kind}: database prepared in ${Date.now() - started} ms`);
  const port = await freePort();
  let leaseTakeovers = 0;
  const start = () =>
    startLeadpactChild({
      port,
      env: {
        ...options.database.serverEnv,
        LEADPACT_RUN_JOBS: String(options.runJobs),
        LEADPACT_IDEMPOTENCY_LEASE_SECONDS: String(options.leaseSeconds),
        LEADPACT_RATE_LIMIT_PER_MINUTE: '100000000',
      },
      onLine: (line) => {
        if (line.includes('idempotency key taken over')) leaseTakeovers += 1;
      },
    });

  let server: LeadpactChild;
  try {
    server = await start();
  } catch (error) {
    await options.database.remove();
    throw error;
  }
  let kills = 0;
  let restarts = 0;
  let unexpectedExits = 0;
  let postgresRestarts = 0;
  let postgresRestartDue = false;
  let clientDone = false;
  log(`${options.database.kind}: server up on port ${port}; streaming ${options.leads} leads`);

  const client = streamLeads({
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    count: options.leads,
    concurrency: options.concurrency,
    maxAttempts: options.maxAttempts,
    runTag,
    ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
    ...(options.maxBackoffMs !== undefined ? { maxBackoffMs: options.maxBackoffMs } : {}),
    onSettled: (_delivery, settled) => {
      if (options.restartPostgres && postgresRestarts === 0 && settled >= options.leads * options.restartPostgres.atShare) postgresRestartDue = true;
      if (settled % Math.max(1, Math.floor(options.leads / 10)) === 0) log(`${options.database.kind}: ${settled}/${options.leads} settled, ${kills} kills`);
    },
  }).finally(() => {
    clientDone = true;
  });

  const supervisor = (async () => {
    while (!clientDone) {
      const [minMs, maxMs] = options.killAfterMs;
      const killAt = Date.now() + minMs + random() * (maxMs - minMs);
      const killsLeft = kills < (options.maxKills ?? Number.POSITIVE_INFINITY);
      while (!clientDone && (!killsLeft || Date.now() < killAt) && !server.hasExited() && !(postgresRestartDue && postgresRestarts === 0)) await sleep(25);
      if (clientDone) break;
      if (server.hasExited()) {
        unexpectedExits += 1;
        log(`${options.database.kind}: the server exited on its own (${await server.exited}); starting it again\n${server.output().slice(-2000)}`);
      } else if (postgresRestartDue && postgresRestarts === 0 && options.restartPostgres) {
        log(`${options.database.kind}: restarting PostgreSQL`);
        await options.restartPostgres.restart();
        postgresRestarts += 1;
        continue;
      } else {
        await server.kill();
        kills += 1;
      }
      const restartedAt = Date.now();
      server = await start();
      restarts += 1;
      log(`${options.database.kind}: restart ${restarts} took ${Date.now() - restartedAt} ms`);
    }
  })();

  let deliveries: LeadDelivery[];
  let counts: StreamCounts;
  let stored: StoredLeadCounts;
  try {
    [{ deliveries, counts }] = await Promise.all([client, supervisor]);
    log(`${options.database.kind}: client done after ${Date.now() - started} ms`);
    await server.stop();
    const handle = await options.database.open();
    try {
      stored = await countStoredLeads(handle, deliveries);
    } finally {
      await handle.close();
    }
  } finally {
    clientDone = true;
    await server.kill();
    await options.database.remove();
  }
  return {
    database: options.database.kind,
    location: options.database.location,
    seed: options.seed,
    client: counts,
    kills,
    restarts,
    unexpectedExits,
    postgresRestarts,
    leaseTakeovers,
    stored,
    durationMs: Date.now() - started,
    deliveries,
  };
}

/** The report as one line of JSON (deliveries left out). */
export function crashReportJson(report: CrashReport): string {
  const { deliveries: _deliveries, ...summary } = report;
  return JSON.stringify(summary);
}
