import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteCrashDatabase, postgresCrashDatabase } from '../../bench/crash/crash-database.ts';
import { crashReportJson, runCrashTest } from '../../bench/crash/run-crash-test.ts';
import { databaseKinds } from '../support/test-database.ts';

/**
 * The short form of `npm run bench -- crash`: real `leadpact serve` processes, really SIGKILLed at
 * random moments and restarted, while a client streams leads with idempotency keys and retries.
 * PostgreSQL itself is not restarted here — other tests share the server; the benchmark does that.
 */
const leads = 1500;
const workDir = mkdtempSync(join(tmpdir(), 'leadpact-crash-test-'));

describe('crash test (short form)', () => {
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it.concurrent.each(databaseKinds)(
    'on %s: every acknowledged lead exists exactly once after SIGKILLs and restarts, none twice',
    async (kind) => {
      const database = kind === 'pglite' ? pgliteCrashDatabase(workDir) : await postgresCrashDatabase(process.env.DATABASE_URL!);
      const report = await runCrashTest({
        database,
        leads,
        concurrency: 16,
        maxAttempts: 100,
        maxBackoffMs: 1000,
        killAfterMs: [1000, 2500],
        maxKills: 3,
        runJobs: false,
        leaseSeconds: 2,
        seed: Date.now() % 1_000_000,
        deadline: Date.now() + 150_000,
      });
      // The counts, for the CI log (and a failure message).
      process.stdout.write(`crash test ${crashReportJson(report)}\n`);
      expect(report.kills).toBeGreaterThanOrEqual(1);
      expect(report.unexpectedExits).toBe(0);
      expect(report.restarts).toBe(report.kills);
      expect(report.stored.duplicates, `stored twice: ${report.stored.duplicateEmails.join(', ')}`).toBe(0);
      expect(report.stored.lostAcknowledged, `acknowledged but not stored: ${report.stored.lostEmails.join(', ')}`).toBe(0);
      // Liveness: after every crash the service came back and took every retried lead.
      expect(report.client.notSent).toBe(0);
      expect(report.client.gaveUp).toBe(0);
      expect(report.client.acknowledged).toBe(leads);
      expect(report.stored.exactlyOnce).toBe(leads);
      expect(report.client.retried).toBeGreaterThan(0);
    },
    240_000,
  );
});
