import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Node that runs the server. It must be Node 24 itself: under an older `node`, bin/leadpact.js
 * re-executes itself in a grandchild, and a SIGKILL would hit the wrapper and miss the server.
 */
function nodeBinary(): string {
  if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
  const pinned = fileURLToPath(new URL('../../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(pinned)) throw new Error('the crash test needs Node 24 (run `npm ci`)');
  return pinned;
}

/** A free TCP port on 127.0.0.1 now; the server gets it on every restart, so clients keep one URL. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** One `leadpact serve --no-demo` process. */
export interface LeadpactChild {
  pid: number;
  /** SIGKILL, no warning; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful: in-flight captures finish), SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
  /** True once the process has exited, for whatever reason. */
  hasExited(): boolean;
  /** Resolves when the process exits, with its exit code or signal. */
  exited: Promise<string>;
  /** The last 20,000 characters it printed (for failure messages). */
  output(): string;
}

/**
 * Starts `node bin/leadpact.js serve --no-demo` on 127.0.0.1:`port` with `env` added to this process's
 * environment, and resolves once it says it is listening. Rejects (and kills it) if it exits first or
 * stays silent for `startTimeoutMs`. `onLine` sees every line it prints.
 */
export async function startLeadpactChild(options: { port: number; env: Record<string, string>; startTimeoutMs?: number; onLine?: (line: string) => void }): Promise<LeadpactChild> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.DATABASE_URL;
  delete env.LEADPACT_DATA_DIR;
  Object.assign(env, { HOST: '127.0.0.1', LOG_LEVEL: 'warn', LEADPACT_DEMO_ON_EMPTY: 'false' }, options.env, { PORT: String(options.port) });
  const child: ChildProcess = spawn(nodeBinary(), ['bin/leadpact.js', 'serve', '--no-demo'], { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  let partialLine = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    printed = (printed + text).slice(-20_000);
    const lines = (partialLine + text).split('\n');
    partialLine = lines.pop() ?? '';
    for (const line of lines) options.onLine?.(line);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  await new Promise<void>((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 120_000;
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const onData = () => {
      if (/leadpact is running at http:\/\/\S+/.test(printed)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    function fail(why: string) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`leadpact serve ${why}\n${printed}`));
    }
    child.stdout!.on('data', onData);
    void exited.then((how) => {
      if (!/leadpact is running at/.test(printed)) fail(`exited (${how}) before listening`);
    });
  });

  return {
    pid: child.pid!,
    async kill() {
      if (!hasExited()) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 30_000) {
      if (!hasExited()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    hasExited,
    exited,
    output: () => printed,
  };
}
