// `npm start` runs this first (prestart): builds the web app into web/dist when there is no build
// or anything it is built from changed since. A fresh build costs a second; a current one, nothing.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const webRoot = path.join(projectRoot, 'web');
const builtIndex = path.join(webRoot, 'dist', 'index.html');
/** What the build reads: the app's source and public files, its page, its config, and the installed packages. */
const buildInputs = [path.join(webRoot, 'src'), path.join(webRoot, 'public'), path.join(webRoot, 'index.html'), path.join(webRoot, 'vite.config.ts'), path.join(projectRoot, 'package-lock.json')];

function newestChange(entry: string): number {
  let stats;
  try {
    stats = statSync(entry);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stats.mtimeMs);
}

/** Why web/dist must be (re)built, or null when it is current. */
export function staleBuildReason(): string | null {
  let builtAt: number;
  try {
    builtAt = statSync(builtIndex).mtimeMs;
  } catch {
    return 'web/dist does not exist yet';
  }
  const changedAt = Math.max(...buildInputs.map(newestChange));
  return changedAt > builtAt ? 'the web app changed since web/dist was built' : null;
}

/** Builds web/dist with vite (under this same Node) when it is stale; throws when the build fails. */
export function buildWebIfStale(options: { quiet?: boolean } = {}): void {
  const reason = staleBuildReason();
  if (reason === null) return;
  if (!options.quiet) process.stdout.write(`building the web app (${reason})…\n`);
  buildWebApp(options);
}

/** Builds the web app with vite (under this same Node) into web/dist or `outDir`; throws when the build fails. */
export function buildWebApp(options: { quiet?: boolean; outDir?: string } = {}): void {
  const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const outDir = options.outDir ? ['--outDir', options.outDir, '--emptyOutDir'] : [];
  const result = spawnSync(process.execPath, [vite, 'build', webRoot, '--logLevel', options.quiet ? 'error' : 'warn', ...outDir], { stdio: 'inherit', cwd: projectRoot });
  if (result.status !== 0) throw new Error(`the web app build failed (vite exited with ${result.status ?? result.signal})`);
}

if (import.meta.main) {
  try {
    buildWebIfStale();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
