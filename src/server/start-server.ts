import { serve, type ServerType } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import type { Config } from '../config.ts';
import { databaseOptionsFromConfig, openDatabase, type DatabaseHandle } from '../db/open-database.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import { maintainBusyTables } from '../db/maintain-busy-tables.ts';
import { createApp } from '../http/create-app.ts';
import { createCaptureBatcher } from '../modules/capture/capture-batcher.ts';
import { demoEmailDomain } from '../core/demo/generate-demo-staff.ts';
import { loadDemoIfEmpty } from '../modules/demo/load-demo-organisation.ts';
import { ensureFirstSignIn, type FirstSignIn } from '../modules/identity/ensure-first-sign-in.ts';
import { startJobQueue, type JobQueue } from '../modules/jobs/job-queue.ts';

/** The demo users the first-start message names, one per role worth trying. */
const demoSignInEmails = [`admin@${demoEmailDomain}`, `morgan@${demoEmailDomain}`, `sam@${demoEmailDomain}`, `robin@${demoEmailDomain}`];

export interface RunningServer {
  url: string;
  port: number;
  database: DatabaseHandle;
  /**
   * Set on the first start (no user had a password): who to sign in as and the one-time password,
   * for the caller to show once. Never logged.
   */
  firstSignIn: FirstSignIn | null;
  stop(): Promise<void>;
}

/**
 * Opens the database (locked, migrated, default pact installed), loads the demo organisation on an
 * empty database when configured to, starts the job workers and the HTTP server. `stop` closes all
 * of it in the reverse order, letting in-flight captures finish first.
 */
export async function startServer(config: Config, options: { logger?: Logger } = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const database = await openDatabase(databaseOptionsFromConfig(config));
  let jobs: JobQueue | null = null;
  let firstSignIn: FirstSignIn | null = null;
  try {
    const prepared = await prepareDatabase(database);
    if (prepared.applied.length > 0) logger.info({ migrations: prepared.applied }, 'database migrated');
    if (config.demoOnEmpty) {
      const loaded = await loadDemoIfEmpty(database.db, { seed: config.demoSeed, now: new Date(), logger });
      if (loaded) logger.info(loaded, 'demo organisation loaded');
    }
    await maintainBusyTables(database.db);
    firstSignIn = await ensureFirstSignIn(database.db, { now: new Date(), demoEmailDomain, featuredDemoEmails: demoSignInEmails });
    if (firstSignIn) logger.info({ accounts: firstSignIn.accounts.map((account) => account.email) }, 'first start: sign-in password set (printed once on stdout)');
    jobs = config.runJobs ? await startJobQueue(database, { work: true, logger }) : null;
  } catch (error) {
    await jobs?.stop().catch(() => {});
    await database.close();
    throw error;
  }
  const captureBatcher = createCaptureBatcher(database.db, { now: () => new Date() });
  const app = createApp({ config, database, jobs, logger, captureBatcher, now: () => new Date() });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(started));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ url, database: database.kind, location: database.location }, 'leadpact is listening');
  let stopping: Promise<void> | null = null;
  return {
    url,
    port,
    database,
    firstSignIn,
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await captureBatcher.drain();
        await jobs?.stop();
        await database.close();
      })();
      return stopping;
    },
  };
}
