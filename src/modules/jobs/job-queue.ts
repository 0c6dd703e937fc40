import { sql } from 'kysely';
import { PgBoss, fromPglite } from 'pg-boss';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../../db/open-database.ts';
import { rescoreOpenLeads } from '../pact/rescore-open-leads.ts';

export const rescoreQueue = 'rescore-open-leads';

export interface JobQueue {
  /** Queues the rescoring of every open lead for an activation (the run row already exists). */
  enqueueRescore(runId: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss on the same database as everything else: on PGlite through pg-boss's own PGlite adapter
 * over our single instance, on PostgreSQL with its own small pool. `work` starts the workers; the
 * CLI and tests that only enqueue pass false.
 */
export async function startJobQueue(handle: DatabaseHandle, options: { work: boolean; logger?: Logger; schema?: string }): Promise<JobQueue> {
  const schema = options.schema ?? (await jobSchemaFor(handle));
  const boss =
    handle.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(handle.pglite!), backend: 'pglite', schema, supervise: options.work, schedule: false })
      : new PgBoss({ connectionString: connectionStringOf(handle), max: 3, schema, supervise: options.work, schedule: false });
  boss.on('error', (error: unknown) => options.logger?.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(rescoreQueue, { retryLimit: 2, retryDelay: 5, expireInSeconds: 3600 });
  if (options.work) {
    await boss.work<{ runId: string }>(rescoreQueue, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      if (!job) return;
      const summary = await rescoreOpenLeads(handle.db, { runId: job.data.runId, now: new Date() });
      options.logger?.info({ runId: job.data.runId, summary: { ...summary, lostMqlLeadIds: undefined } }, 'rescored open leads');
    });
  }
  return {
    async enqueueRescore(runId) {
      await boss.send(rescoreQueue, { runId }, { singletonKey: runId });
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/**
 * pg-boss keeps its tables beside ours: `pgboss` for a database in `public`, `<schema>_pgboss` when
 * leadpact lives in another schema — so two leadpacts sharing one server never take each other's jobs.
 */
async function jobSchemaFor(handle: DatabaseHandle): Promise<string> {
  const current = (await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db)).rows[0]?.schema ?? 'public';
  return current === 'public' ? 'pgboss' : `${current}_pgboss`;
}

function connectionStringOf(handle: DatabaseHandle): string {
  const options = (handle.pool as unknown as { options: { connectionString: string } }).options;
  return options.connectionString;
}
