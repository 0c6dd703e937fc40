// The README's test command: type check (server, web app, and the web app's API types against the
// routes), then every test on PGlite and on PostgreSQL, then the browser end-to-end suite
// (test/e2e), then one closing line "N passed, N failed" counting both suites. PostgreSQL comes
// from DATABASE_URL; without it a fresh database is created on the local server (127.0.0.1:5432,
// user postgres) and dropped afterwards. Arguments (test name filters, files) go to the unit suite
// only, and then the browser suite is skipped.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';

const localServer = 'postgres://postgres@127.0.0.1:5432';

async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const name = `leadpact_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: `${localServer}/postgres`, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (error) {
    process.stderr.write(`\nWARNING: no PostgreSQL at ${localServer} (${(error as Error).message}); running on PGlite only. Set DATABASE_URL to test PostgreSQL too.\n\n`);
    await admin.end().catch(() => {});
    return null;
  }
  await admin.end();
  return {
    url: `${localServer}/${name}`,
    async drop() {
      const client = new pg.Client({ connectionString: `${localServer}/postgres` });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

const typechecks: [string, string[]][] = [
  [process.execPath, ['scripts/generate-api-types.ts', '--check']],
  ['tsc', ['-p', '.']],
  ['tsc', ['-p', 'web']],
];
for (const [command, args] of typechecks) {
  if (run(command, args, process.env) !== 0) {
    process.stdout.write('type check failed\n0 passed, 1 failed\n');
    process.exit(1);
  }
}

const scratch = process.env.DATABASE_URL ? null : await createScratchDatabase();
const env = { ...process.env, ...(scratch ? { DATABASE_URL: scratch.url } : {}) };
mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
const vitestStatus = run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], env);
await scratch?.drop();

/** Passed and failed tests of one vitest run, from its JSON report; a run that left no report counts as one failure. */
function countResults(reportPath: string, status: number): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  try {
    const results = JSON.parse(readFileSync(reportPath, 'utf8')) as { numPassedTests: number; numFailedTests: number; testResults: { status: string; assertionResults: unknown[] }[] };
    passed = results.numPassedTests;
    // A test file that fails to load has no failed test in it, but it failed: count it once.
    const brokenFiles = results.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
    failed = results.numFailedTests + brokenFiles;
  } catch {
    failed = 1;
  }
  if (status !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

const unit = countResults(report, vitestStatus);
let browser = { passed: 0, failed: 0 };
if (process.argv.length <= 2) {
  // The browser suite runs its own server on PGlite: it needs no PostgreSQL.
  const browserReport = '.tmp/vitest-e2e-report.json';
  rmSync(browserReport, { force: true });
  const browserStatus = run('vitest', ['run', '--config', 'test/e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${browserReport}`], process.env);
  browser = countResults(browserReport, browserStatus);
}
const passed = unit.passed + browser.passed;
const failed = unit.failed + browser.failed;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
