import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Servers started and not yet exited: an interrupted benchmark must not leave one running. */
const running = new Set<ChildProcess>();

/** SIGKILLs every server this process started that is still running. */
export function killLeadpactServers(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** A `leadpact serve` started by the benchmark in its own process, so its memory can be measured alone. */
export interface LeadpactServerProcess {
  url: string;
  pid: number;
  /** Resident set size now, in MB (VmRSS). */
  rssMegabytes(): number;
  /** Everything the server printed (for a failure message). */
  output(): string;
  /** SIGTERM (a graceful stop), SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `node bin/leadpact.js serve --no-demo` on 127.0.0.1 and a free port, with warn-level logs,
 * the given database variables and the rate limits out of the way. Resolves once the server
 * says it is listening; rejects (and kills it) if it exits or stays silent for `startTimeoutMs`.
 */
export async function startLeadpactServer(databaseEnv: Record<string, string>, startTimeoutMs = 120_000): Promise<LeadpactServerProcess> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.DATABASE_URL;
  delete env.LEADPACT_DATA_DIR;
  // Rate limits out of the way: the benchmark sends thousands of requests a second through one key.
  const unlimited = '100000000';
  Object.assign(env, databaseEnv, {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LEADPACT_DEMO_ON_EMPTY: 'false',
    LEADPACT_CAPTURE_RATE_LIMIT: unlimited,
    LEADPACT_RATE_LIMIT_PER_MINUTE: unlimited,
    LEADPACT_IP_RATE_LIMIT_PER_MINUTE: unlimited,
  });
  const child = spawn(process.execPath, ['bin/leadpact.js', 'serve', '--no-demo'], { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`leadpact serve did not start within ${startTimeoutMs} ms`)), startTimeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${printed}`));
    };
    child.stdout!.on('data', () => {
      const match = /leadpact is running at (http:\/\/\S+) /.exec(printed);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code, signal) => fail(new Error(`leadpact serve exited (${signal ?? code}) before listening`)));
  });

  return {
    url,
    pid: child.pid!,
    rssMegabytes: () => residentMegabytes(child.pid!),
    output: () => printed,
    async stop(graceMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function residentMegabytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux, or the process is gone: ask ps
  }
  try {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024 || 0;
  } catch {
    return 0;
  }
}
