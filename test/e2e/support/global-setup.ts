import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWebApp } from '../../../scripts/build-web-if-stale.ts';
import { chromiumPath } from './browser.ts';
import { e2ePassword, e2eUsers } from './demo-users.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const cli = path.join(projectRoot, 'bin', 'leadpact.js');
/** Big enough that the demo rep has leads of several grades and stages; small enough to load in ~30 s. */
const demoLeads = process.env.LEADPACT_E2E_DEMO_LEADS ?? '2500';
const demoAccounts = process.env.LEADPACT_E2E_DEMO_ACCOUNTS ?? '250';

function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): void {
  const result = spawnSync(process.execPath, [cli, ...args], { env, input, encoding: 'utf8', cwd: projectRoot });
  if (result.status !== 0) throw new Error(`leadpact ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

function waitForUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /leadpact is running at (http:\/\/\S+?) /.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.once('exit', (code) => reject(new Error(`leadpact serve exited (${code}) before listening:\n${output}`)));
  });
}

/**
 * Builds the web app if stale, loads a small demo organisation into a new PGlite directory through
 * the CLI (`demo --leads`), gives the test users a known password (`user password --password-stdin`)
 * and starts `leadpact serve` on a free port. Returns the teardown that stops it and deletes the data.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: install Debian's chromium (apt-get install chromium); the e2e tests never download a browser`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'leadpact-e2e-'));
  // A build of our own, served from LEADPACT_WEB_DIR: web/dist may be rebuilt while the tests run.
  const webDir = path.join(dataDir, 'web');
  buildWebApp({ outDir: webDir, quiet: true });
  const env: NodeJS.ProcessEnv = { ...process.env, LEADPACT_DATA_DIR: path.join(dataDir, 'db'), LEADPACT_WEB_DIR: webDir, LOG_LEVEL: 'warn', DATABASE_URL: '' };
  runCli(['demo', '--leads', demoLeads, '--accounts', demoAccounts, '--seed', '42'], env);
  for (const user of Object.values(e2eUsers)) runCli(['user', 'password', user.email, '--password-stdin'], env, `${e2ePassword}\n`);

  const server = spawn(process.execPath, [cli, 'serve', '--port', '0', '--no-demo'], { env: { ...env, HOST: '127.0.0.1' }, cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const baseUrl = await waitForUrl(server);
  project.provide('baseUrl', baseUrl);

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
