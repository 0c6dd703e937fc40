import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support/test-database.ts';

const bin = join(import.meta.dirname, '../../bin/leadpact.js');

/** Where a CLI run keeps its data: a temp PGlite directory, or the test's PostgreSQL schema. */
function cliEnvironment(database: TestDatabase | null, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', LEADPACT_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  if (database?.schema) env.DATABASE_URL = `${process.env.DATABASE_URL}${process.env.DATABASE_URL!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${database.schema}`)}`;
  return env;
}

describeEachDatabase('leadpact CLI', (kind) => {
  let database: TestDatabase | null = null;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  beforeAll(async () => {
    // PostgreSQL: an empty schema of the test server (the CLI migrates it). PGlite: a new directory.
    if (kind === 'postgres') database = await createTestDatabase(kind, { migrate: false });
    env = cliEnvironment(database, join(mkdtempSync(join(tmpdir(), 'leadpact-cli-')), 'data'));
  });
  afterAll(() => database?.destroy());

  it('validates pact files: every problem with its path, exit code 1; a good file exits 0', () => {
    const bad = cli('pact', 'validate', 'examples/invalid-pact.yaml');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error [a-zA-Z]+(\.[\w\[\]-]+)*: /m);
    expect(bad.stderr).toMatch(/nothing stored/);
    const good = cli('pact', 'validate', 'examples/default-pact.yaml');
    expect(good.code).toBe(0);
    expect(cli('pact', 'validate', 'no-such-file.yaml').stderr).toMatch(/FILE: cannot read/);
  });

  it('loads the demo into an empty database, refuses to load it twice, and explains a lead', { timeout: 240_000 }, () => {
    const demo = cli('demo', '--seed', '7', '--leads', '300', '--accounts', '60', '--json');
    expect(demo.code, demo.stderr).toBe(0);
    const summary = JSON.parse(demo.stdout.trim().split('\n').pop()!);
    expect(summary).toMatchObject({ seed: 7, leadsCaptured: 300, teams: 3 });
    const again = cli('demo', '--leads', '300');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has users or leads/);
    const list = cli('lead', 'list', '--stage', 'mql,sal', '--limit', '1', '--json');
    const leadId = JSON.parse(list.stdout).leads[0].id as string;
    const shown = cli('lead', 'show', leadId);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/fit rules that fired:/);
    expect(shown.stdout).toMatch(/routing: /);
    expect(shown.stdout).toMatch(/timeline:/);
    const missing = cli('lead', 'show', 'nobody@nowhere-at-all.com');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not found/);
  });

  it('takes a pact from draft to active with both approvals and shows the rescoring summary', { timeout: 240_000 }, () => {
    const proposed = cli('pact', 'propose', 'examples/default-pact.yaml', '--note', 'back to the default');
    expect(proposed.code, proposed.stderr).toBe(0);
    const version = proposed.stdout.match(/draft version (\d+)/)![1]!;
    expect(cli('pact', 'approve', version).code).toBe(2);
    const notApprover = cli('pact', 'approve', version, '--as', 'robin@demo.leadpact.dev');
    expect(notApprover.code).toBe(1);
    expect(cli('pact', 'activate', version).stderr).toMatch(/needs the marketing and sales approval/);
    expect(cli('pact', 'approve', version, '--as', 'morgan@demo.leadpact.dev').code).toBe(0);
    expect(cli('pact', 'approve', version, '--as', 'sam@demo.leadpact.dev').stdout).toMatch(/approved by both sides/);
    const activated = cli('pact', 'activate', version);
    expect(activated.code, activated.stderr).toBe(0);
    expect(activated.stdout).toMatch(/rescored \d+ open leads/);
    const diff = cli('pact', 'diff', '2', version);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/competitor|Demo pact|name/i);
    expect(cli('pact', 'show').stdout).toMatch(new RegExp(`Pact version ${version} \\(active\\)`));
  });

  it('refuses a second process on the same embedded database with a clear message', async () => {
    if (kind !== 'pglite') return;
    const server = spawn(process.execPath, [bin, 'serve', '--no-demo', '--port', '0'], { env });
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('is running at') ? resolve() : undefined));
        server.once('exit', () => reject(new Error('server exited')));
      });
      const second = cli('lead', 'list');
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/in use by another leadpact process/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });
});
